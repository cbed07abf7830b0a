import LedeExtract

/// How records that are pages become articles: a web page's article is extracted (`HTMLExtractor`),
/// and a page saved as plain text is cleaned of navigation, credits and sign-up lines
/// (`TextPageCleaner`), its headline becoming the article's title.
public struct PageReading: Sendable, Equatable {
    /// JSON Lines: the field that holds a page's HTML. A record with it and no text field is a page.
    public var htmlField: String
    /// Whether plain-text files (`InputFormat.text`) are cleaned of boilerplate.
    public var cleansTextFiles: Bool
    /// Whether a JSON Lines record's own text is cleaned too (as `lede extract` does).
    public var cleansRecordText: Bool
    /// Whether cleaned text keeps the page's byte offsets (each dropped byte becomes a space, line
    /// breaks stay), so that sentence offsets index the original file; else it is the kept paragraphs
    /// with a blank line between them, as `lede extract` writes them.
    public var keepsOffsets: Bool

    public init(htmlField: String = "html", cleansTextFiles: Bool = true, cleansRecordText: Bool = false, keepsOffsets: Bool = true) {
        self.htmlField = htmlField
        self.cleansTextFiles = cleansTextFiles
        self.cleansRecordText = cleansRecordText
        self.keepsOffsets = keepsOffsets
    }

    /// The article in a web page's bytes.
    func article(html bytes: UnsafeBufferPointer<UInt8>, id: String?, line: Int) -> Article {
        let page = HTMLExtractor().extract(bytes)
        var article = Article(id: id, title: page.title, text: page.text, line: line)
        article.page = PageFacts(date: page.date, language: page.language, url: page.url)
        return article
    }

    /// `text` cleaned of boilerplate, and the headline found in it.
    func cleaned(_ text: String) -> (title: String?, text: String) {
        let page = TextPageCleaner().clean(text)
        return (page.headlineText(of: text), keepsOffsets ? page.masked(text) : page.text(of: text))
    }
}

/// What a web page says about itself, beside its article.
public struct PageFacts: Sendable, Equatable {
    /// When the article was published (ISO 8601), the page's language tag, and its canonical URL, when found.
    public var date: String?, language: String?, url: String?

    public init(date: String? = nil, language: String? = nil, url: String? = nil) {
        self.date = date
        self.language = language
        self.url = url
    }
}
