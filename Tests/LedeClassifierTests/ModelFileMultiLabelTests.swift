import Foundation
import Testing
import LedeClassifier
import LedeFeatures
import LedeSafetensors

/// A small multi-label model trained in memory.
func smallMultiLabelModel() throws -> TopicModel {
    let texts = ["wheat and corn prices", "wheat shipped by sea", "ships in port", "corn harvest", "bank profits rose", "shares in the bank"]
    let sets: [[Int32]] = [[0, 1], [2, 3], [2], [0], [4], [4]]
    let names = ["corn", "ship", "wheat", "port", "finance"].sorted()
    // Indices above are into this sorted order: corn 0, finance 1, port 2, ship 3, wheat 4; remap them.
    let order = ["corn", "ship", "wheat", "port", "finance"]
    let remapped = sets.map { $0.map { Int32(names.firstIndex(of: order[Int($0)])!) } }
    let fit = try TfidfVectorizer(analyzer: .scikitLearn(), options: TfidfOptions()).fitTransform(documents: texts)
    let (classifier, report) = OneVsRestRegression.train(matrix: fit.matrix, labelSets: LabelSets(remapped), labelNames: names,
                                                         options: LogisticRegressionOptions(c: 10, threads: 1))
    var provenance = ModelProvenance(ledeVersion: "test", createdAt: "now", trainingData: ["memory"], trainingDataSHA256: "",
                                     documentCount: texts.count, fields: [:], options: LogisticRegressionOptions(c: 10), report: report)
    provenance.multiLabel = MultiLabelProvenance(positives: ["corn": 2], documentsWithoutLabels: 0, rareLabels: ["port"],
                                                 thresholdRule: ThresholdRule(), folds: 3, globalThreshold: 0.31)
    return TopicModel(tfidf: fit.model, classifier: classifier, provenance: provenance,
                      kind: .multiLabel(thresholds: [0.3, 0.4, 0.5, 0.45, 0.35]))
}

@Suite("Model file: multi-label models")
struct ModelFileMultiLabelTests {
    @Test("a multi-label model is written as format 3 and loads with its kind, thresholds and provenance")
    func roundTrip() throws {
        let model = try smallMultiLabelModel()
        let path = temporaryPath("multi-label")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(model, to: path)
        let file = try SafetensorsFile(path: path)
        #expect(file.metadata["format_version"] == "3" && file.metadata["kind"] == "multi-label")
        #expect(try file.shape(of: "thresholds") == [5])
        let loaded = try ModelFile.load(from: path)
        #expect(loaded.kind == model.kind && loaded.isMultiLabel)
        #expect(loaded.classifier.parameters == model.classifier.parameters)
        #expect(loaded.provenance.multiLabel == model.provenance.multiLabel)
        // Each label's own probability: rows need not sum to 1.
        let probabilities = loaded.probabilities(of: ["wheat and corn"])
        #expect(probabilities == model.probabilities(of: ["wheat and corn"]))
        #expect(probabilities.allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test("a single-label model is still written as format 2, without kind or thresholds")
    func singleLabelStaysFormatTwo() throws {
        let model = try ModelFile.load(from: formatTwoFixture)
        let path = temporaryPath("single")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(model, to: path)
        let file = try SafetensorsFile(path: path)
        #expect(file.metadata["format_version"] == "2" && file.metadata["kind"] == nil && !file.names.contains("thresholds"))
        #expect(try ModelFile.load(from: path).kind == .singleLabel)
    }

    @Test("predictions: labels at or above their thresholds, most probable first; a threshold for all; at least one")
    func predictions() throws {
        let model = try smallMultiLabelModel()
        let p = model.probabilities(of: ["wheat and corn prices"])
        let predicted = model.predict(titles: [""], texts: ["wheat and corn prices"], topK: 2)[0]
        let expected = (0..<5).filter { p[$0] >= model.thresholds![$0] }.sorted { p[$0] > p[$1] }
        #expect(predicted.labelIndices == expected && predicted.labels.map(\.label) == expected.map { model.labels[$0] })
        #expect(predicted.label == expected.first.map { model.labels[$0] })
        #expect(predicted.top.count == 2 && predicted.top[0].probability == p.max())
        let none = model.predict(titles: [""], texts: ["wheat and corn prices"], threshold: 0.999)[0]
        #expect(none.labels.isEmpty && none.label == nil)
        let one = model.predict(titles: [""], texts: ["wheat and corn prices"], threshold: 0.999, atLeastOne: true)[0]
        #expect(one.labelIndices == [argmax(p[0..<5])])
        let all = model.predict(titles: [""], texts: ["wheat and corn prices"], threshold: 0)[0]
        #expect(all.labels.count == 5 && zip(all.labels, all.labels.dropFirst()).allSatisfy { $0.probability >= $1.probability })
    }

    @Test("an explanation per label given adds up to that label's score")
    func explanations() throws {
        let model = try smallMultiLabelModel()
        let matrix = model.tfidf.transform(documents: ["wheat shipped in port"])
        let explained = model.explain(matrix, count: 2) { _ in [0, 3] }[0]
        let scores = model.classifier.scores(matrix)
        #expect(explained.map(\.label) == [0, 3])
        for e in explained {
            #expect(abs(e.intercept + e.terms.map(\.contribution).reduce(0, +) + e.rest - scores[e.label]) < 1e-5)
        }
    }

    @Test("broken multi-label files are refused with one clear error", arguments: [
        ("kind", "softmax"), ("thresholds-range", ""), ("thresholds-shape", ""), ("temperature", "0.5"),
    ])
    func broken(what: String, value: String) throws {
        let source = temporaryPath("ml-source"), path = temporaryPath("ml-broken")
        defer { for p in [source, path] { try? FileManager.default.removeItem(atPath: p) } }
        try ModelFile.save(try smallMultiLabelModel(), to: source)
        try rewrite(source, to: path, metadata: { meta in
            if what == "kind" { meta["kind"] = value }
            if what == "temperature" { meta["temperature"] = value }
        }, tensors: { name, values in
            guard name == "thresholds" else { return }
            if what == "thresholds-range" { values[1] = 1 }
            if what == "thresholds-shape" { values.removeLast() }
        })
        #expect { try ModelFile.load(from: path) } throws: { error in
            guard let error = error as? ModelFileError else { return false }
            return [.invalidSettings, .inconsistent].contains(error.code) && error.description.hasPrefix(path)
        }
    }
}
