import Foundation
import Testing
import LedeClassifier
import LedeFeatures

@Suite("Calibration")
struct CalibrationTests {
    @Test("ECE over 15 equal bins, (lower, upper] edges, by hand")
    func eceByHand() {
        // Bin 14 (0.933…1]: confidences 1.0 and 0.95, one right → |0.5 − 0.975| · 2/4.
        // Bin 7 (0.467…0.533]: 0.5 twice, both right → |1 − 0.5| · 2/4. 1/15 exactly goes to bin 0.
        let (ece, bins) = Calibration.reliability(confidences: [1.0, 0.95, 0.5, 0.5], correct: [true, false, true, true])
        #expect(abs(ece - (0.475 * 0.5 + 0.5 * 0.5)) < 1e-12)
        #expect(bins.count == 15 && bins[14].count == 2 && bins[7].count == 2)
        #expect(abs(bins[14].meanConfidence - 0.975) < 1e-12 && bins[14].accuracy == 0.5)
        #expect(Calibration.reliability(confidences: [1.0 / 15], correct: [true]).bins[0].count == 1)
    }

    @Test("ECE from probability rows, unknown labels counted wrong")
    func eceFromRows() {
        let probabilities: [Float] = [0.9, 0.1, 0.2, 0.8, 0.6, 0.4]
        let (ece, bins) = Calibration.reliability(probabilities: probabilities, truth: [0, 0, -1])
        #expect(bins.map(\.count).reduce(0, +) == 3)
        // 0.9 right, 0.8 wrong, 0.6 wrong: bins 13, 11, 8.
        #expect(abs(ece - (abs(1 - 0.9) + 0.8 + 0.6) / 3) < 1e-6)
    }

    @Test("the fitted temperature minimizes held-out log-loss and recovers a planted one")
    func temperatureFit() {
        // Logits whose labels are drawn from softmax(logits / 2): the best temperature is near 2.
        var generator = SplitMix64(seed: 7)
        let n = 4000, k = 4
        var scores = [Float](), labels = [Int32]()
        for _ in 0..<n {
            let row = (0..<k).map { _ in Float.random(in: -6...6, using: &generator) }
            let p = TemperatureScaling.probabilities(scores: row, classCount: k, temperature: 2)
            var u = Float.random(in: 0..<1, using: &generator), label = k - 1
            for j in 0..<k { u -= p[j]; if u < 0 { label = j; break } }
            scores += row
            labels.append(Int32(label))
        }
        let t = TemperatureScaling.fit(scores: scores, labels: labels)
        #expect(abs(t - 2) < 0.2, "fitted \(t)")
        let best = TemperatureScaling.logLoss(scores: scores, labels: labels, temperature: t)
        #expect(best <= TemperatureScaling.logLoss(scores: scores, labels: labels, temperature: t * 1.05))
        #expect(best <= TemperatureScaling.logLoss(scores: scores, labels: labels, temperature: t / 1.05))
        #expect(best < TemperatureScaling.logLoss(scores: scores, labels: labels, temperature: 1))
    }

    @Test("temperature keeps the top label and rows summing to 1")
    func temperatureProbabilities() {
        let scores: [Float] = [2, 1, 0, -1, 3, 0.5]
        for t in [0.5, 1, 3] {
            let p = TemperatureScaling.probabilities(scores: scores, classCount: 3, temperature: t)
            #expect(abs(p[0..<3].reduce(0, +) - 1) < 1e-6 && abs(p[3..<6].reduce(0, +) - 1) < 1e-6)
            #expect(p[0] > p[1] && p[4] > p[5] && p[5] > p[3])
        }
    }
}

@Suite("Grid search over C")
struct GridSearchTests {
    /// A small two-topic corpus with some noise words.
    func corpus() -> (texts: [String], labels: [Int32]) {
        var generator = SplitMix64(seed: 3)
        let sport = ["goal", "match", "striker", "league", "coach", "cup"], money = ["shares", "bank", "profit", "market", "stock", "bond"]
        let noise = ["today", "people", "said", "new", "year", "report", "week"]
        var texts = [String](), labels = [Int32]()
        for i in 0..<90 {
            let label = Int32(i % 2)
            let words = (0..<12).map { _ in
                Int.random(in: 0..<10, using: &generator) < 4 ? (label == 0 ? sport : money).randomElement(using: &generator)!
                                                              : noise.randomElement(using: &generator)! }
            texts.append(words.joined(separator: " "))
            labels.append(label)
        }
        return (texts, labels)
    }

    @Test("the table covers the grid in increasing C, chooses the best mean, and scores every document out of fold")
    func table() throws {
        let (texts, labels) = corpus()
        let run = try CrossValidation.gridSearch(
            texts: texts, labels: labels, labelNames: ["sport", "money"], vectorizer: TfidfVectorizer(),
            grid: [10, 0.01, 1], folds: 3, options: LogisticRegressionOptions(threads: 2))
        #expect(run.result.rows.map(\.c) == [0.01, 1, 10])
        #expect(run.result.rows.allSatisfy { $0.foldAccuracies.count == 3 })
        let best = run.result.rows.map(\.meanAccuracy).max()!
        #expect(run.result.rows.first { $0.meanAccuracy == best }!.c == run.result.chosenC)
        #expect(run.outOfFoldScores.count == 3 && run.outOfFoldScores.allSatisfy { $0.count == texts.count * 2 })
        // The out-of-fold accuracy at each C is the folds' accuracy, pooled.
        for (row, scores) in zip(run.result.rows, run.outOfFoldScores) {
            let correct = labels.indices.filter { i in (scores[2 * i] >= scores[2 * i + 1] ? 0 : 1) == labels[i] }.count
            #expect(abs(Double(correct) / Double(texts.count) - row.meanAccuracy) < 0.02)
        }
        // The same search again (other thread counts) gives the same table.
        let again = try CrossValidation.gridSearch(
            texts: texts, labels: labels, labelNames: ["sport", "money"], vectorizer: TfidfVectorizer(),
            grid: [0.01, 1, 10], folds: 3, options: LogisticRegressionOptions(threads: 1))
        #expect(again.result == run.result)
    }

    @Test("a warm start from a smaller C's solution reaches the larger C's objective")
    func warmStart() throws {
        let (texts, labels) = corpus()
        let fit = try TfidfVectorizer().fitTransform(documents: texts)
        let small = LogisticRegression.train(matrix: fit.matrix, labels: labels, labelNames: ["a", "b"],
                                             options: LogisticRegressionOptions(c: 10, tolerance: 1e-6))
        let cold = LogisticRegression.train(matrix: fit.matrix, labels: labels, labelNames: ["a", "b"],
                                            options: LogisticRegressionOptions(c: 100, tolerance: 1e-6))
        let warm = LogisticRegression.train(matrix: fit.matrix, labels: labels, labelNames: ["a", "b"],
                                            options: LogisticRegressionOptions(c: 100, tolerance: 1e-6), initial: small.model.parameters)
        #expect(warm.report.iterations > 0, "a warm start must not stop before iterating")
        #expect(abs(warm.report.objective - cold.report.objective) <= 1e-3 * cold.report.objective)
    }
}
