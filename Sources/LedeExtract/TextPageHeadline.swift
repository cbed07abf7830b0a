/// Finds a page's headline. A page saved as text starts with its title (often with the site's name
/// after it), and the headline repeats it, in part, above the article; a clean article starts with its
/// headline; a page saved from a browser may start with furniture ("Skip to content"), and then the
/// headline is the title-like line nearest above the article.
enum TextPageHeadline {
    /// The share of the title's words a line repeating it must have.
    static let titleShare = 0.4
    /// How many non-blank lines above the article the nearest title-like line may be.
    static let reach = 6

    /// The page's title: its first non-blank line (in a page saved from a browser, perhaps furniture).
    static func title(lines: [TextPageLine]) -> Int? {
        lines.firstIndex(where: { !$0.isBlank })
    }

    /// The first line after the title that is made only of the title's words (at least 2, and
    /// `titleShare` of them), and is not prose.
    static func titleMatch(lines: [TextPageLine], kinds: [TextPageLineKind]) -> Int? {
        guard let titleIndex = title(lines: lines) else { return nil }
        let title = Set(TextPageWords.words(lines[titleIndex].text).map { $0.lowercased() })
        for index in lines.indices where index > titleIndex && kinds[index] != .blank && kinds[index] != .text {
            let words = TextPageWords.words(lines[index].text).map { $0.lowercased() }
            guard (2...30).contains(words.count), words.allSatisfy(title.contains) else { continue }
            if Double(Set(words).count) >= titleShare * Double(title.count) { return index }
        }
        return nil
    }

    /// The headline of an article whose first kept line is `firstKept`: the title's repeat when it comes
    /// before; else the title when it is neither prose nor furniture, at most 30 words long and not ending
    /// with a full stop (even when it was kept: a short headline ending with a quote reads as a sentence);
    /// else, when the page starts with furniture, the nearest title-like line above the article.
    static func find(lines: [TextPageLine], kinds: [TextPageLineKind], titleMatch: Int?, firstKept: Int?) -> Int? {
        guard let firstKept else { return nil }
        if let titleMatch, titleMatch < firstKept { return titleMatch }
        if let title = title(lines: lines), kinds[title] == .short || kinds[title] == .sentence {
            guard title <= firstKept, lines[title].length <= 30, lines[title].text.last != "." else { return nil }
            return title
        }
        let above = (0..<firstKept).reversed().filter { kinds[$0] != .blank }.prefix(reach)
        return above.first { isTitleLike(lines[$0], kinds[$0]) }
    }

    /// A line that may be a headline: 3 to 25 words, not furniture nor prose, not ending with a full
    /// stop, not a byline ("By ...", "@name") nor a date.
    static func isTitleLike(_ line: TextPageLine, _ kind: TextPageLineKind) -> Bool {
        guard kind == .short || kind == .sentence, (3...25).contains(line.length) else { return false }
        if line.text.lowercased().hasPrefix("by ") || line.text.last == "." || line.text.contains("@") { return false }
        let digits = line.text.unicodeScalars.filter { $0.properties.numericType != nil }.count
        return digits * 4 < line.text.unicodeScalars.count
    }
}
