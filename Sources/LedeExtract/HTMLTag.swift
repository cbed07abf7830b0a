/// The elements extraction tells apart; every other element is `.inline`.
enum HTMLTag: UInt8 {
    case inline, anchor, lineBreak
    // Blocks: their text starts a new paragraph.
    case html, body, block, paragraph, listItem, heading1, heading, tableCell, preformatted, quote
    case article, main, section
    // Blocks that usually hold boilerplate.
    case nav, footer, header, aside, figure, figcaption, form
    // Dropped with everything inside (`skipped`), or read for what the page says about itself.
    case skipped, head, title, script, meta, link, time

    /// Whether the element's text is a paragraph of its own.
    var isBlock: Bool { rawValue >= HTMLTag.html.rawValue && rawValue <= HTMLTag.form.rawValue }

    /// Whether the element, by its tag alone, usually holds boilerplate.
    var isBoilerplate: Bool { rawValue >= HTMLTag.nav.rawValue && rawValue <= HTMLTag.form.rawValue }

    /// The tag named by the NUL-terminated, lowercase `name` (libxml2's HTML parser lowercases names).
    static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            if length < 8 { key |= UInt64(name[length]) << (8 * UInt64(length)) }
            length += 1
            if length > 16 { return .inline }
        }
        if length > 8 { key ^= UInt64(length) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(name[length - 1]) << 40 }
        return table[key] ?? .inline
    }

    private static func key(_ name: String) -> UInt64 {
        let bytes = Array(name.utf8)
        var key: UInt64 = 0
        for (i, b) in bytes.prefix(8).enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
        if bytes.count > 8 { key ^= UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes[bytes.count - 1]) << 40 }
        return key
    }

    private static let table: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        let names: [(HTMLTag, [String])] = [
            (.anchor, ["a"]), (.lineBreak, ["br"]),
            (.html, ["html"]), (.body, ["body"]),
            (.block, ["div", "ul", "ol", "dl", "dt", "dd", "table", "tr", "tbody", "thead", "tfoot", "center",
                      "address", "details", "summary", "hr", "fieldset", "legend", "caption", "menu", "dir",
                      "hgroup", "picture", "video", "audio", "frameset", "noframes"]),
            (.paragraph, ["p"]), (.listItem, ["li"]), (.heading1, ["h1"]),
            (.heading, ["h2", "h3", "h4", "h5", "h6"]), (.tableCell, ["td", "th"]),
            (.preformatted, ["pre"]), (.quote, ["blockquote"]),
            (.article, ["article"]), (.main, ["main"]), (.section, ["section"]),
            (.nav, ["nav"]), (.footer, ["footer"]), (.header, ["header"]), (.aside, ["aside"]),
            (.figure, ["figure"]), (.figcaption, ["figcaption"]), (.form, ["form"]),
            (.skipped, ["style", "noscript", "template", "iframe", "svg", "math", "canvas", "object", "embed",
                        "select", "option", "button", "textarea", "input", "label", "map", "applet", "frame",
                        "source", "track", "img", "param", "datalist", "output", "dialog"]),
            (.head, ["head"]), (.title, ["title"]), (.script, ["script"]), (.meta, ["meta"]), (.link, ["link"]),
            (.time, ["time"]),
        ]
        for (tag, list) in names { for name in list { table[key(name)] = tag } }
        return table
    }()
}
