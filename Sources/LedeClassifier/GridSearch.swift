import Foundation
import LedeFeatures
import LedeParallel

/// One value of C in a cross-validated search: its accuracy on each held-out fold.
public struct GridSearchRow: Codable, Sendable, Equatable {
    public var c: Double
    /// Accuracy on fold f's held-out part when the other folds train, for each fold f.
    public var foldAccuracies: [Double]
    /// Mean of the fold accuracies.
    public var meanAccuracy: Double
    /// Their standard deviation (population, as scikit-learn's `std_test_score`).
    public var std: Double

    public init(c: Double, foldAccuracies: [Double]) {
        self.c = c
        self.foldAccuracies = foldAccuracies
        let n = Double(max(1, foldAccuracies.count))
        meanAccuracy = foldAccuracies.reduce(0, +) / n
        let mean = meanAccuracy
        std = (foldAccuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
    }
}

/// What `lede train --c auto` chose C from, as recorded in the model's provenance.
public struct GridSearchResult: Codable, Sendable, Equatable {
    /// Number of stratified folds.
    public var folds: Int
    /// The seed of the fold assignment.
    public var seed: UInt64
    /// One row per C, in increasing C.
    public var rows: [GridSearchRow]
    /// The C with the best mean accuracy (the smallest such C on a tie).
    public var chosenC: Double

    public init(folds: Int, seed: UInt64, rows: [GridSearchRow], chosenC: Double) {
        self.folds = folds
        self.seed = seed
        self.rows = rows
        self.chosenC = chosenC
    }
}

/// A finished search: the table, plus what calibration needs.
public struct GridSearchRun: Sendable {
    public var result: GridSearchResult
    /// Out-of-fold scores (logits, N×K row-major, in document order) for each row of `result`:
    /// every document scored by the model that did not train on it.
    public var outOfFoldScores: [[Float]]
    /// Seconds spent fitting the per-fold vectorizers and transforming the held-out parts, summed over folds.
    public var vectorizeSeconds: Double
    /// Seconds spent in training, summed over folds.
    public var trainSeconds: Double
    /// L-BFGS iterations of each fold at each C (`[fold][row]`).
    public var iterations: [[Int]]

