/// One report as a self-contained HTML page: a header with the title, what was evaluated and the
/// date, a list of the sections, the sections, and a footer. No script, nothing to fetch: the style
/// sheet is inline and the charts are inline SVG.
package struct ReportPage {
    package var title: String
    package var subtitle: String
    /// The date the page carries (header and each printed page); none when nil.
    package var date: String?
    /// What made the report, for the footer ("Lede 0.1.0").
    package var generator: String
    private var sections: [(id: String, heading: String, html: String)] = []

    package init(title: String, subtitle: String, date: String?, generator: String) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.generator = generator
    }

    /// Adds a section with a heading and what `content` writes.
    package mutating func section(_ heading: String, id: String, _ content: (inout HTMLWriter) -> Void) {
        var writer = HTMLWriter()
        content(&writer)
        sections.append((id, heading, writer.html))
    }

    /// The whole page.
    package func html() -> String {
        var page = HTMLWriter()
        page.markup("<!DOCTYPE html>\n")
        page.element("html", ["lang": "en"]) { html in
            html.newline()
            html.element("head") { html in
                html.empty("meta", ["charset": "utf-8"])
                html.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                html.empty("meta", ["name": "generator", "content": generator])
                html.element("title", text: title)
                html.newline()
                html.element("style") { $0.markup("\n" + ReportStyle.sheet + "\n" + ReportStyle.pageRules(title: title, date: date) + "\n") }
                html.newline()
            }
            html.newline()
            html.element("body") { html in
                html.newline()
                html.element("header", ["class": "report"]) { html in
                    html.element("div", ["class": "top"]) { html in
                        html.element("h1", text: title)
                        if let date { html.element("span", ["class": "date"], text: date) }
                    }
                    html.element("p", ["class": "subtitle"], text: subtitle)
                }
                html.newline()
                html.element("nav", ["class": "contents"]) { html in
                    for section in sections { html.element("a", ["href": "#" + section.id], text: section.heading) }
                }
                html.newline()
                for section in sections {
                    html.element("section", ["id": section.id]) { html in
                        html.element("h2", text: section.heading)
                        html.newline()
                        html.markup(section.html)
                    }
                    html.newline()
                }
                html.element("footer") { html in
                    html.text("Made by \(generator). A self-contained page: no script, nothing fetched; it prints as it shows.")
                }
                html.newline()
            }
            html.newline()
        }
        page.newline()
        return page.html
    }
}
