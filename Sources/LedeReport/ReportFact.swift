/// One named value a report shows as a row of a table or a headline figure: "accuracy" and "0.9712",
/// "training data" and "bbc/train.jsonl".
public struct ReportFact: Sendable, Equatable {
    public var name: String
    public var value: String

    /// Creates a fact.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A small table a report shows as it is: a caption, column names and rows of text (a model's
/// sources and their label counts, a cross-validation grid).
public struct ReportTable: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]
    /// Which columns hold numbers (right-aligned).
    public var numericColumns: Set<Int>

    /// Creates a table.
    public init(caption: String, columns: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
    }
}

extension HTMLWriter {
    /// Facts as a two-column table.
    package mutating func facts(_ facts: [ReportFact], caption: String? = nil) {
        element("table", ["class": "facts"]) { html in
            if let caption { html.element("caption", text: caption) }
            html.element("tbody") { html in
                for fact in facts {
                    html.element("tr") { html in
                        html.element("th", ["scope": "row"], text: fact.name)
                        html.element("td", text: fact.value)
                    }
                    html.newline()
                }
            }
        }
        newline()
    }

    /// Headline figures as a row of cards, each a large value over its name.
    package mutating func cards(_ facts: [ReportFact]) {
        element("div", ["class": "cards"]) { html in
            for fact in facts {
                html.element("div", ["class": "card"]) { html in
                    html.element("div", ["class": "value"], text: fact.value)
                    html.element("div", ["class": "name"], text: fact.name)
                }
            }
        }
        newline()
    }

    /// A `ReportTable`.
    package mutating func table(_ table: ReportTable) {
        element("table", ["class": "data"]) { html in
            html.element("caption", text: table.caption)
            html.element("thead") { html in
                html.element("tr") { html in
                    for (i, column) in table.columns.enumerated() {
                        html.element("th", ["scope": "col", "class": table.numericColumns.contains(i) ? "num" : nil], text: column)
                    }
                }
            }
            html.element("tbody") { html in
                for row in table.rows {
                    html.element("tr") { html in
                        for (i, cell) in row.enumerated() {
                            html.element("td", ["class": table.numericColumns.contains(i) ? "num" : nil], text: cell)
                        }
                    }
                    html.newline()
                }
            }
        }
        newline()
    }

    /// A chart in a `figure`, with a caption under it.
    package mutating func figure(_ svg: String, caption: String?, wide: Bool = false) {
        element("figure", ["class": wide ? "wide" : nil]) { html in
            html.element("div", ["class": "chart-box"]) { $0.markup(svg) }
            if let caption { html.element("figcaption", text: caption) }
        }
        newline()
    }
}
