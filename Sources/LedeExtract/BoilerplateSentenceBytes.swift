extension BoilerplateSentence {
    /// `looksLikeBoilerplate` on a sentence's UTF-8 bytes, for callers that hold bytes (the summarizer
    /// asks it of every sentence). Most sentences are told apart by a look at their bytes alone: a
    /// sentence can match a rule only when its first word opens one, or it holds `|`, "newsletter" or
    /// "rights reserved"; the others are not decoded at all.
    public static func looksLikeBoilerplate(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard mayBeBoilerplate(bytes) else { return false }
        return looksLikeBoilerplate(Substring(String(decoding: bytes, as: UTF8.self)))
    }

    /// Whether some rule could match: the cheap test before the full one.
    static func mayBeBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] < 0x80, !isASCIIAlphanumeric(bytes[start]) { start += 1 }
        guard start < bytes.count else { return false }
        // A sentence opening with a non-ASCII character (©, an arrow, a curly quote) gets the full test.
        if bytes[start] >= 0x80 { return true }
        var end = start
        var word: [UInt8] = []
        while end < bytes.count, isASCIIAlphanumeric(bytes[end]) {
            if word.count < 16 { word.append(bytes[end] | 0x20) }
            end += 1
        }
        if openingWords.contains(word) { return true }
        return bytes.contains(UInt8(ascii: "|")) || contains(bytes, "newsletter") || contains(bytes, "rights reserved")
    }

    /// The lower-cased first words of every phrase and opening the rules know.
    static let openingWords: Set<[UInt8]> = {
        var phrases = Array(BoilerplatePhrases.whole)
        for opening in BoilerplatePhrases.openings { phrases += opening.first }
        phrases += ["copyright", "get", "receive", "join"]
        var words = Set<[UInt8]>()
        for phrase in phrases {
            let first = phrase.utf8.prefix { isASCIIAlphanumeric($0) }
            if !first.isEmpty { words.insert(Array(first)) }
        }
        return words
    }()

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether `bytes` holds `needle` (lower-case ASCII), in any letter case.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return needle.withUTF8Buffer { pattern in
            let first = pattern[0]
            var i = 0
            while i + count <= bytes.count {
                if bytes[i] | 0x20 == first {
                    var j = 1
                    while j < count && bytes[i + j] | 0x20 == pattern[j] { j += 1 }
                    if j == count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
