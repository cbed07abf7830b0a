import Testing
import LedeSentences
import LedeTestSupport


/// Pieces that exercise every rule: marks, quotes, brackets, abbreviations, numbers, line breaks,
/// multi-byte white space and marks, and cut-off or invalid UTF-8.
let tortureBits: [[UInt8]] = [
    "The", "cat", "sat", "Mr.", "U.S.", "e.g.", "J.", "3.5", "$1.2bn", "No.", "Jan.", "Inc.", "etc.",
    ".", "..", "...", "?", "!", "?!", "\"", "'", "(", ")", "[", "]", " ", "  ", "\n", "\n\n", "\r\n", "\t",
    "- ", "• ", "…", "“", "”", "‘", "’", "«", "»", "。", "！", "？", "\u{00A0}", "\u{2028}", "\u{2029}",
    "\u{3000}", "É", "é", "iPod", "www.x.com/A.B", "1.", "said", "he", "and", "The.", "A", "I",
].map { Array($0.utf8) } + [
    [0x00], [0xFF], [0xC3], [0xE2, 0x80], [0xE2], [0xE3, 0x80], [0xEF, 0xBC], [0x80, 0x80], [0xC2], [0xF0, 0x9F],
    [0x2E, 0x00, 0x41], [0x0B], [0x0C], [0xC2, 0x85],
]

/// A random text of `pieces` torture bits.
func tortureText(seed: UInt64, pieces: Int) -> [UInt8] {
    var random = SplitMix64(state: seed)
    var bytes: [UInt8] = []
    for _ in 0..<pieces {
        bytes += tortureBits[Int(random.next() % UInt64(tortureBits.count))]
    }
    return bytes
}

/// Length of the white-space character at `bytes[i]` as the segmenter trims it, or 0.
func whiteSpaceLength(_ bytes: [UInt8], _ i: Int) -> Int {
    func at(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }
    switch bytes[i] {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
    case 0xC2: return at(i + 1) == 0xA0 || at(i + 1) == 0x85 ? 2 : 0
    case 0xE2:
        if at(i + 1) == 0x80 && ((0x80...0x8B).contains(at(i + 2)) || [0xA8, 0xA9, 0xAF].contains(at(i + 2))) { return 3 }
        return at(i + 1) == 0x81 && at(i + 2) == 0x9F ? 3 : 0
    case 0xE3: return at(i + 1) == 0x80 && at(i + 2) == 0x80 ? 3 : 0
    case 0xEF: return at(i + 1) == 0xBB && at(i + 2) == 0xBF ? 3 : 0
    default: return 0
    }
}

/// Whether `bytes[range]` holds a blank line: a line feed, then only spaces, tabs or carriage
/// returns, then another line feed.
func containsBlankLine(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var sawLineFeed = false
    for b in bytes[range] {
        if b == 0x0A {
            if sawLineFeed { return true }
            sawLineFeed = true
        } else if b != 0x20 && b != 0x09 && b != 0x0D {
            sawLineFeed = false
        }
    }
    return false
}

/// Checks the promises every result keeps: inside the text, in order, not overlapping, never
/// empty, no white space at either end, no blank line inside, and nothing but white space left out.
func checkInvariants(_ bytes: [UInt8], _ ranges: [Range<Int>], sourceLocation: SourceLocation = #_sourceLocation) {
    var previousEnd = 0
    for range in ranges + [bytes.count..<bytes.count] {
        let isSentinel = range.lowerBound == bytes.count && range.isEmpty
        if !isSentinel {
            #expect(range.lowerBound >= previousEnd, "ranges overlap or are out of order", sourceLocation: sourceLocation)
            #expect(range.upperBound <= bytes.count, "range past the end", sourceLocation: sourceLocation)
            #expect(!range.isEmpty, "empty range", sourceLocation: sourceLocation)
            guard range.lowerBound >= previousEnd, range.upperBound <= bytes.count, !range.isEmpty else { return }
            #expect(whiteSpaceLength(bytes, range.lowerBound) == 0, "starts with white space",
                    sourceLocation: sourceLocation)
            let endsInSpace = (1...3).contains { n in
                range.count >= n && whiteSpaceLength(bytes, range.upperBound - n) == n
            }
            #expect(!endsInSpace, "ends with white space", sourceLocation: sourceLocation)
            #expect(!containsBlankLine(bytes, range), "a sentence spans a blank line", sourceLocation: sourceLocation)
        }
        // Between two sentences there is only white space.
        var i = previousEnd
        while i < range.lowerBound {
            let w = whiteSpaceLength(bytes, i)
            if w == 0 {
                Issue.record("text left out between sentences at byte \(i)", sourceLocation: sourceLocation)
                break
            }
            i += w
        }
        previousEnd = range.upperBound
    }
}

