import Testing
import LedeROUGE

/// rouge-score's tokenizer: lower-case, `[^a-z0-9]+` separates, stems only tokens longer than three
/// characters. Expected tokens checked with `rouge_score.tokenize.tokenize` 0.1.2.
@Suite("rouge-score tokenizer")
struct ROUGETokenizerTests {
    @Test func everythingButASCIILettersAndDigitsSeparates() {
        let tokens = ROUGETokenizer(stemming: false).tokens("Don't STOP-me, İstanbul 5\u{212A} café naïve 3.14 \u{212B}ngström ½ ²")
        #expect(tokens == ["don", "t", "stop", "me", "i", "stanbul", "5k", "caf", "na", "ve", "3", "14", "ngstr", "m"])
    }

    @Test func stemsOnlyTokensLongerThanThreeCharacters() {
        let tokens = ROUGETokenizer().tokens("Cats ran; the dogs were running and flies DIED, was it? yes: 1990s")
        #expect(tokens == ["cat", "ran", "the", "dog", "were", "run", "and", "fli", "die", "was", "it", "yes", "1990"])
    }

    @Test func emptyAndSeparatorOnlyTextsHaveNoTokens() {
        #expect(ROUGETokenizer().tokens("").isEmpty)
        #expect(ROUGETokenizer().tokens(" \n\t—…!?\r\n ").isEmpty)
    }

    @Test func nonContiguousStringsTokenizeTheSame() {
        let bridged = String(decoding: Array("Ships SAILED home".utf8), as: UTF8.self)
        #expect(ROUGETokenizer().tokens(bridged) == ["ship", "sail", "home"])
    }
}
