import Foundation
import Testing
import LedeSentences
import LedeTestSupport

/// The BBC articles with reference extractive summaries, read from `../shared/datasets/bbc`
/// (found through LedeTestSupport's `SharedDatasets`).
enum BBCReferences {
    struct Article: Decodable {
        let id: String
        let text: String
        let summary: String
    }

    static let files = ["bbc/train.jsonl", "bbc/test.jsonl"]

    static func load() throws -> [Article] {
        try files.flatMap { try SharedDatasets.decodeJSONLines(Data(contentsOf: SharedDatasets.url($0)), as: Article.self) }
    }
}

/// Whether `summary` is a concatenation of whole `segments`, each used at most once, in any
/// order (white space already removed from all of them). Depth-first search: at each position,
/// try every unused segment that is a prefix of the rest; a step budget bounds the search.
/// Returns the answer and the furthest position reached, for the failure report.
func isConcatenation(of segments: [[UInt8]], summary: [UInt8]) -> (matched: Bool, reached: Int) {
    // Index segments by their first byte, to try only those that can match.
    var byFirstByte = [[Int]](repeating: [], count: 256)
    for (index, segment) in segments.enumerated() where !segment.isEmpty {
        byFirstByte[Int(segment[0])].append(index)
    }
    var used = [Bool](repeating: false, count: segments.count)
    var reached = 0
    var steps = 0
    func search(from position: Int) -> Bool {
        reached = max(reached, position)
        if position == summary.count { return true }
        steps += 1
        if steps > 200_000 { return false }
        for index in byFirstByte[Int(summary[position])] where !used[index] {
            let segment = segments[index]
            guard position + segment.count <= summary.count,
                  summary[position..<position + segment.count].elementsEqual(segment) else { continue }
            used[index] = true
            if search(from: position + segment.count) { return true }
            used[index] = false
        }
        return false
    }
    return (search(from: 0), reached)
}

@Suite("Sentence segmenter: BBC reference summaries")
struct BBCReferenceTests {
    @Test("every reference summary is a concatenation of whole segments in at least 99% of articles",
          .needsDatasets(BBCReferences.files))
    func referencesRebuiltFromWholeSegments() throws {
        guard BBCReferences.files.allSatisfy({ SharedDatasets.require($0) != nil }) else { return }
        let articles = try BBCReferences.load()
        #expect(articles.count == 2092, "expected 1674 train + 418 test articles")
        let segmenter = SentenceSegmenter()
        var failures: [String] = []
        for article in articles {
            let text = Array(article.text.utf8)
            let segments = segmenter.segments(in: text).map { withoutWhiteSpace(text, $0) }
            let summaryBytes = Array(article.summary.utf8)
            let summary = withoutWhiteSpace(summaryBytes, 0..<summaryBytes.count)
            let result = isConcatenation(of: segments, summary: summary)
            if !result.matched {
                let rest = Array(summary[result.reached...])
                // The segment that agrees longest with the rest of the summary, to show the cut.
                var closest = (length: 0, segment: [UInt8]())
                for segment in segments {
                    let common = zip(segment, rest).prefix { $0 == $1 }.count
                    if common > closest.length { closest = (common, segment) }
                }
                var report = "\(article.id): summary goes on \"\(String(decoding: rest.prefix(90), as: UTF8.self))…\""
                if closest.length >= 10 {
                    let shown = closest.segment.prefix(closest.length + 30)
                    report += "\n      closest segment \"\(String(decoding: shown, as: UTF8.self))…\" parts after \(closest.length) bytes"
                }
                failures.append(report)
            }
        }
        let rate = Double(articles.count - failures.count) / Double(max(1, articles.count))
        print("BBC references rebuilt from whole segments: \(articles.count - failures.count)/\(articles.count) "
              + "= \(String(format: "%.2f", rate * 100))%; failures (summary text without spaces):")
        for failure in failures { print("  " + failure) }
        #expect(rate >= 0.99, "only \(articles.count - failures.count) of \(articles.count) references rebuilt")
    }

    @Test("the matcher accepts reordered whole segments and rejects partial ones")
    func matcherSelfCheck() {
        let segments = [Array("Ab.".utf8), Array("Cd.".utf8), Array("Ef.".utf8)]
        #expect(isConcatenation(of: segments, summary: Array("Ef.Ab.".utf8)).matched)
        #expect(isConcatenation(of: segments, summary: Array("Cd.Ab.Ef.".utf8)).matched)
        #expect(!isConcatenation(of: segments, summary: Array("Ab.C".utf8)).matched)
        #expect(!isConcatenation(of: segments, summary: Array("Ab.Ab.".utf8)).matched)
        #expect(withoutWhiteSpace(Array("a b\n\u{00A0}c".utf8), 0..<7) == Array("abc".utf8))
    }
}
