/// Builds an HTML document as a string: elements with escaped attributes and text, nested through
/// closures so that every element opened is closed. The markup it makes is also well-formed XML.
package struct HTMLWriter {
    /// The markup written so far.
    package private(set) var html = ""

    package init() {}

    /// Appends `text`, escaped.
    package mutating func text(_ text: String) { html += Markup.escape(text) }

    /// Appends markup made by Lede's own writers (an SVG chart, another `HTMLWriter`'s output) unchanged.
    package mutating func markup(_ markup: String) { html += markup }

    /// Appends `<name attributes…>`, what `content` writes, and `</name>`. Attributes whose value is nil are left out.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:],
                                  _ content: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        content(&self)
        html += "</\(name)>"
    }

    /// Appends `<name attributes…>text</name>`, the text escaped.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    /// Appends an element that has no content and no end tag in HTML (`meta`, `br`), written `<name … />`.
    package mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        html += "<\(name)" + Self.attributes(attributes) + " />"
    }

    /// Appends a line break between block elements, for a file that reads well as text and diffs line by line.
    package mutating func newline() { html += "\n" }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        html += "<\(name)" + Self.attributes(attributes) + ">"
    }

    private static func attributes(_ attributes: KeyValuePairs<String, String?>) -> String {
        var out = ""
        for (key, value) in attributes {
            guard let value else { continue }
            out += " \(key)=\"\(Markup.escape(value))\""
        }
        return out
    }
}
