import LedeFeatures

/// The objective that training a multinomial model minimizes: regularized multinomial log-loss over
/// sparse TF-IDF rows (`SparseLinearObjective` with lossᵢ = −log pᵢ,yᵢ, `pᵢ = softmax(xᵢ·W + b)`),
/// scaled as scikit-learn scales it internally,
///
///     f(θ) = (1/S)·Σᵢ sᵢ·(−log pᵢ,yᵢ) + ‖W‖² / (2·C·S),   S = Σᵢ sᵢ,
///
/// where `sᵢ` are sample weights (1, or "balanced"). `C·S·f` is scikit-learn's documented objective
/// `½‖W‖² + C·Σ loss`. Parameters are laid out as `SparseLinearObjective` says.
struct SoftmaxLoss {
    private var objective: SparseLinearObjective
    let labels: [Int32]

    init(matrix: CSRMatrix, labels: [Int32], sampleWeights: [Float], classCount: Int, c: Double, threads: Int) {
        precondition(labels.count == matrix.rowCount && sampleWeights.count == matrix.rowCount)
        self.objective = SparseLinearObjective(matrix: matrix, sampleWeights: sampleWeights, classCount: classCount, c: c, threads: threads)
        self.labels = labels
    }

    var parameterCount: Int { objective.parameterCount }
    var weightSum: Double { objective.weightSum }
    var classCount: Int { objective.classCount }

    /// Largest gradient component written by the last `evaluate`.
    var gradientMax: Double { objective.gradientMax }

    /// The objective at θ, writing its gradient (and `gradientMax`). O(nnz·K + blocks·V + V·K).
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> Double {
        labels.withUnsafeBufferPointer { labels in
            objective.evaluate(theta, gradient: gradient, loss: SoftmaxRowLoss(labels: labels))
        }
    }
}

/// One document's multinomial log-loss and residuals `sᵢ·(pᵢ − onehot(yᵢ))`.
struct SoftmaxRowLoss: RowLoss {
    let labels: UnsafeBufferPointer<Int32>

    @inline(__always)
    func lossAndResiduals(row r: Int, scores row: UnsafeMutableBufferPointer<Float>, weight: Float) -> Double {
        let y = Int(labels[r])
        let scoreOfLabel = Double(row[y])
        // −log p_y = log Σ exp(scores) − score_y, exact even when p_y underflows.
        let loss = Double(weight) * (SoftmaxRegression.softmaxInPlace(row) - scoreOfLabel)
        for j in 0..<row.count { row[j] *= weight }
        row[y] -= weight
        return loss
    }
}
