import Foundation
import LedeExtract
import LedeTestSupport
import Testing

/// The extractor on the pages dev set, by the benchmark's shingle F1: trafilatura 2.3.1 scores 0.955 there
/// (P 0.938, R 0.973), readability-lxml 0.953; the extractor must do at least as well.
@Suite struct HTMLExtractionQualityTests {
    @Test(.needsDatasets("pages/dev.jsonl"))
    func shingleF1OnDevPagesMatchesTrafilatura() throws {
        guard let url = SharedDatasets.require("pages/dev.jsonl") else { return }
        struct Page: Decodable { var html: String; var article: String }
        let pages = try SharedDatasets.decodeJSONLines(Data(contentsOf: url), as: Page.self)
        let extractor = HTMLExtractor()
        var score = ShingleF1()
        let start = Date()
        for page in pages { score.add(truth: page.article, predicted: extractor.extract(Array(page.html.utf8)).text) }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "HTML extraction on pages dev: F1 %.4f (P %.4f, R %.4f), %d pages, %.0f pages/s",
                     score.f1, score.precision, score.recall, score.count, Double(score.count) / seconds))
        #expect(score.count == 90)
        #expect(score.f1 >= 0.955)
        #expect(score.precision >= 0.93)
        #expect(score.recall >= 0.93)
    }
}
