/// Escaping for text that goes into the report's HTML and SVG: element content, attribute values and
/// strings inside its style sheet.
package enum Markup {
    /// `text` safe as element content or as a quoted attribute value: `&`, `<`, `>`, `"` and `'` become
    /// character references, and control characters other than tab, line feed and carriage return (which
    /// HTML and XML do not allow) become U+FFFD. The result is also well-formed XML.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `text` as a quoted CSS string (for `content:` in the print style): quotes, backslashes and `<`
    /// (which could end the style element) as CSS escapes, line breaks as `\A `, other control characters dropped.
    package static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\22 "
            case "\\": out += "\\5C "
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case "&": out += "\\26 "
            case "\n": out += "\\A "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
