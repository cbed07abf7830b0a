import Foundation
import Testing
import LedeTestSupport

/// The multi-label bar on Reuters-21578 train, end to end through the command line with the defaults
/// (run in release: `swift test -c release`): 5-fold cross-validation, `lede train` on four fifths and
/// `lede classify` on the fifth held out, the held-out label sets of all folds scored together.
@Suite("Multi-label quality on Reuters-21578", .serialized)
struct MultiLabelQualityTests {
    // Bar (issue 21): micro-F1 above scikit-learn's OneVsRestClassifier(LogisticRegression) with C chosen
    // by cross-validation and thresholds at 0.5, on the same folds (document i held out in fold i mod 5),
    // same features (TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)). scikit-learn's
    // micro-F1 by C, measured 2026-12-07 with `Benchmarks/.venv/bin/python
    // Benchmarks/peers/multilabel_cv_sklearn.py --data reuters/train.jsonl` (scikit-learn 1.9.1, 34 min):
    // C = 10: 0.8284, 30: 0.8477, 100: 0.8626, 300: 0.8700, 1000: 0.8734 (macro-F1 0.3243), chosen on
    // the folds it is scored on, which can only favour it. It still rises at the grid's largest C, by
    // less each step (+0.0034 from 300 to 1000). Lede's defaults, measured the same day: 0.8975 (folds
    // 0.9071 0.8974 0.8920 0.8982 0.8927, macro-F1 0.408).
    static let peerMicroF1 = 0.8734

    @Test("5-fold cross-validated micro-F1 on Reuters train, defaults, above scikit-learn's", .needsDatasets("reuters/train.jsonl"))
    func reutersCrossValidation() throws {
        guard let path = CommandRunner.dataset("reuters/train.jsonl") else { return }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 7775)
        let truth = try lines.map { try Self.labels(of: $0, key: "labels") }
        let folder = TestFiles.url("reuters-cv")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var predicted = [[String]](repeating: [], count: lines.count)
        for fold in 0..<5 {
            let held = lines.indices.filter { $0 % 5 == fold }
            let train = folder.appendingPathComponent("train-\(fold).jsonl"), test = folder.appendingPathComponent("held-\(fold).jsonl")
            let model = folder.appendingPathComponent("model-\(fold).safetensors").path
            try (lines.indices.filter { $0 % 5 != fold }.map { lines[$0] + "\n" }.joined()).write(to: train, atomically: true, encoding: .utf8)
            try (held.map { lines[$0] + "\n" }.joined()).write(to: test, atomically: true, encoding: .utf8)
            let trained = try CommandRunner.run(["train", "--data", train.path, "-o", model])
            #expect(trained.status == 0, "\(trained.stderr)")
            #expect(trained.stderr.contains("multi-label"), "\(trained.stderr)")
            let classified = try CommandRunner.run(["classify", "--model", model, test.path])
            #expect(classified.status == 0, "\(classified.stderr)")
            let records = classified.stdout.split(separator: "\n").map(String.init)
            try #require(records.count == held.count)
            for (i, record) in zip(held, records) { predicted[i] = try Self.predictedLabels(of: record) }
        }

        var truePositives = 0, predictedCount = 0, trueCount = 0
        for (gold, given) in zip(truth, predicted) {
            truePositives += Set(gold).intersection(given).count
            predictedCount += given.count
            trueCount += gold.count
        }
        let precision = Double(truePositives) / Double(max(predictedCount, 1)), recall = Double(truePositives) / Double(max(trueCount, 1))
        let microF1 = 2 * precision * recall / max(precision + recall, .ulpOfOne)
        print("Reuters train, 5-fold CV micro-F1: \(microF1) (precision \(precision), recall \(recall)); scikit-learn: \(Self.peerMicroF1)")
        #expect(microF1 > Self.peerMicroF1)
        #expect(microF1 >= 0.895, "below what the defaults reached (0.8975)")
    }

    /// The strings of the array `key` in a JSON object line.
    static func labels(of line: String, key: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return try #require(object[key] as? [String], "no \(key) array in \(line.prefix(200))")
    }

    /// The labels a multi-label `classify` record gives (`"labels":[{"label":…,"probability":…}, …]`).
    static func predictedLabels(of line: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let given = try #require(object["labels"] as? [[String: Any]], "no labels in \(line.prefix(200))")
        return given.compactMap { $0["label"] as? String }
    }
}
