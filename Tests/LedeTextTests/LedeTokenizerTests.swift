import Testing
import Foundation
import LedeText

@Suite("Lede tokenizer")
struct LedeTokenizerTests {
    let analyzer = TextAnalyzer()

    @Test func lettersOfAnyScriptLowerCased() {
        #expect(analyzer.tokens(of: "Über ÉCOLE Straße Москва 東京 ΟΔΟΣ") == ["über", "école", "straße", "москва", "東京", "οδος"])
    }

    @Test func apostrophesInsideWordsAndPossessives() {
        #expect(analyzer.tokens(of: "Don’t stop: it's O’Neill’s ‘quote’ rock 'n' roll") == ["don't", "stop", "it", "o'neill", "quote", "rock", "roll"])
        #expect(analyzer.tokens(of: "the BBC's report, the bosses' pay") == ["the", "bbc", "report", "the", "bosses", "pay"])
    }

    @Test func hyphensJoinLettersAndDigitsDashesSeparate() {
        #expect(analyzer.tokens(of: "state-of-the-art e‑mail covid-19 -- well — known – x -ab") == ["state-of-the-art", "e-mail", "covid-19", "well", "known", "ab"])
    }

    @Test func numbersKeepInnerSeparatorsOrAreDropped() {
        #expect(analyzer.tokens(of: "$1.13bn (£600m) 3.14 1,000 2004. 10") == ["1.13bn", "600m", "3.14", "1,000", "2004", "10"])
        let noNumbers = TextAnalyzer(tokenization: .lede(TokenizerOptions(numbers: .drop)))
        #expect(noNumbers.tokens(of: "$1.13bn 3.14 1,000 2004 covid-19") == ["1.13bn", "covid-19"])
    }

    @Test func webAddressesAreOneTokenDroppedOrSplit() {
        let text = "See https://Example.com/a-b?c=1. Or www.bbc.co.uk/news, (http://x.org)"
        #expect(analyzer.tokens(of: text) == ["see", "https://example.com/a-b?c=1", "or", "www.bbc.co.uk/news", "http://x.org"])
        let drop = TextAnalyzer(tokenization: .lede(TokenizerOptions(urls: .drop)))
        #expect(drop.tokens(of: text) == ["see", "or"])
        let split = TextAnalyzer(tokenization: .lede(TokenizerOptions(urls: .split)))
        #expect(split.tokens(of: "www.bbc.co.uk") == ["www", "bbc", "co", "uk"])
    }

    @Test func minimumLengthSoftHyphensAndMarks() {
        let one = TextAnalyzer(tokenization: .lede(TokenizerOptions(minimumLength: 1)))
        #expect(one.tokens(of: "a I x") == ["a", "i", "x"])
        #expect(analyzer.tokens(of: "a I x") == [])
        #expect(analyzer.tokens(of: "hy\u{ad}phen cafe\u{301}") == ["hyphen", "cafe\u{301}"])
    }

    @Test func stopWordsBuiltInAndFromFile() throws {
        let english = TextAnalyzer(stopWords: .english)
        #expect(english.tokens(of: "The cat didn’t sit on the mat because it was wet") == ["cat", "sit", "mat", "wet"])
        #expect(StopWords.english.count > 250)
        let path = "/tmp/lede-stopwords-\(UInt32.random(in: 0...UInt32.max)).txt"
        try "# my list\nCat\n\n  mat  \n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let custom = try StopWords(contentsOfFile: path)
        #expect(custom.count == 2 && custom.contains("cat") && custom.contains("mat"))
    }

    @Test func characterNGramsWithinWordBoundaries() {
        // scikit-learn: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3)) on "ab xyz" gives these.
        let chars = TextAnalyzer(tokenization: .lede(TokenizerOptions(minimumLength: 1)), terms: .charactersWithinWords(2...3))
        #expect(chars.terms(of: "ab xyz") == [" a", "ab", "b ", " ab", "ab ", " x", "xy", "yz", "z ", " xy", "xyz", "yz "])
        // A padded word no longer than n is one term, and longer n are skipped.
        #expect(chars.terms(of: "a") == [" a", "a ", " a "])
    }

    @Test func invalidUTF8AndNULSeparate() {
        let bytes: [UInt8] = [0x61, 0x62, 0xFF, 0x63, 0x64, 0x00, 0x65, 0x66, 0xF0, 0x9F]
        let result = bytes.withUnsafeBufferPointer { analyzer.tokens(ofBytes: $0) }
        #expect(result.tokens == ["ab", "cd", "ef"])
        #expect(result.invalidUTF8 == 2)
    }
}