    /// The out-of-fold scores at the chosen C.
    public var chosenScores: [Float] { outOfFoldScores[result.rows.firstIndex { $0.c == result.chosenC }!] }
}

extension CrossValidation {
    /// Stratified k-fold cross-validation of the whole pipeline over a grid of C: for each fold, the
    /// vectorizer is fitted on that fold's training part only (as a scikit-learn `Pipeline` inside
    /// `GridSearchCV` would be), then logistic regression is fitted at each C in increasing order,
    /// each fit starting from the previous C's solution (a warm start). Folds run concurrently, one
    /// thread each (all at once, even with fewer cores than folds, so that 3 folds on 2 cores finish
    /// together), and each fold's training uses `options.threads / folds` threads (at least 1).
    /// Results do not depend on the thread count. `sampleWeights` (one per text) weight the training
    /// rows of every fold; accuracy counts every held-out document once.
    public static func gridSearch(
        texts: [String], labels: [Int32], labelNames: [String], vectorizer: TfidfVectorizer, grid: [Double],
        folds: Int, options: LogisticRegressionOptions, sampleWeights: [Float]? = nil, seed: UInt64 = 20261129,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> GridSearchRun {
        precondition(folds >= 2 && !grid.isEmpty && grid.allSatisfy { $0 > 0 }, "gridSearch: need 2+ folds and positive C values")
        let cs = Array(Set(grid)).sorted()
        let k = labelNames.count, n = texts.count
        let fold = stratifiedFolds(labels: labels, folds: folds, seed: seed)
        let perFold = { var o = options; o.threads = max(1, options.threads / folds); return o }()

        struct FoldOutcome: Sendable {
            var accuracies: [Double], scores: [[Float]], held: [Int], iterations: [Int]
            var vectorizeSeconds: Double, trainSeconds: Double
        }
        let outcomes = try Self.eachFold(folds) { f throws -> FoldOutcome in
            let train = fold.indices.filter { fold[$0] != f }, held = fold.indices.filter { fold[$0] == f }
            let start = Date()
            let fit = try vectorizer.fitTransform(documents: train.map { texts[$0] }, threads: perFold.threads)
            let heldMatrix = fit.model.transform(documents: held.map { texts[$0] }, threads: perFold.threads)
            let vectorized = Date()
            let trainLabels = train.map { labels[$0] }
            var outcome = FoldOutcome(accuracies: [], scores: [], held: held, iterations: [],
                                      vectorizeSeconds: vectorized.timeIntervalSince(start), trainSeconds: 0)
            var previous: [Float]?
            for c in cs {
                var settings = perFold
                settings.c = c
                let (model, report) = LogisticRegression.train(matrix: fit.matrix, labels: trainLabels, labelNames: labelNames,
                                                               options: settings, sampleWeights: sampleWeights.map { w in train.map { w[$0] } },
                                                               initial: previous)
                previous = model.parameters
                let scores = model.scores(heldMatrix, threads: perFold.threads)
                var correct = 0
                for (row, i) in held.enumerated() {
                    if argmax(scores[row * k..<(row + 1) * k]) == Int(labels[i]) { correct += 1 }
                }
                let accuracy = Double(correct) / Double(max(1, held.count))
                outcome.accuracies.append(accuracy)
                outcome.scores.append(scores)
                outcome.iterations.append(report.iterations)
                progress("fold \(f + 1)/\(folds), C = \(c): accuracy \(String(format: "%.4f", accuracy)), "
                         + "\(report.iterations) iterations, \(report.stopReason)")
            }
            outcome.trainSeconds = Date().timeIntervalSince(vectorized)
            return outcome
        }

        let outOfFold = inDocumentOrder(outcomes.map(\.scores), held: outcomes.map(\.held), documents: n, width: k)
        let rows = cs.indices.map { c in GridSearchRow(c: cs[c], foldAccuracies: outcomes.map { $0.accuracies[c] }) }
        // The first (smallest) C reaching the best mean, as GridSearchCV ranks ties.
        let best = rows.map(\.meanAccuracy).max()!
        let chosen = rows.first { $0.meanAccuracy == best }!.c
        return GridSearchRun(
            result: GridSearchResult(folds: folds, seed: seed, rows: rows, chosenC: chosen), outOfFoldScores: outOfFold,
            vectorizeSeconds: outcomes.map(\.vectorizeSeconds).reduce(0, +), trainSeconds: outcomes.map(\.trainSeconds).reduce(0, +),
            iterations: outcomes.map(\.iterations))
    }

    /// Out-of-fold rows put back in document order, one array per C: `perFold[f][c]` holds fold f's
    /// held-out rows of `width` values at the c-th C, row r being document `held[f][r]`.
    static func inDocumentOrder(_ perFold: [[[Float]]], held: [[Int]], documents n: Int, width k: Int) -> [[Float]] {
        let cCount = perFold.first?.count ?? 0
        var ordered = [[Float]](repeating: [Float](repeating: 0, count: n * k), count: cCount)
        for (rows, documents) in zip(perFold, held) {
            for c in 0..<cCount {
                for (row, i) in documents.enumerated() {
                    for j in 0..<k { ordered[c][i * k + j] = rows[c][row * k + j] }
                }
            }
        }
        return ordered
    }

    /// `body(f)` for each fold f, every fold on a thread of its own at once; the results in fold order,
    /// or the error of the first fold (in fold order) that threw.
    static func eachFold<T: Sendable>(_ folds: Int, _ body: (Int) throws -> T) throws -> [T] {
        let results = LockedValue<[Result<T, any Error>?]>(Array(repeating: nil, count: folds))
        parallelFor(blocks: folds, threads: folds) { f in
            let result = Result { try body(f) }
            results.withLock { $0[f] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
