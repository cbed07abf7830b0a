extension HTMLWriter {
    /// The per-label view: one row per label with its support, precision, recall and F1, each score with
    /// a bar behind its number. Works for any number of labels (a multi-label model's hundred as well as
    /// a topic model's few); the rows keep the order given, and F1 below `lowF1` is bold.
    package mutating func labelScores(_ rows: [ClassifierReport.LabelScores], lowF1: Double) {
        element("table", ["class": "data per-label"]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", ["scope": "col"], text: "label")
                    html.element("th", ["scope": "col", "class": "num"], text: "support")
                    for name in ["precision", "recall", "F1"] { html.element("th", ["scope": "col", "class": "num"], text: name) }
                }
            }
            html.element("tbody") { html in
                for row in rows {
                    html.element("tr") { html in
                        html.element("td", text: row.label)
                        html.element("td", ["class": "num"], text: NumberText.count(row.support))
                        for (value, isF1) in [(row.precision, false), (row.recall, false), (row.f1, true)] {
                            html.element("td", ["class": isF1 && value < lowF1 ? "num score low" : "num score"]) { html in
                                let share = value.isFinite ? min(1, max(0, value)) : 0
                                html.element("span", ["class": "bar", "style": "width: calc((100% - 8px) * \(SVGCanvas.number(share)))"], text: "")
                                html.element("span", ["class": "v"], text: NumberText.decimal(value))
                            }
                        }
                    }
                    html.newline()
                }
            }
        }
        newline()
    }
}
