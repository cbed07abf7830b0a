/// What extraction found in a web page or a page saved as text: the article's headline and body, and
/// what the page says about itself when it says it.
public struct ExtractedPage: Sendable, Equatable {
    /// The headline; empty when none was found.
    public var title: String
    /// The article's body: paragraphs separated by a blank line ("\n\n"); empty when the page has none.
    public var text: String
    /// When the article was published, as ISO 8601 (`2026-12-07` or `2026-12-07T14:30:00Z`), when found.
    public var date: String?
    /// The page's language tag (`en`, `en-GB`), when found.
    public var language: String?
    /// The page's canonical URL, when found.
    public var url: String?

    public init(title: String = "", text: String = "", date: String? = nil, language: String? = nil, url: String? = nil) {
        self.title = title
        self.text = text
        self.date = date
        self.language = language
        self.url = url
    }
}
