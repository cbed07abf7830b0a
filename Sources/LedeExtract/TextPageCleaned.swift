/// What ``TextPageCleaner`` found in a page saved as text, as byte ranges into that text. (Given another
/// text, the methods clamp the ranges to it rather than trap.)
public struct CleanedTextPage: Sendable, Equatable {
    /// UTF-8 byte ranges of the original text that are the article's body, in order (each a line or a
    /// run of lines, without the line break).
    public var body: [Range<Int>]
    /// UTF-8 byte range of the headline line, when one was found (never inside `body`).
    public var headline: Range<Int>?

    init(body: [Range<Int>], headline: Range<Int>?) {
        self.body = body
        self.headline = headline
    }

    /// The body's ranges joined, paragraphs separated by "\n\n" (lines of one paragraph by "\n"), as
    /// `lede extract` writes it.
    public func text(of original: String) -> String {
        let bytes = Array(original.utf8)
        var out: [UInt8] = []
        for range in body.map({ $0.clamped(to: 0..<bytes.count) }) where !range.isEmpty {
            if !out.isEmpty { out += [0x0A, 0x0A] }
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                // Lines of a paragraph are joined by "\n": a "\r" before one is dropped.
                if !(byte == 0x0D && index + 1 < range.upperBound && bytes[index + 1] == 0x0A) { out.append(byte) }
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The original with every byte outside `body` replaced by a space, line breaks kept: same UTF-8
    /// length, so byte offsets into it index the original file exactly (the summarizer runs on this).
    public func masked(_ original: String) -> String {
        let bytes = Array(original.utf8)
        var out = bytes.map { $0 == 0x0A || $0 == 0x0D ? $0 : 0x20 }
        for range in body.map({ $0.clamped(to: 0..<bytes.count) }) { out.replaceSubrange(range, with: bytes[range]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The headline's text, when one was found.
    public func headlineText(of original: String) -> String? {
        guard let headline else { return nil }
        let bytes = Array(original.utf8)
        return String(decoding: bytes[headline.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }
}
