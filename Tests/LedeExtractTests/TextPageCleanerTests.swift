import LedeExtract
import Testing

/// The cleaner on made-up pages: what it keeps is byte-exact, its ranges index the original, the mask
/// keeps the original's length, and the headline is found.
@Suite struct TextPageCleanerTests {
    let cleaner = TextPageCleaner()

    /// The bytes of `text` in `range`, as a string.
    func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    /// Ranges in order, apart, inside the text; the mask the same length, identical inside the body,
    /// spaces and line breaks outside.
    func expectWellFormed(_ cleaned: CleanedTextPage, of text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        var previousEnd = 0
        for range in cleaned.body {
            #expect(range.lowerBound >= previousEnd && !range.isEmpty && range.upperBound <= bytes.count, sourceLocation: sourceLocation)
            previousEnd = range.upperBound
            if let headline = cleaned.headline { #expect(!headline.overlaps(range), sourceLocation: sourceLocation) }
        }
        let masked = Array(cleaned.masked(text).utf8)
        #expect(masked.count == bytes.count, sourceLocation: sourceLocation)
        guard masked.count == bytes.count else { return }
        for index in bytes.indices {
            if cleaned.body.contains(where: { $0.contains(index) }) {
                #expect(masked[index] == bytes[index], sourceLocation: sourceLocation)
            } else {
                let expected: UInt8 = bytes[index] == 0x0A || bytes[index] == 0x0D ? bytes[index] : 0x20
                #expect(masked[index] == expected, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func keepsTheArticleOfANewsPageByteExact() {
        let page = TextPageFixtures.page
        let cleaned = cleaner.clean(page)
        #expect(cleaned.body.map { slice(page, $0) } == TextPageFixtures.paragraphs)
        #expect(cleaned.text(of: page) == TextPageFixtures.paragraphs.joined(separator: "\n\n"))
        #expect(cleaned.headlineText(of: page) == TextPageFixtures.headline)
        expectWellFormed(cleaned, of: page)
        let masked = cleaned.masked(page)
        for furniture in ["Skip to content", "Home", "Jane Doe", "JD/KM", "Reuters", "newsletter", "Share this",
                          "More from", "Flood insurance", "©"] {
            #expect(!masked.contains(furniture), "\(furniture)")
        }
    }

    @Test func crlfLineEndingsGiveTheSameArticle() {
        let page = TextPageFixtures.page.replacingOccurrences(of: "\n", with: "\r\n")
        let cleaned = cleaner.clean(page)
        #expect(cleaned.body.map { slice(page, $0) } == TextPageFixtures.paragraphs)
        #expect(cleaned.text(of: page) == TextPageFixtures.paragraphs.joined(separator: "\n\n"))
        #expect(cleaned.headlineText(of: page) == TextPageFixtures.headline)
        expectWellFormed(cleaned, of: page)
    }

    @Test func nonASCIITextKeepsItsBytes() {
        let page = TextPageFixtures.frenchPage
        let cleaned = cleaner.clean(page)
        // The first two paragraphs are adjacent lines: one range, joined by "\n".
        #expect(cleaned.body.map { slice(page, $0) } == [
            TextPageFixtures.frenchParagraphs[0] + "\n" + TextPageFixtures.frenchParagraphs[1],
            TextPageFixtures.frenchParagraphs[2],
        ])
        #expect(cleaned.text(of: page) == TextPageFixtures.frenchParagraphs[0] + "\n" + TextPageFixtures.frenchParagraphs[1]
            + "\n\n" + TextPageFixtures.frenchParagraphs[2])
        #expect(cleaned.headlineText(of: page) == TextPageFixtures.frenchHeadline)
        expectWellFormed(cleaned, of: page)
    }

    @Test func aParagraphRunInCRLFIsJoinedByLineFeeds() {
        let page = TextPageFixtures.frenchPage.replacingOccurrences(of: "\n", with: "\r\n")
        let cleaned = cleaner.clean(page)
        #expect(cleaned.text(of: page) == TextPageFixtures.frenchParagraphs[0] + "\n" + TextPageFixtures.frenchParagraphs[1]
            + "\n\n" + TextPageFixtures.frenchParagraphs[2])
        expectWellFormed(cleaned, of: page)
    }

    @Test func emptyTextHasNoArticle() {
        for text in ["", "\n", "  \n\t\n", "\r\n\r\n"] {
            let cleaned = cleaner.clean(text)
            #expect(cleaned.body.isEmpty && cleaned.headline == nil)
            #expect(cleaned.text(of: text) == "")
            #expect(cleaned.headlineText(of: text) == nil)
            #expect(cleaned.masked(text).utf8.count == text.utf8.count)
        }
    }

    @Test func furnitureOnlyHasNoArticle() {
        let page = TextPageFixtures.boilerplateOnly
        let cleaned = cleaner.clean(page)
        #expect(cleaned.body.isEmpty)
        #expect(cleaned.headline == nil)
        #expect(Array(cleaned.masked(page).utf8) == page.utf8.map { $0 == 0x0A ? 0x0A : 0x20 })
    }

    @Test func aCleanArticleIsKeptWhole() {
        let text = TextPageFixtures.paragraphs.joined(separator: "\n")
        let cleaned = cleaner.clean(text)
        #expect(cleaned.text(of: text) == text)
        #expect(cleaned.headline == nil)
        let titled = TextPageFixtures.headline + "\n\n" + TextPageFixtures.paragraphs.joined(separator: "\n\n")
        let withHeadline = cleaner.clean(titled)
        #expect(withHeadline.headlineText(of: titled) == TextPageFixtures.headline)
        #expect(withHeadline.text(of: titled) == TextPageFixtures.paragraphs.joined(separator: "\n\n"))
    }

    @Test func aShortQuotedHeadlineIsNotBody() {
        let text = "Pop band to 'take a break'\n\n" + TextPageFixtures.paragraphs.joined(separator: "\n\n")
        let cleaned = cleaner.clean(text)
        #expect(cleaned.headlineText(of: text) == "Pop band to 'take a break'")
        #expect(cleaned.text(of: text) == TextPageFixtures.paragraphs.joined(separator: "\n\n"))
    }
}
