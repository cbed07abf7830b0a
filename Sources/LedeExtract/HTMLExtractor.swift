import CLibXML2
import LedeText

/// Finds the article in a web page: its body as paragraphs, its headline, publication date, language and
/// canonical URL. Never touches the network; safe to call from several threads at once.
public struct HTMLExtractor: Sendable {
    public init() { _ = Self.parserReady }

    /// The article in the page `bytes` (any charset; see ``CharsetSniffer``). A page that is not HTML, or
    /// has no article, gives an empty `text`.
    public func extract(_ bytes: UnsafeBufferPointer<UInt8>) -> ExtractedPage {
        _ = Self.parserReady
        guard !BinarySniffer.isBinary(bytes) else { return ExtractedPage() }
        let choice = CharsetSniffer.choose(bytes)
        let body = UnsafeBufferPointer(rebasing: bytes[choice.skip...])
        let document: HTMLDocument?
        switch choice.encoding {
        case "UTF-16LE", "UTF-16BE":
            document = HTMLDocument(body, encoding: choice.encoding)
        case "windows-1252":
            let utf8 = Windows1252.utf8(body)
            document = utf8.withUnsafeBufferPointer { Self.parse($0, encoding: "UTF-8") }
        default:
            if choice.repair {
                document = repairUTF8(body).bytes.withUnsafeBufferPointer { Self.parse($0, encoding: choice.encoding) }
            } else {
                document = Self.parse(body, encoding: choice.encoding)
            }
        }
        guard let document, let root = document.root else { return ExtractedPage() }
        let walker = PageWalker(root: root)
        let tree = walker.tree
        let chosen = ArticleSelector(tree: tree).select()
        let resolver = MetadataResolver(metadata: walker.metadata, firstHeading: firstHeading(tree))
        return ExtractedPage(title: resolver.title, text: ArticleText.join(chosen, of: tree), date: resolver.date,
                             language: resolver.language, url: resolver.url)
    }

    /// The article in the page `bytes`.
    public func extract(_ bytes: [UInt8]) -> ExtractedPage {
        bytes.withUnsafeBufferPointer { extract($0) }
    }

    /// Parses an ASCII-compatible page once scripts, styles and comments are cut out.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> HTMLDocument? {
        MarkupPrefilter.filter(bytes).withUnsafeBufferPointer { HTMLDocument($0, encoding: encoding) }
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
