import Foundation
import Testing
import LedeClassifier
import LedeSafetensors
import LedeTestSupport
@testable import LedeSummarizer

/// The learned sentence scorer: features, the model file, and its quality on CNN/DailyMail dev.
@Suite("Learned summarizer: features and model file")
struct LearnedScorerTests {
    static let text = """
        The council approved a new transport budget on Monday. "It is a great day," the mayor said. \
        Buses will get more money than ever, the council said. Is this really enough? Critics of the transport \
        budget said cyclists were ignored again.
        """

    /// The features of `text`'s candidates, by feature name, one array per feature.
    func features(_ text: String, options: SummarizerOptions = SummarizerTrainer.defaultOptions) throws -> [SentenceFeature: [Double]] {
        let summarizer = try Summarizer(options: options)
        let work = SummarizerWorkspace()
        var text = text
        var rows: [Double] = []
        let all = SentenceFeature.allCases
        text.withUTF8 { bytes in
            work.read(bytes, summarizer: summarizer)
            work.score(summarizer: summarizer)
            work.computeFeatures(all, bytes: bytes, summarizer: summarizer, into: &rows)
        }
        let m = rows.count / all.count
        var out: [SentenceFeature: [Double]] = [:]
        for (k, feature) in all.enumerated() { out[feature] = (0..<m).map { rows[$0 * all.count + k] } }
        return out
    }

    @Test("features of a five-sentence text: position, length, quotes, questions, centrality")
    func featureValues() throws {
        let f = try features(Self.text)
        #expect(f[.first] == [1, 0, 0, 0, 0])
        #expect(f[.third] == [0, 0, 1, 0, 0])
        #expect(f[.logPosition]!.enumerated().allSatisfy { abs($1 - log(1 + Double($0))) < 1e-12 })
        #expect(f[.relativePosition] == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(f[.quote] == [0, 1, 0, 0, 0])
        #expect(f[.question] == [0, 0, 0, 1, 0])
        #expect(f[.similarityFirst]![0] == 1)
        // "Is this really enough?" shares no term with any other sentence.
        #expect(f[.centralityEarlier]![3] == 0 && f[.centralityLater]![3] == 0 && f[.maximumSimilarity]![3] == 0)
        // The first sentence has no earlier sentence; the last no later one; budget/council/transport link them.
        #expect(f[.centralityEarlier]![0] == 0 && f[.centralityLater]![4] == 0)
        #expect(f[.centralityLater]![0] > 0 && f[.centralityEarlier]![4] > 0)
        // PageRank × candidates averages 1.
        let pageRank = f[.pageRank]!
        #expect(abs(pageRank.reduce(0, +) / Double(pageRank.count) - 1) < 1e-6)
        #expect(f[.words]![0] == 9.0 / 30)
    }

    @Test("long texts (several graph windows) get the same kinds of features, from the sparse vectors")
    func windowedFeatures() throws {
        var options = SummarizerTrainer.defaultOptions
        options.graphWindow = 3
        let windowed = try features(Self.text + " The budget vote came after months of debate.", options: options)
        let whole = try features(Self.text + " The budget vote came after months of debate.")
        #expect(windowed[.relativePosition] == whole[.relativePosition])
        #expect(windowed.values.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isFinite) })
        // Two windows of three: the third candidate has nothing later in its window; the fifth ("Critics of
        // the transport budget…") only the unrelated question before it, while in one graph it follows the budget news.
        #expect(windowed[.centralityLater]![2] == 0 && windowed[.centralityEarlier]![4] == 0)
        #expect(whole[.centralityEarlier]![4] > 0 && whole[.centralityLater]![2] > 0)
    }

    func scorer(weights: [Double]? = nil) throws -> SentenceScorer {
        let features = SummarizerTrainer.defaultFeatures
        return try SentenceScorer(features: features, mean: features.map { _ in 0.5 }, scale: features.map { _ in 2 },
                                  weights: weights ?? features.indices.map { Double($0) / 10 - 0.3 }, bias: -1.5)
    }

