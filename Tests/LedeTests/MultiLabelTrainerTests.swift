import Foundation
import Testing
import Lede
import LedeTestSupport

/// `TopicModelTrainer` on label sets: a multi-label model with thresholds, as `lede train` makes it.
@Suite("TopicModelTrainer: multi-label")
struct MultiLabelTrainerTests {
    /// Short stories on grain, shipping and money, some on two of them, some on none.
    static let corpus: LabeledCorpus = {
        let words = ["grain": "wheat corn harvest farmers crop barley", "ship": "port vessel cargo freight tanker harbour",
                     "money": "bank rates currency dollar interest yen"]
        var texts: [String] = [], sets: [[String]] = []
        for i in 0..<36 {
            let topics = ["grain", "money", "ship"]
            var set = [topics[i % 3]]
            if i % 4 == 0 { set.append(topics[(i + 1) % 3]) }
            if i % 9 == 4 { set = [] }
            let pool = set.isEmpty ? ["museum garden parade concert painting festival"] : set.map { words[$0]! }
            texts.append(pool.map { p in
                let w = p.split(separator: " ")
                return (0..<5).map { String(w[(i + $0 * 2) % w.count]) }.joined(separator: " ")
            }.joined(separator: ". "))
            sets.append(set.sorted())
        }
        return LabeledCorpus(texts: texts, labelSets: sets)
    }()

    static let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...1, stopWords: .english), options: TfidfOptions())

    @Test("label sets train a multi-label model: thresholds from the cross-validation, provenance, events")
    func trains() throws {
        let events = Locked<[String]>([])
        let model = try TopicModelTrainer(vectorizer: Self.vectorizer, titleWeight: 1)
            .train(Self.corpus, dataNames: ["memory"], fields: RecordFields()) { event in
                let name = String(describing: event).prefix { $0 != "(" }
                if name != "iteration" && name != "crossValidationProgress" { events.update { $0.append(String(name)) } }
            }
        #expect(events.get() == ["multiLabel", "crossValidationStarted", "multiLabel", "vectorized", "trained", "multiLabel"])
        #expect(model.isMultiLabel && model.labels == ["grain", "money", "ship"])
        #expect(model.provenance.c == MultiLabelDefaults.c && model.temperature == 1)
        #expect(model.thresholds?.count == 3 && model.provenance.multiLabel?.folds == 3)
        #expect(model.provenance.multiLabel?.documentsWithoutLabels == 4 && model.provenance.fields["labels"] == "labels")
        #expect(model.provenance.scores["cv_micro_f1"] != nil)
        let predictions = model.predict(titles: Array(repeating: "", count: 36), texts: Self.corpus.texts)
        let right = zip(predictions, Self.corpus.labelSets).filter { $0.labels.map(\.label).sorted() == $1 }.count
        #expect(right >= 33, "\(right) of 36 label sets right")
    }

    @Test("C by cross-validation on label sets is scored by micro-F1, and the model's report says so")
    func chosenCReport() throws {
        let model = try TopicModelTrainer(vectorizer: Self.vectorizer, cSearch: .crossValidated(grid: [1, 10]), titleWeight: 1)
            .train(Self.corpus, dataNames: ["memory"], fields: RecordFields())
        let search = try #require(model.provenance.cSearch)
        #expect(search.rows.map(\.c) == [1, 10] && [1, 10].contains(search.chosenC))
        let table = try #require(ModelReport(model: model, modelName: "m", termCount: 3, date: nil).tables.first { $0.caption.hasPrefix("C by") })
        #expect(table.caption.contains("mean micro-F1") && !table.caption.contains("accuracy"), "\(table.caption)")
        #expect(table.columns[1] == "mean micro-F1")
    }

    @Test("without calibration every threshold is 0.5; --multi-label trains one-label data one-vs-rest; class weights are refused")
    func settings() throws {
        var trainer = TopicModelTrainer(vectorizer: Self.vectorizer, calibration: .off, titleWeight: 1)
        let plain = try trainer.train(Self.corpus, dataNames: [], fields: RecordFields())
        #expect(plain.thresholds == [0.5, 0.5, 0.5] && plain.provenance.multiLabel?.thresholdRule == nil)
        trainer.multiLabel = true
        trainer.multiLabelC = 3
        let single = LabeledCorpus(texts: Self.corpus.texts, labels: Self.corpus.labelSets.map { $0.first ?? "none" })
        let forced = try trainer.train(single, dataNames: [], fields: RecordFields())
        #expect(forced.isMultiLabel && forced.labels == ["grain", "money", "none", "ship"] && forced.provenance.c == 3)
        trainer.options.classWeight = .balanced
        #expect(throws: TopicModelTrainingError.self) { try trainer.train(Self.corpus, dataNames: [], fields: RecordFields()) }
    }
}
