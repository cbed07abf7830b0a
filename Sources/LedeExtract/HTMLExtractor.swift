import CLibXML2

/// Finds the article in a web page: its body as paragraphs, its headline, publication date, language and
/// canonical URL. Never touches the network; safe to call from several threads at once.
public struct HTMLExtractor: Sendable {
    public init() { _ = Self.parserReady }

    /// The article in the page `bytes`, in any charset: a byte-order mark says which; else UTF-8 when the
    /// bytes are valid UTF-8 (whatever the page declares); else the charset the page declares; else
    /// Windows-1252. A page that is not HTML, or has no article, gives an empty `text`.
    public func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> ExtractedPage {
        _ = Self.parserReady
        guard !BinarySniffer.isBinary(bytes),
              let parsed = PageDecoder.withUTF8(bytes, { Self.parse($0) }) else { return ExtractedPage() }
        let tree = parsed.tree
        let chosen = ArticleSelector(tree: tree).select()
        let resolver = MetadataResolver(metadata: parsed.metadata, firstHeading: firstHeading(tree))
        var text = ArticleText.join(chosen, of: tree)
        if let body = JSONLDArticleBody.fallback(extracted: text, metadata: parsed.metadata, pageText: tree.text) { text = body }
        return ExtractedPage(title: resolver.title, text: text, date: resolver.date, language: resolver.language,
                             url: resolver.url)
    }

    /// The article in the page `bytes`.
    public func extract(_ bytes: [UInt8]) -> ExtractedPage {
        bytes.withUnsafeBufferPointer { extract($0) }
    }

    /// Parses a UTF-8 page once scripts, styles, comments and unread attributes are cut out.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PageBuilder? {
        MarkupPrefilter.filter(bytes).withUnsafeBufferPointer { HTMLStreamParser.parse($0) }
    }

    private func firstHeading(_ tree: PageTree) -> String? {
        guard let block = tree.blocks.first(where: { tree.elements[Int($0.owner)].tag == .heading1 }) else { return nil }
        return String(decoding: tree.text[Int(block.start)..<Int(block.end)], as: UTF8.self)
    }

    /// libxml2's global state, set up once before any thread parses.
    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()
}
