import Foundation
import Synchronization
import Testing
import Lede

/// `TopicModelTrainer`: `lede train` as one library call.
@Suite("TopicModelTrainer")
struct TopicModelTrainerTests {
    /// Four short articles on each of three topics.
    static let corpus: LabeledCorpus = {
        let topics = [
            "sport": ["The striker scored twice in the cup final", "The home side won the league after a late goal",
                      "The coach praised the defence after the match", "Fans cheered as the team lifted the trophy"],
            "business": ["Shares fell as the bank warned on profits", "The firm raised prices after costs rose",
                         "Investors sold stocks as markets slid", "The company reported higher quarterly profits"],
            "tech": ["The new phone has a faster chip and a bigger screen", "Engineers released an update for the software",
                     "The laptop maker showed a lighter computer", "Hackers broke into the network of the website"],
        ]
        var texts: [String] = [], labels: [String] = []
        for (label, articles) in topics.sorted(by: { $0.key < $1.key }) {
            for article in articles {
                texts.append(article)
                labels.append(label)
            }
        }
        return LabeledCorpus(texts: texts, labels: labels)
    }()

    static let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2, stopWords: .english),
                                            options: TfidfOptions(sublinearTF: true))

    /// The events of one training, in order.
    final class EventLog: Sendable {
        let events = Mutex<[TopicModelTrainer.Event]>([])
        func add(_ event: TopicModelTrainer.Event) { events.withLock { $0.append(event) } }
        var names: [String] { events.withLock { $0.map { String(describing: $0).prefix { $0 != "(" } }.map(String.init) } }
    }

    @Test("defaults: a cross-validation at the given C for calibration, then the model, which labels its training articles right")
    func trainsWithCalibration() throws {
        let log = EventLog()
        let model = try TopicModelTrainer(vectorizer: Self.vectorizer, titleWeight: 1)
            .train(Self.corpus, dataNames: ["memory"], fields: RecordFields(), events: log.add)
        let names = log.names.filter { $0 != "iteration" && $0 != "crossValidationProgress" }
        #expect(names == ["crossValidationStarted", "crossValidated", "vectorized", "trained", "calibrated"])
        #expect(model.labels == ["business", "sport", "tech"])
        #expect(model.temperature != 1)
        #expect(model.provenance.c == TopicModelDefaults.c && model.provenance.cSearch == nil)
        #expect(model.provenance.documentCount == 12 && model.provenance.trainingData == ["memory"])
        #expect(model.provenance.trainingDataSHA256 == Self.corpus.sha256 && Self.corpus.sha256.count == 64)
        #expect(model.provenance.scores["cv_accuracy"] != nil && model.provenance.scores["cv_ece"] != nil)
        let predictions = model.predict(titles: Array(repeating: "", count: 12), texts: Self.corpus.texts)
        #expect(predictions.map(\.label) == Self.corpus.labels.map { Optional($0) })
    }

    @Test("C by cross-validation picks from the grid and records the search; without calibration the temperature stays 1")
    func chooseC() throws {
        let model = try TopicModelTrainer(vectorizer: Self.vectorizer, cSearch: .crossValidated(grid: [0.1, 10]), calibration: .off)
            .train(Self.corpus, dataNames: [], fields: RecordFields())
        let search = try #require(model.provenance.cSearch)
        #expect(search.rows.map(\.c) == [0.1, 10] && [0.1, 10].contains(model.provenance.c) && search.chosenC == model.provenance.c)
        #expect(model.temperature == 1)
    }

    @Test("too little data: calibration is skipped when merely possible, an error when required or when C is to be chosen; settings out of range are errors")
    func tooLittleData() throws {
        let small = LabeledCorpus(texts: ["goal scored", "match won", "shares fell"], labels: ["sport", "sport", "business"])
        let log = EventLog()
        let model = try TopicModelTrainer(vectorizer: Self.vectorizer, folds: 2)
            .train(small, dataNames: [], fields: RecordFields(), events: log.add)
        #expect(log.names.first == "calibrationSkipped" && model.temperature == 1)
        for trainer in [TopicModelTrainer(vectorizer: Self.vectorizer, folds: 2, calibration: .required),
                        TopicModelTrainer(vectorizer: Self.vectorizer, cSearch: .crossValidated(grid: [1, 10]), folds: 2)] {
            #expect(throws: TopicModelTrainingError.self) { try trainer.train(small, dataNames: [], fields: RecordFields()) }
        }
        for trainer in [TopicModelTrainer(cSearch: .crossValidated(grid: [])), TopicModelTrainer(options: LogisticRegressionOptions(c: -1)), TopicModelTrainer(folds: 1),
                        TopicModelTrainer(titleWeight: 0), TopicModelTrainer(titleWeight: ModelFile.maximumTitleWeight + 1),
                        TopicModelTrainer(options: LogisticRegressionOptions(tolerance: .nan))] {
            do {
                _ = try trainer.train(Self.corpus, dataNames: [], fields: RecordFields())
                Issue.record("trained with \(trainer.cSearch), C \(trainer.options.c), \(trainer.folds) folds, title weight \(trainer.titleWeight)")
            } catch {
                guard case .invalidSetting = error else { Issue.record("\(error)"); continue }
            }
        }
        do {
            _ = try TopicModelTrainer(vectorizer: Self.vectorizer).train(
                LabeledCorpus(texts: ["a b", "c d"], labels: ["x", "x"]), dataNames: [], fields: RecordFields())
            Issue.record("one label trained")
        } catch {
            #expect(error.description == "training needs at least two labels, found [\"x\"]")
        }
    }
}

/// Sample weights: a per-document weight on the log-loss (`lede train --source-weight`).
@Suite("TopicModelTrainer sample weights")
struct TopicModelTrainerWeightTests {
    @Test("the heavier of two sources that disagree wins; weights of the wrong count are refused")
    func weights() throws {
        // The same articles labelled one way by source A and the other way by source B.
        let texts = TopicModelTrainerTests.corpus.texts
        let a = TopicModelTrainerTests.corpus.labels, b = a.map { $0 == "sport" ? "business" : $0 == "business" ? "sport" : $0 }
        let corpus = LabeledCorpus(texts: texts + texts, labels: a + b)
        func label(weightA: Float, weightB: Float) throws -> String? {
            let weights = Array(repeating: weightA, count: texts.count) + Array(repeating: weightB, count: texts.count)
            let model = try TopicModelTrainer(vectorizer: TopicModelTrainerTests.vectorizer, calibration: .off, titleWeight: 1)
                .train(corpus, dataNames: ["a", "b"], fields: RecordFields(), sampleWeights: weights)
            return model.predict(titles: [""], texts: ["The striker scored twice in the cup final"]).first?.label
        }
        #expect(try label(weightA: 4, weightB: 1) == "sport")
        #expect(try label(weightA: 1, weightB: 4) == "business")
        #expect(throws: TopicModelTrainingError.self) {
            try TopicModelTrainer(calibration: .off).train(corpus, dataNames: [], fields: RecordFields(), sampleWeights: [1, 2])
        }
    }
}
