/// Finds the article inside a page saved as plain text: drops the menus, credits, sign-up blurbs,
/// comments and footers around it, and names its headline. What it keeps is byte-exact.
///
/// Each line is judged by its look (length, ending, function words, capitals, separators, repeats), then
/// by its place: the article is the run of lines where prose outweighs the rest, pulled toward the first
/// paragraph after the line that repeats the page's title; inside it, prose is kept, and a short line
/// between two kept ones (a subheading) too.
public struct TextPageCleaner: Sendable {
    public init() {}

    /// The verdict on `text`: which lines are the article, which one is the headline.
    public func clean(_ text: String) -> CleanedTextPage {
        let lines = TextPageLine.lines(of: text)
        let kinds = lines.map(TextPageLineKind.init)
        let titleMatch = TextPageHeadline.titleMatch(lines: lines, kinds: kinds)
        var kept = TextPageMainBlock(lines: lines, kinds: kinds, titleMatch: titleMatch).kept
        let headline = TextPageHeadline.find(lines: lines, kinds: kinds, titleMatch: titleMatch, firstKept: kept.first)
        kept.removeAll { $0 == headline }
        var body: [Range<Int>] = []
        var previous: Int?
        for index in kept {
            if let previous, previous == index - 1, let last = body.last {
                body[body.count - 1] = last.lowerBound..<lines[index].range.upperBound
            } else {
                body.append(lines[index].range)
            }
            previous = index
        }
        return CleanedTextPage(body: body, headline: headline.map { lines[$0].range })
    }
}
