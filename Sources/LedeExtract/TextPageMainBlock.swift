/// The article's extent on a page: the run of lines whose prose outweighs the furniture inside it
/// (the largest-sum run of line weights), and which of its lines are kept.
struct TextPageMainBlock {
    /// Weight of a line that is not prose: a fixed cost plus a cost per word.
    static let shortLineCost = 5.0, shortLineCostPerWord = 1.0
    /// Weight of a section break (comments, related stories): a wall between article and the rest.
    static let sectionBreakCost = 60.0
    /// A short sentence is worth this much per word.
    static let sentenceWeightPerWord = 0.5
    /// Extra weight of the first paragraph after the headline found by the page's title.
    static let headlineBonus = 40.0
    /// How many lines after the headline its first paragraph may be.
    static let headlineReach = 40
    /// The longest short line kept between two kept lines (a subheading, a list item).
    static let longestBridgedLine = 12

    /// Indices of the kept lines, ascending.
    let kept: [Int]

    init(lines: [TextPageLine], kinds: [TextPageLineKind], titleMatch: Int?) {
        var repeats: [Substring: Int] = [:]
        for line in lines where !line.isBlank { repeats[line.text, default: 0] += 1 }
        var weights = zip(lines, kinds).map { line, kind -> Double in
            switch kind {
            case .blank: return 0
            case .text: return repeats[line.text, default: 0] > 1 ? -Self.shortLineCost : Double(line.length)
            case .sentence: return Double(line.length) * Self.sentenceWeightPerWord
            case .sectionBreak: return -Self.sectionBreakCost
            case .short, .furniture: return -Self.shortLineCost - Self.shortLineCostPerWord * Double(line.length)
            }
        }
        if let headline = titleMatch,
           let first = (headline + 1..<min(lines.count, headline + Self.headlineReach)).first(where: { kinds[$0] == .text }) {
            weights[first] += Self.headlineBonus
        }
        // The largest-sum run of lines.
        var best = 0.0, bestRange = 0..<0, sum = 0.0, start = 0
        for (index, weight) in weights.enumerated() {
            if sum <= 0 { sum = 0; start = index }
            sum += weight
            if sum > best { best = sum; bestRange = start..<index + 1 }
        }
        var keep = [Bool](repeating: false, count: lines.count)
        for index in bestRange where kinds[index] == .text || kinds[index] == .sentence { keep[index] = true }
        // A short line between two kept ones is the article's (a subheading, a list item).
        let present = bestRange.filter { kinds[$0] != .blank }
        if present.count >= 3 {
            for position in 1..<present.count - 1 {
                let index = present[position]
                if kinds[index] == .short, keep[present[position - 1]], keep[present[position + 1]],
                   lines[index].length <= Self.longestBridgedLine {
                    keep[index] = true
                }
            }
        }
        kept = keep.indices.filter { keep[$0] }
    }
}
