import LedeExtract
import Testing

/// Pages in other encodings than UTF-8, and pages that name the wrong one.
@Suite struct HTMLCharsetTests {
    static let sentence = "Caf\u{E9} na\u{EF}ve \u{201C}quoted\u{201D} \u{2014} a paragraph long enough to be read as prose, \u{E0} la fa\u{E7}on."

    /// `text` in Windows-1252 (every character of ``sentence`` has a byte there).
    static func windows1252(_ text: String) -> [UInt8] {
        let high: [UInt32: UInt8] = [0x201C: 0x93, 0x201D: 0x94, 0x2014: 0x97, 0x2019: 0x92, 0x20AC: 0x80]
        return text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : high[$0.value]! }
    }

    static func body(_ head: String = "") -> (before: String, after: String) {
        ("<html><head>\(head)</head><body><article><p>", "</p></article></body></html>")
    }

    @Test func windows1252WithoutMeta() {
        let (before, after) = Self.body()
        let bytes = Array(before.utf8) + Self.windows1252(Self.sentence) + Array(after.utf8)
        #expect(HTMLExtractor().extract(bytes).text == Self.sentence)
    }

    @Test func windows1252WithMetaCharsetAndHTTPEquiv() {
        for head in ["<meta charset=\"windows-1252\">", "<meta charset='iso-8859-1'>",
                     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"] {
            let (before, after) = Self.body(head)
            let bytes = Array(before.utf8) + Self.windows1252(Self.sentence) + Array(after.utf8)
            #expect(HTMLExtractor().extract(bytes).text == Self.sentence, "\(head)")
        }
    }

    @Test func windows1252UndefinedBytesDoNotStopTheParse() {
        let (before, after) = Self.body()
        let bytes = Array(before.utf8) + Self.windows1252("Odd byte ") + [0x81] + Self.windows1252(" then " + Self.sentence) + Array(after.utf8)
        #expect(HTMLExtractor().extract(bytes).text.hasSuffix(Self.sentence))
    }

    @Test func utf8WithALyingMetaCharsetStaysUTF8() {
        for head in ["<meta charset=\"iso-8859-1\">", "<meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1252\">",
                     "<meta charset=\"shift_jis\">", "<meta charset=\"utf-16\">"] {
            let (before, after) = Self.body(head)
            #expect(HTMLExtractor().extract(Array((before + Self.sentence + after).utf8)).text == Self.sentence, "\(head)")
        }
    }

    @Test func mostlyUTF8WithABrokenByteKeepsTheRest() {
        let (before, after) = Self.body()
        let bytes = Array(before.utf8) + Array("Broken \u{E9}".utf8) + [0xFF] + Array((" " + Self.sentence).utf8) + Array(after.utf8)
        let text = HTMLExtractor().extract(bytes).text
        #expect(text.hasSuffix(Self.sentence))
        #expect(text.hasPrefix("Broken \u{E9}\u{FFFD}"))
    }

    @Test func declaredShiftJIS() {
        let sentence = "日本語の記事です。これは十分に長い段落であり、散文として数えられるべきです。"
        let shiftJIS: [UInt8] = [
            0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x82, 0xCC, 0x8B, 0x4C, 0x8E, 0x96, 0x82, 0xC5, 0x82, 0xB7, 0x81, 0x42, 0x82, 0xB1,
            0x82, 0xEA, 0x82, 0xCD, 0x8F, 0x5C, 0x95, 0xAA, 0x82, 0xC9, 0x92, 0xB7, 0x82, 0xA2, 0x92, 0x69, 0x97, 0x8E, 0x82, 0xC5,
            0x82, 0xA0, 0x82, 0xE8, 0x81, 0x41, 0x8E, 0x55, 0x95, 0xB6, 0x82, 0xC6, 0x82, 0xB5, 0x82, 0xC4, 0x90, 0x94, 0x82, 0xA6,
            0x82, 0xE7, 0x82, 0xEA, 0x82, 0xE9, 0x82, 0xD7, 0x82, 0xAB, 0x82, 0xC5, 0x82, 0xB7, 0x81, 0x42,
        ]
        let (before, after) = Self.body("<meta charset=\"Shift_JIS\">")
        #expect(HTMLExtractor().extract(Array(before.utf8) + shiftJIS + Array(after.utf8)).text == sentence)
    }

    @Test func byteOrderMarks() {
        let html = Self.body().before + Self.sentence + Self.body().after
        let utf8 = [0xEF, 0xBB, 0xBF] + Array(html.utf8)
        #expect(HTMLExtractor().extract(utf8).text == Self.sentence)
        let units = Array(html.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(HTMLExtractor().extract(le).text == Self.sentence)
        #expect(HTMLExtractor().extract(be).text == Self.sentence)
    }
}