    func model() throws -> SummarizerModel {
        let provenance = SummarizerProvenance(
            data: ["train.jsonl"], dataSHA256: String(repeating: "ab", count: 32), articles: 10, sentences: 200, positives: 20,
            oracleSentences: 2, c: 1, ledeVersion: "test", created: "2026-12-07T00:00:00Z",
            crossValidation: SummarizerCrossValidation(folds: 5, sentences: 3, learned: .init(rouge1: 0.3, rouge2: 0.11, rougeL: 0.2),
                                                       lead: .init(rouge1: 0.28, rouge2: 0.1, rougeL: 0.19), foldRouge1: [0.3, 0.3, 0.3, 0.3, 0.3]))
        return SummarizerModel(scorer: try scorer(), settings: SummarizerModelSettings(SummarizerTrainer.defaultOptions), provenance: provenance)
    }

    func temporaryPath(_ name: String) -> String {
        TestFiles.url("summodel-\(name)").path
    }

    @Test("a model file round-trips: scorer, settings, provenance; and summarizes as the model in memory")
    func roundTrip() throws {
        let path = temporaryPath("round.safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = try model()
        try SummarizerModelFile.save(original, to: path)
        let loaded = try SummarizerModelFile.load(from: path)
        #expect(loaded.scorer == original.scorer)
        #expect(loaded.settings == original.settings)
        #expect(loaded.provenance == original.provenance)
        let a = try original.summarizer().summarize(Self.text), b = try loaded.summarizer().summarize(Self.text)
        #expect(a == b)
        #expect(a.sentences.count == 3)
        #expect(a.sentences.allSatisfy { $0.score > 0 && $0.score < 1 })
    }

    @Test("a corrupt, truncated, foreign or inconsistent file is a clear error, never a crash")
    func corruption() throws {
        let path = temporaryPath("good.safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SummarizerModelFile.save(try model(), to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))

        func load(_ bytes: Data, _ name: String) -> ModelFileError? {
            let p = temporaryPath(name)
            defer { try? FileManager.default.removeItem(atPath: p) }
            try? bytes.write(to: URL(fileURLWithPath: p))
            do { _ = try SummarizerModelFile.load(from: p); return nil } catch { return error }
        }
        #expect(throws: ModelFileError.self) { try SummarizerModelFile.load(from: temporaryPath("missing")) }
        do { _ = try SummarizerModelFile.load(from: temporaryPath("missing")) } catch { #expect(error.code == .notFound) }
        #expect(load(good.prefix(good.count - 9), "truncated")?.code == .unreadable)
        #expect(load(Data("not a model".utf8), "garbage")?.code == .unreadable)
        // Every truncation and every single-byte flip is an error or a valid model, never a trap.
        for cut in stride(from: 0, to: good.count, by: 7) { _ = load(good.prefix(cut), "cut") }
        for i in stride(from: 0, to: good.count, by: 3) {
            var flipped = good
            flipped[i] ^= 0x5A
            _ = load(flipped, "flip")
        }

        func rewritten(_ edit: (inout [String: String]) -> Void, tensors: [String: [Double]]? = nil) throws -> ModelFileError? {
            let m = try model()
            let f = m.scorer.features.count
            var metadata: [String: String] = [
                "format": "lede-summarizer-model", "format_version": "1",
                "features": "[" + m.scorer.features.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]",
                "settings": String(decoding: try JSONEncoder().encode(m.settings), as: UTF8.self),
                "provenance": String(decoding: try JSONEncoder().encode(m.provenance), as: UTF8.self),
            ]
            edit(&metadata)
            var writer = SafetensorsWriter(metadata: metadata)
            let values = tensors ?? ["mean": m.scorer.mean, "scale": m.scorer.scale, "weights": m.scorer.weights, "bias": [m.scorer.bias]]
            for (name, v) in values { try writer.add(name, v, shape: [name == "bias" ? 1 : (v.count == f ? f : v.count)]) }
            return load(Data(try writer.serialized()), "edited")
        }
        #expect(try rewritten { $0["format"] = "lede-topic-model" }?.code == .notALedeModel)
        #expect(try rewritten { $0["format"] = nil }?.code == .notALedeModel)
        #expect(try rewritten { $0["format_version"] = "2" }?.code == .newerFormat)
        #expect(try rewritten { $0["features"] = "[\"first\",\"telepathy\"]" }?.code == .invalidSettings)
        #expect(try rewritten { $0["settings"] = "{\"prior_share\":2}" }?.code == .invalidSettings)
        let m = try model()
        #expect(try rewritten({ _ in }, tensors: ["mean": m.scorer.mean, "scale": m.scorer.scale, "weights": [1, 2], "bias": [0]])?.code == .inconsistent)
        #expect(try rewritten({ _ in }, tensors: ["mean": m.scorer.mean, "scale": m.scorer.scale.map { _ in 0 }, "weights": m.scorer.weights, "bias": [0]])?.code == .inconsistent)
        #expect(try rewritten({ _ in }, tensors: ["mean": m.scorer.mean, "scale": m.scorer.scale, "weights": m.scorer.weights.map { _ in .nan }, "bias": [0]])?.code == .inconsistent)
        #expect(try rewritten({ _ in }, tensors: ["mean": m.scorer.mean, "scale": m.scorer.scale, "weights": m.scorer.weights])?.code == .inconsistent)
        // A valid rewrite loads.
        #expect(try rewritten { _ in } == nil)
    }

    @Test("the oracle picks the sentences that best match the reference, at most `size`")
    func oracle() {
        let sentences = ["The mayor opened a bridge over the river.", "It rained all day.", "Thousands crossed the new bridge on foot."]
        #expect(Oracle.greedy(sentences: sentences, reference: "Mayor opens river bridge; thousands cross it", size: 2) == [0, 2])
        #expect(Oracle.greedy(sentences: sentences, reference: "Mayor opens river bridge", size: 1) == [0])
        #expect(Oracle.greedy(sentences: sentences, reference: "", size: 2) == [])
    }
}

@Suite("Learned summarizer on CNN/DailyMail dev")
struct LearnedQualityTests {
    static let dev = "cnndm-dev/dev.jsonl"

    static func examples() throws -> [SummaryExample] {
        try Datasets.load(dev).map { SummaryExample(text: $0.text, reference: $0.summary) }
    }

    @Test("5-fold CV by article of the training recipe: ROUGE-1 ≥ 0.296, ROUGE-2 ≥ 0.112, above Lead-3",
          .needsDatasets(dev))
    func crossValidation() throws {
        guard SharedDatasets.require(Self.dev) != nil else { return }
        let examples = try Self.examples()
        #expect(examples.count == 1000)
        let cv = try SummarizerTrainer.crossValidate(examples, settings: SummarizerTrainingSettings())
        print(String(format: "CNN/DM dev 5-fold CV: learned %.4f / %.4f / %.4f, Lead-3 %.4f / %.4f / %.4f",
                     cv.learned.rouge1, cv.learned.rouge2, cv.learned.rougeL, cv.lead.rouge1, cv.lead.rouge2, cv.lead.rougeL))
        #expect(cv.learned.rouge1 >= 0.296)
        #expect(cv.learned.rouge2 >= 0.112)
        #expect(cv.learned.rouge1 > cv.lead.rouge1 + 0.005)
        #expect(cv.learned.rouge2 > cv.lead.rouge2)
        #expect(cv.learned.rougeL > cv.lead.rougeL)
    }

    @Test("the shipped model loads and beats Lead-3 on CNN/DailyMail dev (its training data)",
          .needsDatasets(dev))
    func shippedModel() throws {
        guard SharedDatasets.require(Self.dev) != nil else { return }
        let path = Prerequisites.packageRoot.appendingPathComponent("models/cnndm-summarizer.safetensors").path
        let model = try SummarizerModelFile.load(from: path)
        #expect(model.provenance.dataSHA256 == "54a895b52556fee59ef486e4eaecf094c530e6d080c898544079d4d58deefc38")
        let (learned, lead) = SummarizerTrainer.evaluate(try model.summarizer(), try Self.examples())
        print(String(format: "shipped model on CNN/DM dev: %.4f / %.4f, Lead-3 %.4f / %.4f", learned.rouge1, learned.rouge2, lead.rouge1, lead.rouge2))
        #expect(learned.rouge1 > lead.rouge1 + 0.005)
        #expect(learned.rouge2 > lead.rouge2)
    }
}
