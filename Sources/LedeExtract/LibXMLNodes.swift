import CLibXML2

/// Small readers over libxml2's strings and attribute lists, without copying into Swift strings.
enum LibXMLNodes {
    /// The value of the attribute `name` (lowercase ASCII) among a start tag's `attributes`; nil when absent,
    /// empty when it has no value.
    static func attribute(_ attributes: SAXAttributes, _ name: StaticString) -> UnsafePointer<UInt8>? {
        guard let attributes else { return nil }
        var i = 0
        while let attributeName = attributes[i] {
            if equals(attributeName, name) { return attributes[i + 1] ?? empty }
            i += 2
        }
        return nil
    }

    /// Whether the NUL-terminated `c` equals `s` (ASCII), ignoring ASCII case.
    static func equals(_ c: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
        let p = s.utf8Start
        for i in 0..<s.utf8CodeUnitCount {
            let a = c[i]
            if a == 0 || lower(a) != p[i] { return false }
        }
        return c[s.utf8CodeUnitCount] == 0
    }

    /// Whether the NUL-terminated `c` contains `s` (lowercase ASCII), ignoring case and spaces in `c`.
    static func containsIgnoringSpaces(_ c: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
        var squeezed: [UInt8] = []
        var i = 0
        while c[i] != 0 && i < 4096 {
            if c[i] != 0x20 && c[i] != 0x09 { squeezed.append(lower(c[i])) }
            i += 1
        }
        let needle = UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
        guard squeezed.count >= needle.count else { return false }
        for start in 0...(squeezed.count - needle.count) where squeezed[start] == needle[0] {
            if squeezed[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The string `c` as Swift text, whitespace collapsed and trimmed, at most `limit` bytes.
    static func string(_ c: UnsafePointer<UInt8>, limit: Int = 4096) -> String {
        var bytes: [UInt8] = []
        var i = 0
        var space = false
        while c[i] != 0 && i < limit {
            let b = c[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                space = !bytes.isEmpty
            } else {
                if space { bytes.append(0x20); space = false }
                bytes.append(b)
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    nonisolated(unsafe) static let empty: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.pointee = 0
        return UnsafePointer(p)
    }()
}
