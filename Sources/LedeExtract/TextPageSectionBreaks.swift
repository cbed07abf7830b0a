/// Headings that open what comes after an article (comments, related stories, tags, the author's box),
/// and comment headers ("jdoe says:").
enum TextPageSectionBreaks {
    static let headings: Set<String> = [
        "comments", "comment", "responses", "response", "replies", "leave a reply", "leave a comment",
        "post a comment", "join the discussion", "join the conversation", "related", "related articles",
        "related stories", "related posts", "related content", "related news", "more from", "more on",
        "more stories", "you may also like", "you might also like", "recommended", "recommended for you",
        "trending", "trending now", "most popular", "most read", "most viewed", "read more", "read next",
        "popular", "popular posts", "popular stories", "latest", "latest news", "latest stories", "also read",
        "share this", "share this article", "share this story", "tag", "tags", "filed under", "about the author",
        "see also", "further reading", "sponsored", "sponsored content", "sponsored stories",
    ]

    static let commentVerbs = ["says:", "said:", "wrote:", "writes:", "replied:"]

    /// Whether `line` is such a heading (optionally counted, "12 Comments", and ending in ":") or a short
    /// comment header.
    static func opensSection(_ line: TextPageLine) -> Bool {
        var heading = Substring(line.text.lowercased())
        if let first = heading.first, first.isASCII, first.isNumber {
            let afterDigits = heading.drop(while: { $0.isASCII && $0.isNumber })
            if afterDigits.first?.isWhitespace == true {
                heading = afterDigits.drop(while: \.isWhitespace)
            }
        }
        if heading.last == ":" { heading.removeLast() }
        while heading.last?.isWhitespace == true { heading.removeLast() }
        if headings.contains(String(heading)) { return true }
        if line.length <= 8 {
            let lower = line.text.lowercased()
            for verb in commentVerbs where lower.hasSuffix(verb) {
                let before = lower.dropLast(verb.count)
                if let last = before.unicodeScalars.last, TextPageWords.isWordScalar(last) { continue }
                return true
            }
        }
        return false
    }
}
