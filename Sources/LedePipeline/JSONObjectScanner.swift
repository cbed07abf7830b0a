import Glibc

/// Reads the top-level members of one JSON object from UTF-8 bytes, checking the whole text is
/// valid JSON (RFC 8259) and keeping only the members asked for.
///
/// Written for JSON Lines input, where JSONSerialization and JSONDecoder cost more than the work
/// done on each record: one pass over the bytes, no intermediate objects. A kept member's value
/// is returned as a string when it is a string (escapes decoded), a number (its text, so an
/// `id` of 42 reads as "42") or an array of strings (a record's `labels`); null reads as nil; other
/// kinds are reported as `.other`.
package struct JSONObjectScanner: Sendable {
    /// A kept member's value.
    package enum Value: Equatable, Sendable {
        case string(String)
        case number(String)
        /// An array whose elements are all strings (possibly none), escapes decoded.
        case strings([String])
        case null
        case other
    }

    /// The member names to keep.
    package let keys: [String]
    private let keyBytes: [[UInt8]]

    /// Creates a scanner keeping the members with these names.
    package init(keys: [String]) {
        self.keys = keys
        self.keyBytes = keys.map { Array($0.utf8) }
    }

    /// The kept members' values in the order of `keys` (nil when absent); throws `RecordError`
    /// (`invalidJSON`, `invalidUTF8`, `notAnObject`) naming the byte offset of the problem.
    package func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(RecordError) -> [Value?] {
        var cursor = Cursor(bytes: bytes)
        var values = [Value?](repeating: nil, count: keys.count)
        cursor.skipWhitespace()
        guard cursor.peek() == UInt8(ascii: "{") else {
            if cursor.atEnd { throw RecordError(.invalidJSON, "empty line") }
            throw RecordError(.notAnObject, "a record must be a JSON object, found \(cursor.describeHere())")
        }
        cursor.index += 1
        cursor.skipWhitespace()
        if cursor.peek() == UInt8(ascii: "}") {
            cursor.index += 1
        } else {
            while true {
                cursor.skipWhitespace()
                guard cursor.peek() == UInt8(ascii: "\"") else { throw cursor.error("expected a member name in quotes") }
                let nameRange = try cursor.skipString()
                let wanted = keyIndex(bytes, nameRange)
                cursor.skipWhitespace()
                guard cursor.peek() == UInt8(ascii: ":") else { throw cursor.error("expected ':' after a member name") }
                cursor.index += 1
                cursor.skipWhitespace()
                let value = try cursor.readValue(decode: wanted != nil)
                if let wanted { values[wanted] = value }
                cursor.skipWhitespace()
                if cursor.peek() == UInt8(ascii: ",") { cursor.index += 1; continue }
                if cursor.peek() == UInt8(ascii: "}") { cursor.index += 1; break }
                throw cursor.error("expected ',' or '}'")
            }
        }
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw cursor.error("text after the end of the object") }
        return values
    }

    /// Which kept key a member name (raw, with possible escapes) is; escaped names are decoded first.
    private func keyIndex(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if raw.contains(UInt8(ascii: "\\")) {
            let decodedName: String = (try? Cursor.decodeString(raw)) ?? ""
            let decoded = Array(decodedName.utf8)
            return keyBytes.firstIndex { $0 == decoded }
        }
        return keyBytes.firstIndex { $0.elementsEqual(raw) }
    }
}

