/// Finds a page's headline: a line repeating the page's first line (its title, often with the site's
/// name after it) in part, or else the title-like line nearest before the article.
enum TextPageHeadline {
    /// The share of the title's words a line repeating it must have.
    static let titleShare = 0.4
    /// How many non-blank lines before the article the headline may be.
    static let reach = 6

    /// The first line after the first that is made only of the first line's words (at least 2, and
    /// `titleShare` of them), and is not prose.
    static func titleMatch(lines: [TextPageLine], kinds: [TextPageLineKind]) -> Int? {
        guard let titleIndex = lines.firstIndex(where: { !$0.isBlank }) else { return nil }
        let title = Set(TextPageWords.words(lines[titleIndex].text).map { $0.lowercased() })
        for index in lines.indices where index > titleIndex && kinds[index] != .blank && kinds[index] != .text {
            let words = TextPageWords.words(lines[index].text).map { $0.lowercased() }
            guard (2...30).contains(words.count), words.allSatisfy(title.contains) else { continue }
            if Double(Set(words).count) >= titleShare * Double(title.count) { return index }
        }
        return nil
    }

    /// The headline of an article whose first kept line is `firstKept`: the title match when it comes
    /// before, within reach; else the nearest title-like line before (3 to 25 words, not ending with a
    /// full stop, not a byline, a date or furniture).
    static func find(lines: [TextPageLine], kinds: [TextPageLineKind], titleMatch: Int?, firstKept: Int?) -> Int? {
        guard let firstKept else { return nil }
        let before = (0..<firstKept).reversed().filter { kinds[$0] != .blank }.prefix(reach)
        if let titleMatch, before.contains(titleMatch) { return titleMatch }
        return before.first { isTitleLike(lines[$0], kinds[$0]) }
    }

    static func isTitleLike(_ line: TextPageLine, _ kind: TextPageLineKind) -> Bool {
        guard kind == .short || kind == .sentence, (3...25).contains(line.length) else { return false }
        let lower = line.text.lowercased()
        if lower.hasPrefix("by ") || line.text.last == "." || line.text.contains("@") { return false }
        let digits = line.text.unicodeScalars.filter { $0.properties.numericType != nil }.count
        return digits * 4 < line.text.unicodeScalars.count
    }
}
