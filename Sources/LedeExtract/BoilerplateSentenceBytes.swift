extension BoilerplateSentence {
    /// `looksLikeBoilerplate` on a sentence's UTF-8 bytes, for callers that hold bytes (the summarizer
    /// asks it of every sentence). Most sentences are told apart by a look at their bytes alone: a
    /// sentence can match a rule only when its first word opens one, or it holds `|`, "newsletter" or
    /// "rights reserved"; the others are not decoded at all.
    package static func looksLikeBoilerplate(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard mayBeBoilerplate(bytes) else { return false }
        return looksLikeBoilerplate(Substring(String(decoding: bytes, as: UTF8.self)))
    }

    /// Whether some rule could match: the cheap test before the full one. It allocates nothing: the
    /// sentence's first two words are compared by hashes of their lower-cased bytes with the first two
    /// words of every phrase and opening the rules know (a collision only costs a full test).
    static func mayBeBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let first = nextWordHash(bytes, &index)
        guard first != endOfSentence else { return false }
        // A sentence opening with a non-ASCII character (©, an arrow, a curly quote) gets the full test.
        if first == nonASCII { return true }
        let second = nextWordHash(bytes, &index)
        if openings.contains(pair(first, second)) || openings.contains(pair(first, anyWord)) { return true }
        // One pass for the rules that look inside the sentence: `|`, "newsletter", "rights reserved".
        var i = 0
        while i < bytes.count {
            let byte = bytes[i] | 0x20
            if bytes[i] == UInt8(ascii: "|") { return true }
            if byte == UInt8(ascii: "n") && matches(bytes, at: i, "newsletter") { return true }
            if byte == UInt8(ascii: "r") && matches(bytes, at: i, "rights reserved") { return true }
            i += 1
        }
        return false
    }

    private static let wordHashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    /// Stand-ins for "no more words", "a word that starts with a non-ASCII character" and "any word".
    private static let endOfSentence: UInt64 = 0, nonASCII: UInt64 = 1, anyWord: UInt64 = 2

    /// The hash of the next ASCII word run from `index` (skipping ASCII punctuation and spaces), and
    /// `index` moved past it.
    private static func nextWordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> UInt64 {
        while index < bytes.count, bytes[index] < 0x80, !isASCIIAlphanumeric(bytes[index]) { index += 1 }
        guard index < bytes.count else { return endOfSentence }
        if bytes[index] >= 0x80 { return nonASCII }
        var hash = wordHashSeed
        while index < bytes.count, isASCIIAlphanumeric(bytes[index]) {
            hash = (hash ^ UInt64(bytes[index] | 0x20)) &* 0x100_0000_01B3
            index += 1
        }
        return hash
    }

    private static func hash<S: Sequence<UInt8>>(_ word: S) -> UInt64 {
        word.reduce(wordHashSeed) { ($0 ^ UInt64($1 | 0x20)) &* 0x100_0000_01B3 }
    }

    private static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 { first &* 31 &+ second }

    /// The first two words of every phrase and opening the rules know, as hash pairs: a phrase said
    /// whole ends after its words; an opening followed by a mark (`Photo:`) takes any next word.
    static let openings: Set<UInt64> = {
        func words(_ phrase: String) -> [UInt64] {
            phrase.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map { hash($0.utf8) }
        }
        var pairs = Set<UInt64>()
        func add(_ phrase: String, then next: [String]? = nil) {
            let w = words(phrase)
            guard let first = w.first else { return }
            if w.count >= 2 {
                pairs.insert(pair(first, w[1]))
            } else if let next {
                for word in next { pairs.insert(pair(first, words(word).first ?? endOfSentence)) }
            } else {
                pairs.insert(pair(first, anyWord))
            }
        }
        for phrase in BoilerplatePhrases.whole { add(phrase, then: [""]) }
        for opening in BoilerplatePhrases.openings {
            for phrase in opening.first { add(phrase, then: opening.second.isEmpty ? nil : opening.second) }
        }
        add("copyright")
        for first in ["get", "receive", "join"] { add(first, then: ["our", "the", "us"]) }
        return pairs
    }()

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// Whether `needle` (lower-case ASCII) stands at `index` of `bytes`, in any letter case.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return needle.withUTF8Buffer { pattern in
            var j = 0
            while j < count && bytes[index + j] | 0x20 == pattern[j] { j += 1 }
            return j == count
        }
    }
}
