import Foundation
import LedeFeatures

/// Settings for training a logistic-regression classifier, named and defined as in scikit-learn.
public struct LogisticRegressionOptions: Sendable, Hashable {
    /// How documents are weighted in the loss.
    public enum ClassWeight: String, Sendable, Hashable {
        /// Every document counts once.
        case none
        /// Each document counts N / (K · count of its label), so every label weighs the same.
        case balanced
    }

    /// Inverse regularization strength: the objective is ½‖W‖² + C·Σ log-loss.
    public var c: Double
    /// Document weighting.
    public var classWeight: ClassWeight
    /// L-BFGS iterations at most.
    public var maxIterations: Int
    /// Stop when every gradient component of the scaled objective (mean loss + ‖W‖²/(2·C·N)) is at most
    /// this, and the objective fell by at most 0.1 % over the last 5 iterations (see `LBFGS`).
    public var tolerance: Double
    /// L-BFGS history length: the optimizer holds (2·memory + 2) vectors the size of the weights.
    /// The default, 3, was chosen by measurement on 20NG 1–2-grams: each iteration reads the history
    /// twice and is bound by memory bandwidth, and 3 reached scikit-learn's objective sooner in time
    /// than 4 or 6 (more iterations, but each about 25 % cheaper than with 6).
    public var memory: Int
    /// Worker threads; results are identical for any count.
    public var threads: Int

    /// Creates options; the defaults match scikit-learn's `LogisticRegression()` except the iteration limit.
    public init(c: Double = 1, classWeight: ClassWeight = .none, maxIterations: Int = 300, tolerance: Double = 1e-4,
                memory: Int = 3, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.c = c
        self.classWeight = classWeight
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.memory = memory
        self.threads = threads
    }
}

/// What a training run did, for the user and the model file.
public struct TrainingReport: Sendable {
    /// L-BFGS iterations run.
    public var iterations: Int
    /// Objective and gradient evaluations.
    public var evaluations: Int
    /// Final value of scikit-learn's documented objective ½‖W‖² + C·Σ log-loss (with sample weights).
    public var objective: Double
    /// Largest gradient component of the scaled objective at the end.
    public var gradientMax: Double
    /// Whether a tolerance was met (false: the iteration limit or the line search stopped it).
    public var converged: Bool
    /// Why training stopped, in words.
    public var stopReason: String
}

/// A trained multinomial logistic-regression model over TF-IDF rows: labels, weights, intercepts.
public struct LogisticRegressionModel: Sendable {
    /// Label names; index j is class j.
    public let labels: [String]
    /// Number of features (columns of the TF-IDF matrix).
    public let featureCount: Int
    /// `(featureCount + 1)·labels.count` floats: row t holds feature t's weight per label, the last row the intercepts.
    public let parameters: [Float]

    /// Creates a model from its parts, checking their sizes agree.
    public init(labels: [String], featureCount: Int, parameters: [Float]) {
        precondition(parameters.count == (featureCount + 1) * labels.count, "LogisticRegressionModel: wrong parameter count")
        self.labels = labels
        self.featureCount = featureCount
        self.parameters = parameters
    }

    /// Label probabilities for every row of `matrix`, as rows of K floats (N×K, row-major). O(nnz·K).
    public func probabilities(_ matrix: CSRMatrix, threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        probabilities(matrix, temperature: 1, threads: threads)
    }
}

/// Trains multinomial logistic regression (softmax over all labels, L2 on the weights, an
/// unpenalized intercept) with L-BFGS, minimizing the same objective as scikit-learn's
/// `LogisticRegression(C=…)`, so results compare at the same C.
public enum LogisticRegression {
    /// Fits a model to `matrix` (one row per document) with `labels[i]` in `0..<labelNames.count`.
    /// `progress` hears (iteration, scaled objective, largest gradient component). `sampleWeights`, one
    /// per row when given, multiply each row's log-loss (and the balanced class weights, when asked for),
    /// as scikit-learn's `fit(…, sample_weight=)` does.
    public static func train(
        matrix: CSRMatrix, labels: [Int32], labelNames: [String], options: LogisticRegressionOptions = .init(),
        sampleWeights: [Float]? = nil, initial: [Float]? = nil, progress: (Int, Double, Double) -> Void = { _, _, _ in }
    ) -> (model: LogisticRegressionModel, report: TrainingReport) {
        let k = labelNames.count, n = matrix.rowCount
        precondition(labels.count == n, "one label per row")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < k }, "labels out of range")
        var weights = [Float](repeating: 1, count: n)
        if options.classWeight == .balanced {
            var counts = [Int](repeating: 0, count: k)
            for y in labels { counts[Int(y)] += 1 }
            let present = counts.filter { $0 > 0 }.count
            weights = labels.map { Float(Double(n) / Double(present * counts[Int($0)])) }
        }
        if let sampleWeights {
            precondition(sampleWeights.count == n && sampleWeights.allSatisfy { $0 >= 0 && $0.isFinite }, "one finite, non-negative sample weight per row")
            for i in 0..<n { weights[i] *= sampleWeights[i] }
        }
        var loss = SoftmaxLoss(matrix: matrix, labels: labels, sampleWeights: weights, classCount: k,
                               c: options.c, threads: options.threads)
        var theta = initial ?? [Float](repeating: 0, count: loss.parameterCount)
        precondition(theta.count == loss.parameterCount, "initial parameters of the wrong size")
        var optimizer = LBFGS(memory: options.memory, maxIterations: options.maxIterations,
                              gradientTolerance: options.tolerance, threads: options.threads)
        optimizer.warmStart = initial != nil
        let outcome = optimizer.minimize(&theta, objective: { theta, gradient in
            let value = loss.evaluate(theta, gradient: gradient)
            return (value, loss.gradientMax)
        }, progress: progress)
        let report = TrainingReport(
            iterations: outcome.iterations, evaluations: outcome.evaluations,
            objective: outcome.objective * options.c * loss.weightSum, gradientMax: outcome.gradientMax,
            converged: outcome.converged, stopReason: outcome.stop.rawValue)
        return (LogisticRegressionModel(labels: labelNames, featureCount: matrix.columnCount, parameters: theta), report)
    }
}
