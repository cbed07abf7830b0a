/// The page's JSON-LD `articleBody` as a fallback, when the page's own markup gave much less: used only
/// when it is long, plain text (no markup), and agrees with the page (its opening is in the page's text).
enum JSONLDArticleBody {
    /// The `articleBody` as paragraphs, when it should replace `extracted`; nil otherwise.
    static func fallback(extracted: String, metadata: PageMetadata, pageText: [UInt8]) -> String? {
        let bodies = metadata.jsonLD.flatMap { JSONLDScanner.strings(forKey: "articleBody", in: $0) }
        guard let body = bodies.max(by: { $0.utf8.count < $1.utf8.count }), body.utf8.count >= 1000,
              body.utf8.count >= 2 * extracted.utf8.count, !body.contains("</"), !body.contains("<p") else { return nil }
        let paragraphs = body.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { collapsed($0) }.filter { !$0.isEmpty }
        guard let first = paragraphs.first else { return nil }
        // Agreement: the body's opening words appear in the page's text.
        let opening = Array(String(first.prefix(48)).utf8)
        return pageText.firstRange(of: opening) != nil ? paragraphs.joined(separator: "\n\n") : nil
    }

    /// `line` with its whitespace runs made single spaces, trimmed.
    private static func collapsed(_ line: Substring) -> String {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }
}
