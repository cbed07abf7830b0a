import CLibXML2

/// Small readers over libxml2's nodes, without copying into Swift strings.
enum LibXMLNodes {
    /// The value of the attribute `name` (lowercase ASCII) of `node`, as a NUL-terminated UTF-8 string owned
    /// by the tree; nil when absent.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> UnsafePointer<UInt8>? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equals(attrName, name) { return value(of: a) }
            attr = a.pointee.next
        }
        return nil
    }

    /// The value of the attribute `attr`; empty when it has none.
    static func value(of attr: xmlAttrPtr) -> UnsafePointer<UInt8> {
        guard let child = attr.pointee.children, let content = child.pointee.content else { return empty }
        return UnsafePointer(content)
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

    /// Whether the NUL-terminated `c`, leading whitespace skipped, starts with `s` (lowercase ASCII), ignoring case.
    static func hasPrefix(_ c: UnsafePointer<UInt8>, _ s: StaticString) -> Bool {
        var c = c
        while c.pointee == 0x20 || c.pointee == 0x09 || c.pointee == 0x0A || c.pointee == 0x0D { c += 1 }
        let p = s.utf8Start
        for i in 0..<s.utf8CodeUnitCount where lower(c[i]) != p[i] { return false }
        return true
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

    /// The text of `node`'s descendants, collapsed and trimmed; depth-first without recursion, at most
    /// `limit` bytes.
    static func text(of node: xmlNodePtr, limit: Int = 4096) -> String {
        var bytes: [UInt8] = []
        var current = node.pointee.children
        var visited = 0
        while let n = current, bytes.count < limit, visited < 10_000 {
            visited += 1
            if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content {
                var i = 0
                while content[i] != 0 && bytes.count < limit { bytes.append(content[i]); i += 1 }
                bytes.append(0x20)
            }
            if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children {
                current = child
                continue
            }
            var up: xmlNodePtr? = n
            current = nil
            while let u = up, u != node {
                if let next = u.pointee.next { current = next; break }
                up = u.pointee.parent
            }
        }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { string($0.baseAddress!, limit: limit + 1) }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.pointee = 0
        return UnsafePointer(p)
    }()
}
