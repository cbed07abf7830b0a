import Testing
import LedeText

/// Expected values below were produced with CPython 3.11: `re.findall(r"(?u)\b\w\w+\b", text.lower())`.
@Suite("scikit-learn tokenizer")
struct ScikitLearnTokenizerTests {
    let analyzer = TextAnalyzer.scikitLearn()

    @Test func asciiRunsOfTwoOrMoreWordCharacters() {
        #expect(analyzer.tokens(of: "The cat sat on a mat, didn't it? snake_case x2 9 __")
            == ["the", "cat", "sat", "on", "mat", "didn", "it", "snake_case", "x2", "__"])
    }

    @Test func unicodeLettersNumbersAndPythonLowercasing() {
        let text = "\u{dc}ber \u{130}stanbul \u{39f}\u{394}\u{39f}\u{3a3} \u{3a3}\u{391}\u{3a3} \u{3a3}. a\u{3a3}b x\u{b2}y \u{bd}\u{bd} 3\u{bd} foo_bar \u{216b}\u{216b} \u{2469}\u{2469} \u{6771}\u{4eac}\u{90fd} ab\u{301}cd"
        let expected = ["\u{fc}ber", "stanbul", "\u{3bf}\u{3b4}\u{3bf}\u{3c2}", "\u{3c3}\u{3b1}\u{3c2}", "a\u{3c3}b", "x\u{b2}y",
                        "\u{bd}\u{bd}", "3\u{bd}", "foo_bar", "\u{217b}\u{217b}", "\u{2469}\u{2469}", "\u{6771}\u{4eac}\u{90fd}", "ab", "cd"]
        #expect(analyzer.tokens(of: text).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    @Test func finalSigmaLooksPastCaseIgnorableCharacters() {
        let text = "\u{38c}\u{3a3}\u{39f}\u{3a3}'\u{3a3} A\u{3a3}\u{301} \u{391}\u{3a3}.\u{391}"
        let expected = ["\u{3cc}\u{3c3}\u{3bf}\u{3c3}", "a\u{3c2}", "\u{3b1}\u{3c3}"]
        #expect(analyzer.tokens(of: text).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    @Test func wordNGramsJoinTokensWithOneSpaceAfterStopWordsAreRemoved() {
        let bigrams = TextAnalyzer.scikitLearn(ngramRange: 1...2, stopWords: StopWords(["the"]))
        #expect(bigrams.terms(of: "The cat and the hat") == ["cat", "and", "hat", "cat and", "and hat"])
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        // "ab", a lone continuation byte, "cd", a truncated 3-byte sequence, "ef", an overlong form, "gh", a surrogate
        let bytes: [UInt8] = [0x61, 0x62, 0x80, 0x63, 0x64, 0xE2, 0x82, 0x65, 0x66, 0xC0, 0xAF, 0x67, 0x68, 0xED, 0xA0, 0x80, 0x69, 0x6A]
        let result = bytes.withUnsafeBufferPointer { analyzer.tokens(ofBytes: $0) }
        #expect(result.tokens == ["ab", "cd", "ef", "gh", "ij"])
        #expect(result.invalidUTF8 == 7)   // 0x80 | E2 82 | C0 | AF | ED | A0 | 80
        #expect(bytes.withUnsafeBufferPointer { countInvalidUTF8($0) } == 7)
        let repaired = bytes.withUnsafeBufferPointer { repairUTF8($0) }
        #expect(repaired.replaced == 7)
        #expect(String(decoding: repaired.bytes, as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
    }

    /// Counting skips ASCII eight bytes at a time; ill-formed sequences anywhere around those runs are still
    /// each counted once, as `repairUTF8` (a byte-at-a-time loop) replaces them.
    @Test func invalidUTF8IsCountedAroundASCIIRuns() {
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), Array("abcdefg".utf8), Array("x".utf8), Array("é中😀".utf8),
                                 [0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let counted = bytes.withUnsafeBufferPointer { countInvalidUTF8($0) }
            let replaced = bytes.withUnsafeBufferPointer { repairUTF8($0).replaced }
            #expect(counted == replaced, "\(bytes)")
        }
    }

    @Test func nulBytesSeparateTokens() {
        #expect(analyzer.tokens(of: "ab\u{0}cd\u{0}\u{0}e\u{0}") == ["ab", "cd"])
        #expect(analyzer.tokens(of: "\u{0}\u{0}\u{0}").isEmpty)
    }

    @Test func emptyAndSeparatorOnlyTexts() {
        #expect(analyzer.tokens(of: "").isEmpty)
        #expect(analyzer.tokens(of: "  \n\t ,.;  a b c").isEmpty)
        #expect(TextAnalyzer.scikitLearn(ngramRange: 1...3).terms(of: "").isEmpty)
    }

    @Test func tenMillionCharacterLineWithoutSpaces() {
        let long = String(repeating: "a", count: 10_000_000)
        let tokens = analyzer.tokens(of: long)
        #expect(tokens.count == 1 && tokens[0].utf8.count == 10_000_000)
        let punctuated = String(repeating: "ab.", count: 3_333_333)
        var count = 0
        var buffer = punctuated
        let invalid = buffer.withUTF8 { bytes in
            analyzer.tokenize(bytes, into: TokenBuffer()) { count += $0.tokenCount }
        }
        #expect(count == 3_333_333 && invalid == 0)
    }

    @Test func blocksKeepTokensInOrder() {
        let text = (0..<1000).map { "w\($0)" }.joined(separator: " ")
        var seen: [String] = []
        var blocks = 0
        var copy = text
        _ = copy.withUTF8 { bytes in
            analyzer.tokenize(bytes, into: TokenBuffer(blockTokenLimit: 7, blockByteLimit: 64)) { buffer in
                blocks += 1
                for i in 0..<buffer.tokenCount { seen.append(String(decoding: buffer.token(i), as: UTF8.self)) }
            }
        }
        #expect(seen == (0..<1000).map { "w\($0)" })
        #expect(blocks > 100)
    }

    @Test func unicodeVersionLimitTreatsNewerCharactersAsUnassigned() {
        // U+1C89 (CYRILLIC CAPITAL LETTER TJE) was added in Unicode 16.0.
        let text = "\u{1c89}\u{1c89}"
        #expect(TextAnalyzer.scikitLearn().tokens(of: text).count == 1)
        #expect(TextAnalyzer.scikitLearn(unicodeVersion: UnicodeVersion(14, 0)).tokens(of: text).isEmpty)
    }

    /// The ASCII fast path (eight bytes at a time) against a plain reference on random ASCII text, with
    /// runs of every length around the eight-byte steps and a few non-ASCII characters mixed in.
    @Test func asciiFastPathMatchesAPlainReference() {
        let alphabet = Array("aZ9_ -.,'\n\tQ0zA".utf8) + [0x7F, 0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A]
        var state: UInt64 = 99
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<100 {
            var text = ""
            for _ in 0..<next(400) {
                let roll = next(100)
                if roll < 3 {
                    text += "é"
                } else {
                    let runLength = next(20)
                    let letters = (0..<runLength).map { _ in Character(Unicode.Scalar(alphabet[next(alphabet.count)])) }
                    text += String(letters)
                }
            }
            // Reference: maximal runs of [A-Za-z0-9_] and "é" (a \w letter), lower-cased, two characters or more.
            var expected: [String] = []
            var current = ""
            for scalar in text.unicodeScalars {
                let v = scalar.value
                let isWord = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F || v == 0xE9
                if isWord {
                    current.unicodeScalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 0x20)! : scalar)
                } else {
                    if current.unicodeScalars.count >= 2 { expected.append(current) }
                    current = ""
                }
            }
            if current.unicodeScalars.count >= 2 { expected.append(current) }
            #expect(analyzer.tokens(of: text) == expected)
        }
    }
}
