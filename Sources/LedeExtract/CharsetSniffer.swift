import LedeText

/// How to read a page's bytes: their charset, and whether they must first be made valid UTF-8 or lose a
/// byte-order mark.
struct CharsetChoice: Equatable {
    /// A charset name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", or one iconv knows ("Shift_JIS"…).
    var encoding: String
    /// Bytes to skip at the start (a byte-order mark).
    var skip: Int = 0
    /// Whether a few ill-formed sequences are to be replaced with U+FFFD before parsing as UTF-8.
    var repair: Bool = false
}

/// Chooses a page's encoding: a byte-order mark first; then UTF-8 whenever the bytes are valid UTF-8
/// (whatever the page declares: pages re-saved as UTF-8 often keep their old `<meta charset>`); then the
/// declared charset (`<meta charset>`, `http-equiv` content type) when it can be read; then UTF-8 when
/// the bytes are mostly UTF-8, else Windows-1252 (what browsers read ISO-8859-1 and ASCII as).
enum CharsetSniffer {
    static func choose(_ bytes: UnsafeBufferPointer<UInt8>) -> CharsetChoice {
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = UnsafeBufferPointer(rebasing: bytes[3...])
            return CharsetChoice(encoding: "UTF-8", skip: 3, repair: countInvalidUTF8(rest) > 0)
        }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return CharsetChoice(encoding: "UTF-16LE", skip: 2) }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return CharsetChoice(encoding: "UTF-16BE", skip: 2) }
        let invalid = countInvalidUTF8(bytes)
        if invalid == 0 { return CharsetChoice(encoding: "UTF-8") }
        if let declared = declaredCharset(bytes) {
            let name = normalized(declared)
            if name != "UTF-8", isKnown(name) { return CharsetChoice(encoding: name) }
        }
        // Mostly UTF-8 with a few broken sequences, or a single-byte page.
        if multibyteSequences(bytes, limit: invalid * 4 + 1) > invalid * 4 {
            return CharsetChoice(encoding: "UTF-8", repair: true)
        }
        return CharsetChoice(encoding: "windows-1252")
    }

    /// The charset named in the first 4 KB: `charset=NAME` (as in `<meta charset="NAME">` and
    /// `content="text/html; charset=NAME"`), or an XML declaration's `encoding="NAME"`.
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = min(bytes.count, 4096)
        for needle in [Array("charset".utf8), Array("encoding".utf8)] {
            var i = 0
            while i + needle.count < n {
                var matches = true
                for k in 0..<needle.count where LibXMLNodes.lower(bytes[i + k]) != needle[k] { matches = false; break }
                if !matches { i += 1; continue }
                var j = i + needle.count
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A { j += 1 }
                guard j < n, bytes[j] == 0x3D else { i = j; continue }
                j += 1
                while j < n, bytes[j] == 0x20 || bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
                var name: [UInt8] = []
                while j < n, name.count < 40 {
                    let b = bytes[j]
                    let ok = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                        || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
                    if !ok { break }
                    name.append(b)
                    j += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                i = j
            }
        }
        return nil
    }

    /// WHATWG's reading of a few labels: Latin-1 and ASCII are Windows-1252; UTF-16 without a mark in an
    /// ASCII-compatible page is a mistake for UTF-8.
    static func normalized(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252",
             "windows-1252", "x-cp1252", "cp819", "ibm819": return "windows-1252"
        case "gb2312", "gbk", "x-gbk": return "GB18030"
        case "shift-jis", "sjis", "x-sjis": return "Shift_JIS"
        default: return label
        }
    }

    /// Whether the page can be read as `name`.
    static func isKnown(_ name: String) -> Bool { name == "windows-1252" || IconvDecoder.knows(name) }

    /// Well-formed multi-byte UTF-8 sequences in `bytes`, counted up to `limit`.
    private static func multibyteSequences(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard let p = bytes.baseAddress else { return 0 }
        var i = 0, count = 0
        let n = bytes.count
        while i < n && count <= limit {
            let b = p[i]
            let length = b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 1
            if length > 1, i + length <= n, (1..<length).allSatisfy({ p[i + $0] & 0xC0 == 0x80 }) {
                count += 1
                i += length
            } else {
                i += 1
            }
        }
        return count
    }
}
