import Foundation
import LedeTestSupport
import Testing

/// The extraction measure itself, checked against the benchmark's figure for keeping every line.
@Suite struct ShingleF1Tests {
    @Test func tokensAreUnicodeWordRuns() {
        #expect(ShingleF1.tokens("Hello, wörld_1 — 2026! 東京") == ["Hello", "wörld_1", "2026", "東京"])
    }

    @Test func identicalTextsScoreOneAndDisjointZero() {
        #expect(ShingleF1.pageScores(truth: "a b c d e", predicted: "a b c d e") == (1, 1))
        #expect(ShingleF1.pageScores(truth: "a b c d e", predicted: "v w x y z") == (0, 0))
    }

    @Test(.needsDatasets("pages/dev.jsonl"))
    func wholePageTextScoresAsTheBenchmarkSays() throws {
        guard let url = SharedDatasets.require("pages/dev.jsonl") else { return }
        struct Page: Decodable { var article: String; var page_text: String }
        var score = ShingleF1()
        for page in try SharedDatasets.decodeJSONLines(Data(contentsOf: url), as: Page.self) {
            score.add(truth: page.article, predicted: page.page_text)
        }
        #expect(score.count == 90)
        #expect(abs(score.precision - 0.5152) < 0.0005)
        #expect(abs(score.recall - 0.9945) < 0.0005)
        #expect(abs(score.f1 - 0.6787) < 0.0005)
    }
}
