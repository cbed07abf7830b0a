import LedeText

/// One line of a page saved as text, with the measurements its verdict is made from.
struct TextPageLine {
    /// UTF-8 byte range of the line in the page, without surrounding white space and the line break.
    var range: Range<Int>
    /// The line's text, trimmed.
    var text: Substring
    /// Length in words; a run of unspaced script (Japanese, Chinese) counts one word per two characters.
    var length: Int
    /// Number of word runs.
    var wordCount: Int
    /// Word runs that are English stop words.
    var stopWords: Int
    /// Word runs starting with a letter of a cased, spaced script, and how many of them are capitalised.
    var casedWords: Int
    var capitalisedWords: Int
    /// Whether the line ends as a sentence or a quotation does.
    var endsLikeSentence: Bool
    /// "|", "•" and "·" separators, as menus and breadcrumbs write them.
    var separators: Int

    var isBlank: Bool { length == 0 }
    var stopWordShare: Double { Double(stopWords) / Double(max(1, wordCount)) }
    var capitalisedShare: Double { casedWords == 0 ? 0 : Double(capitalisedWords) / Double(casedWords) }

    static let sentenceEnds: Set<Unicode.Scalar> = [
        ".", "!", "?", "\"", "\u{201D}", "\u{2019}", "'", ")", "\u{BB}", ":", ";", "\u{3002}", "\u{FF01}",
        "\u{FF1F}", "\u{300D}", "\u{300F}", "\u{FF09}", "\u{2026}",
    ]

    init(text: Substring, range: Range<Int>) {
        self.text = text
        self.range = range
        let words = TextPageWords.words(text)
        wordCount = words.count
        var length = 0, stop = 0, cased = 0, capitalised = 0
        for word in words {
            let unspaced = word.unicodeScalars.reduce(0) { $0 + (TextPageWords.isUnspaced($1) ? 1 : 0) }
            length += unspaced == 0 ? 1 : max(1, (unspaced + 1) / 2)
            if StopWords.english.contains(word.lowercased()) { stop += 1 }
            if let first = word.unicodeScalars.first, first.properties.isAlphabetic, !TextPageWords.isUnspaced(first) {
                cased += 1
                if first.properties.isUppercase { capitalised += 1 }
            }
        }
        self.length = length
        stopWords = stop
        casedWords = cased
        capitalisedWords = capitalised
        endsLikeSentence = text.unicodeScalars.last.map { Self.sentenceEnds.contains($0) } ?? false
        separators = text.unicodeScalars.reduce(0) { $0 + ($1 == "|" || $1 == "\u{2022}" || $1 == "\u{B7}" ? 1 : 0) }
    }

    /// The lines of `text` (split at "\n"; a "\r" before it is white space), each trimmed.
    static func lines(of text: String) -> [TextPageLine] {
        let bytes = Array(text.utf8)
        var lines: [TextPageLine] = []
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            let scalars = line.unicodeScalars
            var lower = scalars.startIndex, upper = scalars.endIndex
            var lowerOffset = start, upperOffset = end
            while lower < upper, scalars[lower].properties.isWhitespace {
                lowerOffset += scalars[lower].utf8.count
                lower = scalars.index(after: lower)
            }
            while lower < upper {
                let before = scalars.index(before: upper)
                guard scalars[before].properties.isWhitespace else { break }
                upperOffset -= scalars[before].utf8.count
                upper = before
            }
            lines.append(TextPageLine(text: Substring(scalars[lower..<upper]), range: lowerOffset..<upperOffset))
            start = end + 1
        }
        return lines
    }
}
