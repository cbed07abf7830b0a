/// Finds a page's headline: a line repeating the page's first line (its title, often with the site's
/// name after it) in part, or else that first line.
enum TextPageHeadline {
    /// The share of the title's words a line repeating it must have.
    static let titleShare = 0.4

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

    /// The headline of an article whose first kept line is `firstKept`: the title's repeat when it comes
    /// before; else the page's first line when it reads as a title (a page saved as text starts with its
    /// title; a clean article, with its headline), even when it was kept (a short line ending with a quote).
    static func find(lines: [TextPageLine], kinds: [TextPageLineKind], titleMatch: Int?, firstKept: Int?) -> Int? {
        guard let firstKept else { return nil }
        if let titleMatch, titleMatch < firstKept { return titleMatch }
        guard let first = lines.firstIndex(where: { !$0.isBlank }), first <= firstKept else { return nil }
        return isTitleLike(lines[first], kinds[first]) ? first : nil
    }

    /// A line that may be a title: 1 to 30 words, not furniture nor prose, not ending with a full stop.
    static func isTitleLike(_ line: TextPageLine, _ kind: TextPageLineKind) -> Bool {
        guard kind == .short || kind == .sentence, (1...30).contains(line.length) else { return false }
        return line.text.last != "."
    }
}