@Suite("Sentence segmenter: properties", .serialized)
struct PropertyTests {
    @Test("hand-written cases keep the invariants", arguments: allHardCases)
    func invariantsOnCases(_ hardCase: HardCase) {
        let bytes = Array(hardCase.text.utf8)
        checkInvariants(bytes, SentenceSegmenter().segments(in: bytes))
    }

    @Test("random text with invalid UTF-8 and NULs never crashes and keeps the invariants",
          arguments: 0..<200)
    func randomText(seed: Int) {
        let bytes = tortureText(seed: UInt64(seed) &* 7919, pieces: 5 + seed % 60)
        checkInvariants(bytes, SentenceSegmenter().segments(in: bytes))
    }

    @Test("random bytes of any value never crash", arguments: 0..<100)
    func randomBytes(seed: Int) {
        var random = SplitMix64(state: UInt64(seed) &+ 12345)
        // Bias towards the bytes that steer the segmenter.
        let steering: [UInt8] = [0x2E, 0x3F, 0x21, 0x22, 0x27, 0x20, 0x0A, 0x0D, 0xE2, 0x80, 0xA6, 0x9D, 0xC2, 0xA0, 0x41, 0x61]
        let bytes: [UInt8] = (0..<(1 + seed * 7)).map { _ in
            let r = random.next()
            return r & 1 == 0 ? steering[Int((r >> 8) % UInt64(steering.count))] : UInt8(truncatingIfNeeded: r >> 16)
        }
        checkInvariants(bytes, SentenceSegmenter().segments(in: bytes))
    }

    @Test("a String made from bad bytes (repaired) gives valid substrings")
    func repairedString() {
        let text = String(decoding: [0x41, 0x2E, 0x20, 0xFF, 0x42, 0x2E, 0x00, 0x20, 0x43] as [UInt8], as: UTF8.self)
        let sentences = SentenceSegmenter().sentences(in: text)
        #expect(sentences.joined(separator: " ") == text)
    }

    /// Texts of `size` bytes built to stress one part of the segmenter each.
    static let stressPatterns: [(name: String, piece: String)] = [
        ("ordinary prose", "The firm said profits rose 3.5% to $1.2bn. Mr. Smith, of Acme Inc., agreed. "),
        ("one endless sentence", "and the words go on without end "),
        ("no white space at all", "a.b?c!d\"e'f(g)h"),
        ("only full stops", "."),
        ("only white space", " "),
        ("short lines", "Headline\n"),
        ("abbreviations", "Mr. Dr. U.S. e.g. J. No. Jan. Inc. "),
        ("quotes", "\"Why?\" he asked. \" "),
        ("long hard-wrapped lines", String(repeating: "word ", count: 30) + "\n"),
    ]

    /// `size` bytes (or a little more) of `piece` repeated.
    static func repeated(_ piece: String, size: Int) -> [UInt8] {
        Array(String(repeating: piece, count: size / piece.utf8.count + 1).utf8)
    }

    /// Segments `bytes` and checks the result's invariants.
    static func segmentAndCheck(_ bytes: [UInt8]) -> [Range<Int>] {
        let ranges = SentenceSegmenter().segments(in: bytes)
        checkInvariants(bytes, ranges)
        return ranges
    }

    // Tests check behaviour, not wall-clock time: that segmenting stays linear on these inputs is
    // shown by Benchmarks/compare's segmenter row. Here a quadratic slip would make these inputs
    // run for hours, which CI's time limit catches.
    @Test("stress texts of 1 MB give valid segments", arguments: stressPatterns.map(\.name))
    func stressTexts(pattern: String) {
        let piece = Self.stressPatterns.first { $0.name == pattern }!.piece
        let bytes = Self.repeated(piece, size: 1_000_000)
        let ranges = Self.segmentAndCheck(bytes)
        let hasContent = bytes.contains { $0 != 0x20 && $0 != 0x0A }
        #expect(ranges.isEmpty == !hasContent)
    }

    @Test("a 10 MB text of prose and one endless sentence segments into valid pieces")
    func tenMegabytes() {
        let bytes = Self.repeated(Self.stressPatterns[0].piece + "\n\n" + Self.stressPatterns[1].piece, size: 10 << 20)
        let ranges = Self.segmentAndCheck(bytes)
        #expect(ranges.count > 100_000)
    }
}
