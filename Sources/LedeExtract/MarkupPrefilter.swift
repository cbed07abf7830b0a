#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts what extraction never reads out of a page's bytes before libxml2 parses them: `<script>` elements
/// (but JSON-LD), `<style>` elements, comments, and the attributes it does not look at (`href`, `src`,
/// `srcset`, `data-*`…; `<meta>`, `<link>`, `<html>`, `<time>` and `<base>` keep all theirs, and so does an
/// element with `itemprop`). That is nine tenths of a news page's bytes, which libxml2 would otherwise
/// read character by character and copy. For ASCII-compatible encodings only.
enum MarkupPrefilter {
    static func filter(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress else { return [] }
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var copied = 0   // bytes[copied..<i] are still to be copied
        var i = 0
        var attributes: [AttributeSpan] = []
        func copy(upTo end: Int) {
            if end > copied { out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: end - copied)) }
        }
        while i < n {
            guard let found = memchr(base + i, 0x3C, n - i) else { break }
            let lt = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            i = lt + 1
            if matches(base, n, lt + 1, "!--") {
                // A comment runs to the next "-->"; an unclosed one to the end.
                let end = find(base, n, from: lt + 4, "-->").map { $0 + 3 } ?? n
                copy(upTo: lt)
                copied = end
                i = end
            } else if let isScript = rawTextElement(base, n, lt + 1) {
                guard let tagEnd = find(base, n, from: lt + 1, ">") else { break }
                if isScript, isJSONLD(base, from: lt, to: tagEnd) { i = tagEnd + 1; continue }
                let close = find(base, n, from: tagEnd + 1, isScript ? "</script" : "</style", ignoringCase: true)
                var end = n
                if let close, let closeEnd = find(base, n, from: close + 2, ">") { end = closeEnd + 1 }
                copy(upTo: lt)
                copied = end
                i = end
            } else if lt + 1 < n, isLetter(base[lt + 1]) {
                // A start tag: rewritten with the attributes that matter, when it parses cleanly.
                guard let tag = StartTag(base, n, at: lt, into: &attributes) else { continue }
                if tag.keepsAll(base, attributes) { i = tag.end; continue }
                copy(upTo: lt)
                out.append(contentsOf: UnsafeBufferPointer(start: base + lt, count: tag.nameEnd - lt))
                for attribute in attributes where attribute.isRead(base) {
                    out.append(0x20)
                    out.append(contentsOf: UnsafeBufferPointer(start: base + attribute.start, count: attribute.end - attribute.start))
                }
                if tag.selfClosing { out.append(0x2F) }
                out.append(0x3E)
                copied = tag.end
                i = tag.end
            }
        }
        copy(upTo: n)
        return out
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }

    /// One attribute of a start tag: `p[start..<nameEnd]` its name, `p[start..<end]` all of it.
    struct AttributeSpan {
        var start: Int
        var nameEnd: Int
        var end: Int

        /// Whether extraction reads this attribute on an ordinary element.
        func isRead(_ p: UnsafePointer<UInt8>) -> Bool {
            switch nameEnd - start {
            case 2: return matches(p, nameEnd, start, "id", ignoringCase: true)
            case 4: return matches(p, nameEnd, start, "role", ignoringCase: true)
            case 5: return matches(p, nameEnd, start, "class", ignoringCase: true) || matches(p, nameEnd, start, "style", ignoringCase: true)
            case 6: return matches(p, nameEnd, start, "hidden", ignoringCase: true)
            case 11: return matches(p, nameEnd, start, "aria-hidden", ignoringCase: true)
            default: return false
            }
        }
    }

    /// A start tag `<name attributes…>` read from `p[at...]`; nil when it does not parse cleanly (an
    /// unclosed quote, no `>`), and the page is then left as it is from there.
    struct StartTag {
        var nameStart: Int
        var nameEnd: Int
        var end: Int
        var selfClosing = false

        init?(_ p: UnsafePointer<UInt8>, _ n: Int, at: Int, into attributes: inout [AttributeSpan]) {
            attributes.removeAll(keepingCapacity: true)
            nameStart = at + 1
            var i = at + 1
            while i < n, !MarkupPrefilter.isSpace(p[i]), p[i] != 0x3E, p[i] != 0x2F { i += 1 }
            nameEnd = i
            while true {
                while i < n, MarkupPrefilter.isSpace(p[i]) || p[i] == 0x2F { i += 1 }
                guard i < n else { return nil }
                if p[i] == 0x3E {
                    selfClosing = p[i - 1] == 0x2F
                    end = i + 1
                    return
                }
                if p[i] == 0x3C || p[i] == 0x22 || p[i] == 0x27 || p[i] == 0x3D { return nil }
                let start = i
                while i < n, !MarkupPrefilter.isSpace(p[i]), p[i] != 0x3E, p[i] != 0x2F, p[i] != 0x3D, p[i] != 0x3C { i += 1 }
                let nameEnd = i
                var j = i
                while j < n, MarkupPrefilter.isSpace(p[j]) { j += 1 }
                if j < n, p[j] == 0x3D {
                    j += 1
                    while j < n, MarkupPrefilter.isSpace(p[j]) { j += 1 }
                    guard j < n else { return nil }
                    let quote = p[j]
                    if quote == 0x22 || quote == 0x27 {
                        guard let close = memchr(p + j + 1, Int32(quote), n - j - 1) else { return nil }
                        i = UnsafeRawPointer(close).assumingMemoryBound(to: UInt8.self) - p + 1
                    } else {
                        i = j
                        while i < n, !MarkupPrefilter.isSpace(p[i]), p[i] != 0x3E { i += 1 }
                    }
                }
                attributes.append(AttributeSpan(start: start, nameEnd: nameEnd, end: i))
            }
        }

        /// Whether the tag keeps all its attributes: head elements, `<html>`, `<time>`, and any element
        /// with `itemprop` (whose `content` or `datetime` may be the date).
        func keepsAll(_ p: UnsafePointer<UInt8>, _ attributes: [AttributeSpan]) -> Bool {
            let nameStart = nameStart
            switch nameEnd - nameStart {
            case 4:
                for name: StaticString in ["meta", "link", "html", "time", "base"]
                where MarkupPrefilter.matches(p, nameEnd, nameStart, name, ignoringCase: true) { return true }
            default: break
            }
            for attribute in attributes where attribute.nameEnd - attribute.start == 8
                && MarkupPrefilter.matches(p, attribute.nameEnd, attribute.start, "itemprop", ignoringCase: true) { return true }
            return false
        }
    }

    /// Whether the tag at `at` (just after `<`) opens a script (true) or a style (false); nil for others.
    private static func rawTextElement(_ p: UnsafePointer<UInt8>, _ n: Int, _ at: Int) -> Bool? {
        for name: StaticString in ["script", "style"] where matches(p, n, at, name, ignoringCase: true) {
            let next = at + name.utf8CodeUnitCount
            guard next < n else { return nil }
            let b = p[next]
            if b == 0x3E || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x2F {
                return name.utf8CodeUnitCount == 6
            }
        }
        return nil
    }

    private static func isJSONLD(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Bool {
        find(p, to, from: from, "ld+json", ignoringCase: true) != nil
    }

    static func matches(_ p: UnsafePointer<UInt8>, _ n: Int, _ at: Int, _ s: StaticString, ignoringCase: Bool = false) -> Bool {
        let count = s.utf8CodeUnitCount
        guard at + count <= n else { return false }
        let q = s.utf8Start
        for k in 0..<count {
            let b = ignoringCase ? LibXMLNodes.lower(p[at + k]) : p[at + k]
            if b != q[k] { return false }
        }
        return true
    }

    /// The index of the first `s` in `p[from..<n]`.
    private static func find(_ p: UnsafePointer<UInt8>, _ n: Int, from: Int, _ s: StaticString, ignoringCase: Bool = false) -> Int? {
        let first = s.utf8Start[0]
        var i = from
        while i < n {
            guard let found = memchr(p + i, Int32(first), n - i) else { return nil }
            let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - p
            if matches(p, n, at, s, ignoringCase: ignoringCase) { return at }
            i = at + 1
        }
        return nil
    }
}
