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
        let outcomes = try warmStartedFolds(texts: texts, fold: fold, folds: folds, grid: cs, vectorizer: vectorizer, options: options) {
            f, train, held, matrix, heldMatrix, settings, previous in
            let (model, report) = LogisticRegression.train(matrix: matrix, labels: train.map { labels[$0] }, labelNames: labelNames,
                                                           options: settings, sampleWeights: sampleWeights.map { w in train.map { w[$0] } },
                                                           initial: previous)
            let scores = model.scores(heldMatrix, threads: settings.threads)
            let correct = held.indices.filter { argmax(scores[$0 * k..<($0 + 1) * k]) == Int(labels[held[$0]]) }.count
            let accuracy = Double(correct) / Double(max(1, held.count))
            progress("fold \(f + 1)/\(folds), C = \(settings.c): accuracy \(String(format: "%.4f", accuracy)), "
                     + "\(report.iterations) iterations, \(report.stopReason)")
            return FoldFit(parameters: model.parameters, heldOutput: scores, score: accuracy, iterations: report.iterations)
        }

        let outOfFold = inDocumentOrder(outcomes.map { $0.fits.map(\.heldOutput) }, held: outcomes.map(\.held), documents: n, width: k)
        let rows = cs.indices.map { c in GridSearchRow(c: cs[c], foldAccuracies: outcomes.map { $0.fits[c].score }) }
        return GridSearchRun(
            result: GridSearchResult(folds: folds, seed: seed, rows: rows, chosenC: bestC(rows)), outOfFoldScores: outOfFold,
            vectorizeSeconds: outcomes.map(\.vectorizeSeconds).reduce(0, +), trainSeconds: outcomes.map(\.trainSeconds).reduce(0, +),
            iterations: outcomes.map { $0.fits.map(\.iterations) })
    }

    /// One fit in a cross-validation: the parameters (to warm-start the next C), the held-out rows'
    /// output (scores or probabilities, K a row), and the fold's score and iterations.
    struct FoldFit: Sendable {
        var parameters: [Float], heldOutput: [Float], score: Double, iterations: Int
    }

    /// One fold's fits (one per C, in increasing C), the documents it held out, and its seconds.
    struct FoldRun: Sendable {
        var fits: [FoldFit], held: [Int], vectorizeSeconds: Double, trainSeconds: Double
    }

    /// The skeleton of a cross-validation over C: for each fold f (`fold[i]` is document i's), the
    /// vectorizer is fitted on the other folds' texts and transforms the held-out ones (as a scikit-learn
    /// `Pipeline` inside `GridSearchCV`), then `fit` runs at each C of `grid` in increasing order, each
    /// from the previous C's parameters (a warm start). `fit` gets the fold, the training and held-out
    /// documents, their matrices, the settings (C set, threads per fold) and the previous parameters.
    /// Folds run concurrently (`eachFold`), each with `options.threads / folds` threads (at least 1).
    static func warmStartedFolds(
        texts: [String], fold: [Int], folds: Int, grid: [Double], vectorizer: TfidfVectorizer, options: LogisticRegressionOptions,
        fit: (_ f: Int, _ train: [Int], _ held: [Int], _ matrix: CSRMatrix, _ heldMatrix: CSRMatrix,
              _ settings: LogisticRegressionOptions, _ previous: [Float]?) throws -> FoldFit
    ) throws -> [FoldRun] {
        let perFold = { var o = options; o.threads = max(1, options.threads / folds); return o }()
        return try eachFold(folds) { f throws -> FoldRun in
            let train = fold.indices.filter { fold[$0] != f }, held = fold.indices.filter { fold[$0] == f }
            let start = Date()
            let fitted = try vectorizer.fitTransform(documents: train.map { texts[$0] }, threads: perFold.threads)
            let heldMatrix = fitted.model.transform(documents: held.map { texts[$0] }, threads: perFold.threads)
            let vectorized = Date()
            var fits: [FoldFit] = []
            for c in grid {
                var settings = perFold
                settings.c = c
                fits.append(try fit(f, train, held, fitted.matrix, heldMatrix, settings, fits.last?.parameters))
            }
            return FoldRun(fits: fits, held: held, vectorizeSeconds: vectorized.timeIntervalSince(start),
                           trainSeconds: Date().timeIntervalSince(vectorized))
        }
    }

    /// The first (smallest) C reaching the best mean score, as `GridSearchCV` ranks ties.
    static func bestC(_ rows: [GridSearchRow]) -> Double {
        let best = rows.map(\.meanAccuracy).max()!
        return rows.first { $0.meanAccuracy == best }!.c
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
