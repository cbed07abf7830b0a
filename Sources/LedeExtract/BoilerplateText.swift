/// A sentence readied for the boilerplate rules: lower-cased, runs of white space made one space, and
/// stripped of the punctuation, quotes and arrows around it; with its word runs.
struct BoilerplateText {
    /// The sentence lower-cased, white space collapsed, surrounding punctuation stripped.
    let core: String
    /// Its word runs, lower-cased.
    let words: [String]

    private static let strippable: Set<Character> = [
        " ", ".", ":", ";", "!", "?", ",", "-", "\u{2013}", "\u{2014}", "|", "\u{BB}", "\u{AB}", "\u{203A}",
        "\u{2039}", ">", "\u{2192}", "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "(", ")", "[", "]",
        "*", "\u{2022}",
    ]

    init(_ sentence: Substring) {
        var collapsed = ""
        var pendingSpace = false
        for character in sentence.lowercased() {
            if character.isWhitespace {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(" ") }
                pendingSpace = false
                collapsed.append(character)
            }
        }
        var core = Substring(collapsed)
        while let first = core.first, Self.strippable.contains(first) { core.removeFirst() }
        while let last = core.last, Self.strippable.contains(last) { core.removeLast() }
        self.core = String(core)
        words = TextPageWords.words(core).map(String.init)
    }

    /// Whether the core starts with `phrase` and what follows it (after spaces) starts with `next`, when
    /// given; `phrase` ends at a word's end.
    func starts(with phrase: String, then next: Character? = nil) -> Bool {
        guard core.hasPrefix(phrase) else { return false }
        var rest = core.dropFirst(phrase.count)
        if let first = rest.unicodeScalars.first, TextPageWords.isWordScalar(first),
           let last = phrase.unicodeScalars.last, TextPageWords.isWordScalar(last) {
            return false
        }
        guard let next else { return true }
        while rest.first == " " { rest.removeFirst() }
        return rest.first == next
    }
}
