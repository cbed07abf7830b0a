import Foundation
import LedeExtract
import LedeTestSupport
import Testing

/// Pages that are not pages: nothing crashes, the text is valid and, where there is no article, empty.
@Suite struct HTMLRobustnessTests {
    @Test func emptyInputAndEmptyBody() {
        #expect(HTMLExtractor().extract([UInt8]()) == ExtractedPage())
        let page = HTMLFixtures.extract("<html><head><title>Nothing here</title></head><body></body></html>")
        #expect(page.text.isEmpty)
        #expect(page.title == "Nothing here")
        #expect(HTMLFixtures.extract("<html><body><div><span> </span></div></body></html>").text.isEmpty)
    }

    @Test func binaryJunkGivesNoText() {
        var random = SplitMix64(state: 7)
        let junk = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &random) }
        #expect(HTMLExtractor().extract(junk).text.isEmpty)
        let gzipHeader: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03] + junk.prefix(1000)
        #expect(HTMLExtractor().extract(gzipHeader).text.isEmpty)
    }

    @Test func plainTextIsReadAsOneParagraphPerBlankLine() {
        let text = "Not a web page at all, just a sentence of plain text long enough to be prose."
        let page = HTMLFixtures.extract(text)
        #expect(page.text == text)
        #expect(page.title.isEmpty)
    }

    @Test func hundredThousandNestedDivsNeitherCrashNorLoseTheText() {
        let sentence = "Deep inside, a sentence long enough to count as the article's prose."
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>\(sentence)</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        #expect(HTMLFixtures.extract(html).text == sentence)
        let unclosed = "<html><body>" + String(repeating: "<div><span>x ", count: 100_000)
        _ = HTMLFixtures.extract(unclosed)
    }

    @Test func nestedPagesOnASmallThreadStack() async {
        let html = "<html><body>" + String(repeating: "<div><b>", count: 50_000) + "<p>A sentence long enough to count as prose, deep down.</p>"
        let text = await withCheckedContinuation { (done: CheckedContinuation<String, Never>) in
            let thread = Thread { done.resume(returning: HTMLFixtures.extract(html).text) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        #expect(text == "A sentence long enough to count as prose, deep down.")
    }

    @Test func concurrentExtractionsAgree() {
        let bytes = Array(HTMLFixtures.page(head: #"<meta property="og:title" content="T">"#).utf8)
        let expected = HTMLExtractor().extract(bytes)
        let extractor = HTMLExtractor()
        let results = Locked<[ExtractedPage]>([])
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let page = extractor.extract(bytes)
            results.update { $0.append(page) }
        }
        #expect(results.get().count == 64)
        #expect(results.get().allSatisfy { $0 == expected })
    }

    /// One to four random edits of `bytes`: bit flips, byte writes, cuts, markup inserted, spans deleted or
    /// duplicated.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let markup = ["<", ">", "</", "<div>", "</p>", "<!--", "-->", "&", "&#", "&#x10FFFF;", "\"", "<script>", "<br>",
                      "<meta charset=\"shift_jis\">", "\u{FFFD}", "<![CDATA[", "<title>", "<template>", "\0"].map { Array($0.utf8) }
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !out.isEmpty else { out = [UInt8.random(in: 0...255, using: &random)]; continue }
            let position = Int.random(in: 0..<out.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: out[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: out[position] = UInt8.random(in: 0...255, using: &random)
            case 2: out.removeSubrange(Int.random(in: 0...out.count, using: &random)...)
            case 3: out.insert(contentsOf: markup.randomElement(using: &random)!, at: position)
            case 4: out.removeSubrange(position..<min(out.count, position + Int.random(in: 1...64, using: &random)))
            default:
                let end = min(out.count, position + Int.random(in: 1...200, using: &random))
                out.insert(contentsOf: out[position..<end], at: Int.random(in: 0...out.count, using: &random))
            }
        }
        return out
    }

    @Test func randomMutationsNeverCrashAndGiveValidText() {
        let head = #"<meta charset="utf-8"><meta property="og:title" content="Budget"><script type="application/ld+json">{"datePublished":"2026-11-29","articleBody":"x \u00e9 \ud83d\ude00"}</script>"#
        let fixture = Array(HTMLFixtures.page(head: head, insideArticle: "<p>Caf\u{E9} &amp; cr\u{E8}me &#8212; a paragraph with entities, long enough.</p>").utf8)
        var random = SplitMix64(state: 20_261_207)
        let extractor = HTMLExtractor()
        var nonEmpty = 0
        for _ in 0..<3_000 {
            let page = extractor.extract(Self.mutate(fixture, using: &random))
            for field in [page.title, page.text, page.date ?? "", page.language ?? "", page.url ?? ""] {
                #expect(!field.utf8.contains(0))
                #expect(String(decoding: Array(field.utf8), as: UTF8.self) == field)
            }
            #expect(!page.text.hasPrefix("\n") && !page.text.hasSuffix("\n"))
            if !page.text.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 2_000)
    }
}
