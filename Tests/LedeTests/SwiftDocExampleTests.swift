import Foundation
import Testing
import Lede
import LedeTestSupport

/// The example of docs/swift.md ("Using Lede from Swift"): it is `SwiftDocExample.swift` word for word, and it runs.
@Suite("the Swift example of docs/swift.md")
struct SwiftDocExampleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("docs/swift.md shows SwiftDocExample.swift exactly")
    func pageShowsTheTestedCode() throws {
        let page = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/swift.md"), encoding: .utf8)
        let example = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/LedeTests/SwiftDocExample.swift"), encoding: .utf8)
        let section = try #require(page.range(of: "## An example"), "docs/swift.md has no \"An example\" section")
        let blockStart = try #require(page.range(of: "```swift\nimport Lede\n", range: section.upperBound..<page.endIndex))
        let blockEnd = try #require(page.range(of: "```\n", range: blockStart.upperBound..<page.endIndex))
        let shown = "import Lede\n" + page[blockStart.upperBound..<blockEnd.lowerBound]
        #expect(shown == example)
    }

    @Test("the example labels a business story with the shipped model and summarizes it in three sentences")
    func exampleRuns() throws {
        let model = Self.packageRoot.appendingPathComponent("models/bbc-topics.safetensors").path
        let text = """
            Shares in three of the country's largest banks fell sharply on Monday after they warned that \
            profits would be lower than expected. Investors sold bank stocks across the market. The banks \
            blamed rising bad debts and weaker lending. Analysts said the warnings could hold back the \
            wider stock market for months.
            """
        let (prediction, summary) = try topicAndSummary(title: "Bank shares slide on profit warning", text: text, modelPath: model)
        #expect(prediction.label == "business")
        #expect(prediction.top.count == 2 && prediction.top[0].label == "business")
        #expect(prediction.confidence > 0.5)
        #expect(summary.sentences.count == 3 && summary.sentenceCount == 4)
        let bytes = Array(text.utf8)
        for sentence in summary.sentences {
            #expect(String(decoding: bytes[sentence.range], as: UTF8.self) == sentence.text)
        }
    }

    @Test("the training example writes a model that loads and labels its own training articles")
    func trainingExampleRuns() throws {
        let data = Self.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let output = TestFiles.url("swift-doc.safetensors").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try trainTopicModel(dataPath: data, modelPath: output)
        let model = try ModelFile.load(from: output)
        #expect(model.titleWeight == TopicModelDefaults.titleWeight && model.provenance.c == TopicModelDefaults.c)
        let corpus = try LabeledCorpus(paths: [data], fields: RecordFields())
        #expect(model.provenance.documentCount == corpus.count && model.provenance.trainingDataSHA256 == corpus.sha256)
        let predicted = model.predict(titles: corpus.titles, texts: corpus.texts).map(\.label)
        #expect(predicted == corpus.labels.map { Optional($0) })
    }
}
