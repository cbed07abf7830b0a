import Testing
import LedeSentences

extension HardCase: CustomTestStringConvertible {
    var testDescription: String { description }
}

/// The sentences of `text` as strings, cut from the UTF-8 bytes by the reported ranges.
func sentenceStrings(_ text: String, _ segmenter: SentenceSegmenter = SentenceSegmenter()) -> [String] {
    let bytes = Array(text.utf8)
    return segmenter.segments(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
}

@Suite("Sentence segmenter: hand-written hard cases")
struct HardCaseTests {
    @Test("there are at least 60 hand-written cases")
    func enoughCases() {
        #expect(allHardCases.count >= 60)
    }

    @Test("each case splits into exactly the expected sentences", arguments: allHardCases)
    func hardCase(_ hardCase: HardCase) {
        #expect(sentenceStrings(hardCase.text) == hardCase.sentences)
    }

    @Test("the String, [UInt8] and buffer entry points agree, and sentences(in:) cuts the same text",
          arguments: allHardCases)
    func entryPointsAgree(_ hardCase: HardCase) {
        let segmenter = SentenceSegmenter()
        let bytes = Array(hardCase.text.utf8)
        let fromString = segmenter.segments(in: hardCase.text)
        #expect(segmenter.segments(in: bytes) == fromString)
        #expect(bytes.withUnsafeBufferPointer { segmenter.segments(in: $0) } == fromString)
        #expect(segmenter.sentences(in: hardCase.text).map(String.init) == hardCase.sentences)
    }

    @Test("with endsSentenceAtQuotedMark off, a quotation and its attribution stay together")
    func quotedMarkOptionOff() {
        var segmenter = SentenceSegmenter()
        segmenter.endsSentenceAtQuotedMark = false
        #expect(sentenceStrings("\"Is it over?\" she asked. Nobody answered.", segmenter)
                == ["\"Is it over?\" she asked.", "Nobody answered."])
        #expect(sentenceStrings("Why? he asked. Because.", segmenter) == ["Why? he asked.", "Because."])
        #expect(sentenceStrings("He said: \"We will win.\" The crowd cheered.", segmenter)
                == ["He said: \"We will win.\"", "The crowd cheered."])
    }

    @Test("added abbreviations end a sentence only before a sentence opener")
    func additionalAbbreviations() {
        let plain = SentenceSegmenter()
        let text = "Ask Atty. Webb about the bins. He knows."
        #expect(sentenceStrings(text, plain) == ["Ask Atty.", "Webb about the bins.", "He knows."])
        let local = SentenceSegmenter(additionalAbbreviations: ["Atty."])
        #expect(sentenceStrings(text, local) == ["Ask Atty. Webb about the bins.", "He knows."])
        #expect(sentenceStrings("The note was signed by the Atty. The office sent it.", local)
                == ["The note was signed by the Atty.", "The office sent it."])
    }

    @Test("ranges are UTF-8 byte offsets, not character offsets")
    func byteOffsets() {
        let text = "Café au lait costs £3. Tea is free."
        let ranges = SentenceSegmenter().segments(in: text)
        #expect(ranges == [0..<24, 25..<37])
    }
}
