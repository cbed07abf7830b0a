import Foundation
import LedeFeatures

/// Trains a multi-label model: for every label a binary logistic regression ("has the label" against
/// "has not"), L2 on the weights and an unpenalized intercept, minimizing the same objective as
/// scikit-learn's `OneVsRestClassifier(LogisticRegression(C=…))` label by label (`OneVsRestLoss`).
///
/// All labels are fitted as one problem: one weight matrix of V×K floats, and each evaluation computes
/// every label's scores and gradient in one pass over the sparse rows, with the same kernels as the
/// softmax model; the optimizer (`LabelwiseLBFGS`) runs one L-BFGS per label in lockstep over that
/// matrix, each label with its own history, step and stopping test. So a hundred labels cost about what
/// one multinomial fit over a hundred labels costs, not a hundred fits. A label with a handful of
/// positives trains like any other (its intercept starts at the log-odds of its share of the documents,
/// where its optimum is when no term helps).
public enum OneVsRestRegression {
    /// Fits a model to `matrix` (one row per document) with `labelSets[i]` the labels of document i,
    /// indices into `labelNames`. `options.classWeight` must be `.none`. `sampleWeights`, one per row
    /// when given, multiply each row's log-losses; `initial` starts from other parameters (a warm start).
    /// `progress` hears (iteration, scaled objective, largest gradient component).
    public static func train(
        matrix: CSRMatrix, labelSets: LabelSets, labelNames: [String], options: LogisticRegressionOptions = .init(),
        sampleWeights: [Float]? = nil, initial: [Float]? = nil, progress: (Int, Double, Double) -> Void = { _, _, _ in }
    ) -> (model: LogisticRegressionModel, report: TrainingReport) {
        let k = labelNames.count, n = matrix.rowCount
        precondition(k >= 1, "one-vs-rest needs at least one label")
        precondition(labelSets.count == n, "one label set per row")
        precondition(options.classWeight == .none, "one-vs-rest training has no class weights")
        let weights = sampleWeights ?? [Float](repeating: 1, count: n)
        precondition(weights.count == n && weights.allSatisfy { $0 >= 0 && $0.isFinite }, "one finite, non-negative sample weight per row")
        var loss = OneVsRestLoss(matrix: matrix, labelSets: labelSets, sampleWeights: weights, labelCount: k,
                                 c: options.c, threads: options.threads)
        let start = startingPoint(labelSets: labelSets, weights: weights, labelCount: k, featureCount: matrix.columnCount)
        var theta = initial ?? start
        precondition(theta.count == loss.parameterCount, "initial parameters of the wrong size")
        // A label that no document (or every document) has has no finite optimum: its intercept runs off
        // to ∓∞. It keeps the starting point (weights 0, intercept ∓20) and is left out of the fit.
        let rows = matrix.columnCount + 1
        let fitted = (0..<k).filter { j in abs(start[matrix.columnCount * k + j]) < 20 }
        for j in Set(0..<k).subtracting(fitted) { for r in 0..<rows { theta[r * k + j] = start[r * k + j] } }
        var part = [Float](repeating: 0, count: rows * fitted.count)
        ColumnPasses.gather(theta, columns: k, fitted, into: &part, rows: rows, threads: options.threads)
        if fitted.count < k { loss.keep(fitted) }

        var optimizer = LabelwiseLBFGS(memory: options.memory, maxIterations: options.maxIterations,
                                       gradientTolerance: options.tolerance, threads: options.threads)
        optimizer.warmStart = initial != nil
        let weightSum = loss.weightSum
        let fit = fitted.isEmpty ? LabelwiseLBFGS.Outcome(stops: [], labelIterations: [], evaluations: 0, values: [], gradientMax: [])
            : optimizer.minimize(&part, rows: rows, columns: fitted.count, objective: &loss, progress: progress)
        ColumnPasses.scatter(part, into: &theta, columns: k, fitted, rows: rows, threads: options.threads)
        // The left-out labels' objective, log(1 + e^−20) on every document (weights 0, nothing penalized),
        // and its largest gradient component, the intercept's σ(−20).
        var outcome = LabelwiseLBFGS.Outcome(stops: [LBFGS.Stop](repeating: .constantLabel, count: k),
                                             labelIterations: [Int](repeating: 0, count: k), evaluations: fit.evaluations,
                                             values: [Double](repeating: log1p(exp(-20.0)), count: k),
                                             gradientMax: [Float](repeating: sigmoid(-20), count: k))
        for (c, j) in fitted.enumerated() {
            outcome.stops[j] = fit.stops[c]
            outcome.labelIterations[j] = fit.labelIterations[c]
            outcome.values[j] = fit.values[c]
            outcome.gradientMax[j] = fit.gradientMax[c]
        }
        let report = TrainingReport(
            iterations: outcome.iterations, evaluations: outcome.evaluations,
            objective: outcome.objective * options.c * weightSum, gradientMax: outcome.largestGradient,
            converged: outcome.converged, stopReason: outcome.stopReason)
        return (LogisticRegressionModel(labels: labelNames, featureCount: matrix.columnCount, parameters: theta), report)
    }

    /// Zero weights, and each intercept at the log-odds of its label's (weighted) share of the documents,
    /// clamped to ±20 for a label that every document or none has.
    static func startingPoint(labelSets: LabelSets, weights: [Float], labelCount k: Int, featureCount v: Int) -> [Float] {
        var positive = [Double](repeating: 0, count: k)
        for i in 0..<labelSets.count {
            for j in labelSets[i] { positive[Int(j)] += Double(weights[i]) }
        }
        let total = weights.reduce(0.0) { $0 + Double($1) }
        var theta = [Float](repeating: 0, count: (v + 1) * k)
        for j in 0..<k where total > 0 {
            let share = positive[j] / total
            theta[v * k + j] = Float(max(-20, min(20, log(share) - log1p(-share))))
        }
        return theta
    }
}

extension LogisticRegressionModel {
    /// Each label's own probability, σ(score), for every row of `matrix` (N×K, row-major): how a
    /// one-vs-rest model reads its scores. O(nnz·K).
    public func sigmoidProbabilities(_ matrix: CSRMatrix, threads: Int = 1) -> [Float] {
        var out = scores(matrix, threads: threads)
        for i in out.indices { out[i] = sigmoid(out[i]) }
        return out
    }
}

/// 1 / (1 + e^−z), without overflow for scores of any size.
@inline(__always)
func sigmoid(_ z: Float) -> Float {
    let e = expf(-abs(z))
    return z >= 0 ? 1 / (1 + e) : e / (1 + e)
}