/// A position in the bytes being scanned, and the JSON grammar over them.
private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index >= bytes.count }
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
    }

    func describeHere() -> String {
        guard let b = peek() else { return "the end of the line" }
        return b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
    }

    func error(_ what: String) -> RecordError {
        RecordError(.invalidJSON, "invalid JSON at byte \(index + 1): \(what), found \(describeHere())")
    }

    /// Skips a string starting at the opening quote, checking escapes and UTF-8; returns the range inside the quotes.
    mutating func skipString() throws(RecordError) -> Range<Int> {
        index += 1
        let start = index
        while index < bytes.count {
            // Eight plain ASCII bytes at a time (no quote, backslash, control byte or non-ASCII).
            while index + 8 <= bytes.count && Cursor.isPlainASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return start..<index - 1
            }
            if b == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let e = bytes[index + 1]
                if e == UInt8(ascii: "u") {
                    guard index + 6 <= bytes.count,
                          (2..<6).allSatisfy({ Cursor.hexValue(bytes[index + $0]) != nil }) else {
                        throw error("a \\u escape needs four hex digits")
                    }
                    index += 6
                } else if Cursor.isSimpleEscape(e) {
                    index += 2
                } else {
                    index += 1
                    throw error("unknown escape")
                }
            } else if b < 0x20 {
                throw error("a control character must be escaped inside a string")
            } else if b < 0x80 {
                index += 1
            } else {
                let length = Cursor.validUTF8Length(bytes, at: index)
                guard length > 0 else {
                    throw RecordError(.invalidUTF8, "invalid UTF-8 at byte \(index + 1) (0x\(String(b, radix: 16)))")
                }
                index += length
            }
        }
        throw RecordError(.invalidJSON, "invalid JSON: a string is not closed before the end of the line")
    }

    /// Whether none of the eight bytes is a quote, a backslash, a control byte (< 0x20) or non-ASCII:
    /// the bytes a string can skip without a look (bit tricks over a 64-bit word).
    @inline(__always) static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let nonASCII = word & highs != 0
        let control = (word &- 0x20 &* ones) & ~word & highs != 0
        return !(nonASCII || control || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones)))
    }

    /// The escapes written as a backslash and one character: `\" \\ \/ \b \f \n \r \t`.
    @inline(__always) static func isSimpleEscape(_ e: UInt8) -> Bool {
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): true
        default: false
        }
    }

    /// Reads any value; decodes it only when `decode` is set.
    mutating func readValue(decode: Bool) throws(RecordError) -> JSONObjectScanner.Value {
        guard let b = peek() else { throw error("expected a value") }
        switch b {
        case UInt8(ascii: "\""):
            let range = try skipString()
            guard decode else { return .other }
            return .string(try Cursor.decodeString(UnsafeBufferPointer(rebasing: bytes[range])))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            try skipNumber()
            return decode ? .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) : .other
        case UInt8(ascii: "["):
            let start = index
            if decode, let strings = try readStrings() { return .strings(strings) }
            index = start
            try skipContainer()
            return .other
        case UInt8(ascii: "{"):
            try skipContainer()
            return .other
        default:
            for (word, value) in [("true", JSONObjectScanner.Value.other), ("false", .other), ("null", .null)] {
                let w = Array(word.utf8)
                if index + w.count <= bytes.count, bytes[index..<index + w.count].elementsEqual(w) {
                    index += w.count
                    return value
                }
            }
            throw error("expected a value")
        }
    }

    /// Reads an array of strings from its opening bracket; nil (the position then undefined) when an
    /// element is not a string, for the caller to skip the array as another kind of value.
    mutating func readStrings() throws(RecordError) -> [String]? {
        index += 1
        var strings: [String] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return strings
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { return nil }
            let range = try skipString()
            strings.append(try Cursor.decodeString(UnsafeBufferPointer(rebasing: bytes[range])))
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            if peek() == UInt8(ascii: "]") { index += 1; return strings }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func skipNumber() throws(RecordError) {
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw error("a number needs digits") }
        if peek() == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw error("a number needs digits after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw error("a number needs digits in its exponent") }
        }
    }

    /// Skips a nested array or object, validating it, without recursion: a stack of the closing
    /// brackets still expected stands in for the call stack.
    mutating func skipContainer() throws(RecordError) {
        var closers: [UInt8] = []
        var needElement = false  // true: a value (or member) must come next; false: just after one
        while true {
            skipWhitespace()
            if needElement {
                if closers.last == UInt8(ascii: "}") {
                    guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
                    _ = try skipString()
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { throw error("expected ':'") }
                    index += 1
                    skipWhitespace()
                }
                if peek() == UInt8(ascii: "{") || peek() == UInt8(ascii: "[") {
                    closers.append(peek() == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    index += 1
                    skipWhitespace()
                    if peek() == closers.last {  // empty container
                        index += 1
                        closers.removeLast()
                        needElement = false
                    }
                    continue
                }
                _ = try readValue(decode: false)
                needElement = false
                continue
            }
            if closers.isEmpty {
                // The opening bracket of the outermost container.
                guard peek() == UInt8(ascii: "{") || peek() == UInt8(ascii: "[") else { throw error("expected '{' or '['") }
                needElement = true
                closers.append(peek() == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                index += 1
                skipWhitespace()
                if peek() == closers.last { index += 1; return }
                continue
            }
            if peek() == UInt8(ascii: ",") {
                index += 1
                needElement = true
            } else if peek() == closers.last {
                index += 1
                closers.removeLast()
                if closers.isEmpty { return }
            } else {
                throw error("expected ',' or the end of a nested value")
            }
        }
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// Length of the valid UTF-8 sequence starting at `i` (non-ASCII lead byte), or 0 when ill-formed.
    static func validUTF8Length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = bytes[i]
        func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < bytes.count && bytes[i + k] >= low && bytes[i + k] <= high
        }
        switch b0 {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// Decodes the inside of a validated string: escapes, including surrogate pairs (a lone surrogate becomes U+FFFD).
    static func decodeString(_ raw: UnsafeBufferPointer<UInt8>) throws(RecordError) -> String {
        guard let base = raw.baseAddress, memchr(base, 0x5C, raw.count) != nil else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | (hexValue(raw[at + $1]) ?? 0) }
        }
        func append(_ scalar: UInt32) {
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: String(Character(s)).utf8)
        }
        while i < raw.count {
            // Copy the run up to the next backslash in one go.
            var next = raw.count
            if let found = memchr(base + i, 0x5C, raw.count - i) {
                next = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<next]))
            i = next
            guard i < raw.count else { break }
            let e = raw[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i + 2)
                i += 6
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                append(scalar)
                continue
            default: out.append(e)  // " \ /
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
