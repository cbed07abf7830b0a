import Foundation
import LedeFeatures

/// A finished cross-validation of a one-vs-rest model over a grid of C (`CrossValidation.oneVsRestSearch`).
public struct OneVsRestSearchRun: Sendable {
    /// One row per C: each fold's micro-F1 (in `foldAccuracies`) with that C's thresholds, and the C chosen.
    public var result: GridSearchResult
    /// Out-of-fold probabilities (N×K, row-major, in document order) for each row of `result`: every
    /// document scored by the model that did not train on it.
    public var outOfFoldProbabilities: [[Float]]
    /// The thresholds each row's micro-F1 was computed with: chosen by the rule on that row's out-of-fold
    /// probabilities, or nil when there was no rule (every threshold 0.5).
    public var thresholds: [ThresholdChoice?]
    /// Which fold each document was held out in.
    public var folds: [Int]
    /// Seconds spent fitting the per-fold vectorizers and transforming the held-out parts, summed over folds.
    public var vectorizeSeconds: Double
    /// Seconds spent in training, summed over folds.
    public var trainSeconds: Double

    /// The index of the chosen C's row.
    public var chosenRow: Int { result.rows.firstIndex { $0.c == result.chosenC }! }
}

extension CrossValidation {
    /// Folds for multi-label data: each document goes with its rarest label (the one fewest documents
    /// carry; documents without labels form a group of their own), and each such group is shuffled
    /// (seeded) and dealt round-robin as `stratifiedFolds` deals a label's documents, so that a rare
    /// label's few documents land in different folds.
    public static func multiLabelFolds(labelSets: LabelSets, labelCount k: Int, folds: Int, seed: UInt64) -> [Int] {
        let positives = labelSets.positives(labelCount: k)
        let groups = (0..<labelSets.count).map { i -> Int32 in
            // Rarest label first; among equally rare ones, the lowest index.
            let rarest = labelSets[i].min { (positives[Int($0)], $0) < (positives[Int($1)], $1) }
            return rarest ?? Int32(k)
        }
        return stratifiedFolds(labels: groups, folds: folds, seed: seed)
    }

    /// k-fold cross-validation of the whole multi-label pipeline over a grid of C: for each fold
    /// (`multiLabelFolds`), the vectorizer is fitted on that fold's training part, then the one-vs-rest
    /// model at each C in increasing order, each fit starting from the previous C's solution. Folds run
    /// concurrently, one thread each, and each fold's training uses `options.threads / folds` threads (at
    /// least 1); results do not depend on the thread count. For each C, thresholds are chosen by `rule` on
    /// the out-of-fold probabilities (0.5 for every label when `rule` is nil), and each fold's micro-F1
    /// with them is its row's score; the chosen C has the best mean (the smallest such C on a tie).
    public static func oneVsRestSearch(
        texts: [String], labelSets: LabelSets, labelNames: [String], vectorizer: TfidfVectorizer, grid: [Double], folds: Int,
        options: LogisticRegressionOptions, rule: ThresholdRule?, sampleWeights: [Float]? = nil, seed: UInt64 = 20261129,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> OneVsRestSearchRun {
        precondition(folds >= 2 && !grid.isEmpty && grid.allSatisfy { $0 > 0 }, "oneVsRestSearch: need 2+ folds and positive C values")
        precondition(texts.count == labelSets.count, "one label set per text")
        let cs = Array(Set(grid)).sorted()
        let k = labelNames.count, n = texts.count
        let fold = multiLabelFolds(labelSets: labelSets, labelCount: k, folds: folds, seed: seed)
        let outcomes = try warmStartedFolds(texts: texts, fold: fold, folds: folds, grid: cs, vectorizer: vectorizer, options: options) {
            f, train, _, matrix, heldMatrix, settings, previous in
            let (model, report) = OneVsRestRegression.train(
                matrix: matrix, labelSets: labelSets.subset(train), labelNames: labelNames, options: settings,
                sampleWeights: sampleWeights.map { w in train.map { w[$0] } }, initial: previous)
            progress("fold \(f + 1)/\(folds), C = \(settings.c): \(report.iterations) iterations, \(report.stopReason)")
            return FoldFit(parameters: model.parameters, heldOutput: model.sigmoidProbabilities(heldMatrix, threads: settings.threads),
                           score: 0, iterations: report.iterations)  // scored below, with thresholds from every fold
        }

        let outOfFold = inDocumentOrder(outcomes.map { $0.fits.map(\.heldOutput) }, held: outcomes.map(\.held), documents: n, width: k)
        var chosenThresholds: [ThresholdChoice?] = []
        var rows: [GridSearchRow] = []
        let heldTruth = outcomes.map { $0.held.map { labelSets[$0].map { labelNames[Int($0)] } } }
        for c in cs.indices {
            let choice = rule.map { DecisionThresholds.choose(probabilities: outOfFold[c], labelSets: labelSets, labelCount: k, rule: $0) }
            let thresholds = choice?.thresholds ?? [Float](repeating: 0.5, count: k)
            let f1s = zip(outcomes, heldTruth).map { outcome, truth in
                let predicted = LabelSets(probabilities: outOfFold[c], rows: outcome.held, thresholds: thresholds)
                return MultiLabelMetrics(labels: labelNames, truth: truth, predicted: predicted).microF1
            }
            chosenThresholds.append(choice)
            rows.append(GridSearchRow(c: cs[c], foldAccuracies: f1s))
        }
        let chosen = bestC(rows)
        return OneVsRestSearchRun(
            result: GridSearchResult(folds: folds, seed: seed, rows: rows, chosenC: chosen), outOfFoldProbabilities: outOfFold,
            thresholds: chosenThresholds, folds: fold, vectorizeSeconds: outcomes.map(\.vectorizeSeconds).reduce(0, +),
            trainSeconds: outcomes.map(\.trainSeconds).reduce(0, +))
    }
}
