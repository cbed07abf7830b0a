/// Helpers for writing JSON Lines output by hand, which is faster than an encoder per record.
package enum JSONWriting {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        var needsEscape = false
        for b in text.utf8 where b < 0x20 || b == 0x22 || b == 0x5C {
            needsEscape = true
            break
        }
        guard needsEscape else { return "\"" + text + "\"" }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A probability with enough digits to tell models apart, and no more.
    package static func number(_ value: Float) -> String {
        let rounded = (Double(value) * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// An error record in the place of a bad input record (docs/command-line.md).
    /// With `file`, the error also names the input it is in (`"file"`), for runs over several inputs.
    package static func errorRecord(id: String?, _ error: RecordError, file: Bool = false) -> String {
        var line = "{\"id\":\(id ?? "null"),\"error\":{\"code\":\(quoted(error.code.rawValue)),\"message\":\(quoted(error.message))"
        if let number = error.line { line += ",\"line\":\(number)" }
        if file, let source = error.source { line += ",\"file\":\(quoted(source))" }
        return line + "}}\n"
    }
}
