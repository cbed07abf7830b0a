import Foundation
import LedeFeatures

/// The objective that training a multi-label (one-vs-rest) model minimizes: for every label j an
/// independent binary logistic regression, "document has label j" against "it has not", all fitted as
/// one problem over the shared rows (`SparseLinearObjective` with lossᵢ = Σⱼ binary log-loss),
///
///     f(θ) = (1/S)·Σᵢ sᵢ·Σⱼ [log(1 + e^zᵢⱼ) − yᵢⱼ·zᵢⱼ] + ‖W‖² / (2·C·S),   zᵢⱼ = xᵢ·W[:, j] + bⱼ.
///
/// Since the labels share nothing but the rows, `C·S·f` is the sum over labels of scikit-learn's binary
/// objective `½‖wⱼ‖² + C·Σᵢ log-loss`, so C means what it means for the softmax model and for
/// scikit-learn's `OneVsRestClassifier(LogisticRegression(C=…))`, and the minimum is each label's own.
/// The gradient with respect to label j's weights is that of label j's problem alone (same scale), so the
/// optimizer's stopping rule on the largest gradient component is scikit-learn's for every label at once.
struct OneVsRestLoss: LabelwiseObjective {
    private var objective: SparseLinearObjective
    private(set) var labelSets: LabelSets
    /// Room for the parameters and gradient of `evaluate(_:gradient:columns:)`.
    private var partStorage: [Float] = []

    init(matrix: CSRMatrix, labelSets: LabelSets, sampleWeights: [Float], labelCount: Int, c: Double, threads: Int) {
        precondition(labelSets.count == matrix.rowCount && sampleWeights.count == matrix.rowCount)
        precondition(labelSets.members.allSatisfy { $0 >= 0 && Int($0) < labelCount }, "label index out of range")
        self.objective = SparseLinearObjective(matrix: matrix, sampleWeights: sampleWeights, classCount: labelCount, c: c, threads: threads)
        objective.findsColumnStatistics = true
        self.labelSets = labelSets
    }

    var parameterCount: Int { objective.parameterCount }
    var weightSum: Double { objective.weightSum }

    /// The objective at θ (the sum over labels), writing its gradient. O(nnz·K + N·K + blocks·V + V·K).
    mutating func evaluateSum(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> Double {
        labelSets.starts.withUnsafeBufferPointer { starts in
            labelSets.members.withUnsafeBufferPointer { members in
                objective.evaluate(theta, gradient: gradient, loss: SigmoidRowLoss(starts: starts, members: members, labelLoss: nil))
            }
        }
    }

    /// `evaluate` for some labels only (`columns`, increasing): their parameters gathered, their objective
    /// computed over the same rows, their gradient columns scattered back. O(nnz·n + N·n + V·n) for n labels.
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>,
                           columns: [Int]) -> LabelwiseLBFGS.Evaluation {
        let k = objective.classCount, n = columns.count, rows = objective.featureCount + 1
        var part = self
        part.partStorage = []  // so that this loss's storage stays its own, and is not copied on write
        part.keep(columns)
        // The gathered parameters and their gradient, in storage kept for the next partial evaluation.
        if partStorage.count < 2 * rows * n { partStorage = [Float](repeating: 0, count: 2 * rows * n) }
        let threads = objective.threads
        return partStorage.withUnsafeMutableBufferPointer { storage in
            let x = storage.baseAddress!, g = x + rows * n
            ColumnPasses.gather(theta.baseAddress!, columns: k, columns, into: x, rows: rows, threads: threads)
            let evaluation = part.evaluate(UnsafeBufferPointer(start: x, count: rows * n),
                                           gradient: UnsafeMutableBufferPointer(start: g, count: rows * n))
            ColumnPasses.scatter(g, into: gradient.baseAddress!, columns: k, columns, rows: rows, threads: threads)
            return evaluation
        }
    }

    /// From now on, the objective of these labels only (indices into the current ones, increasing), in
    /// that order: label sets and parameters narrow to them; the rows' column-major copy is shared.
    mutating func keep(_ labels: [Int]) {
        var renumber = [Int32](repeating: -1, count: objective.classCount)
        for (new, old) in labels.enumerated() { renumber[old] = Int32(new) }
        labelSets = LabelSets((0..<labelSets.count).map { i in labelSets[i].compactMap { renumber[Int($0)] >= 0 ? renumber[Int($0)] : nil } })
        objective = objective.narrowed(to: labels.count)
    }

    /// Each label's own objective fⱼ = (1/S)·Σᵢ sᵢ·lossᵢⱼ + ‖W[:, j]‖² / (2·C·S) at θ (they sum to
    /// `evaluateSum`'s value), and the largest component of each label's gradient, writing the gradient;
    /// the squares and the largest components are found in the objective's gradient pass.
    /// O(nnz·K + N·K + blocks·V + V·K).
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> LabelwiseLBFGS.Evaluation {
        let k = objective.classCount
        let blocks = objective.byColumn.blocks.count
        var perBlock = [Double](repeating: 0, count: max(1, blocks) * k)
        perBlock.withUnsafeMutableBufferPointer { perBlock in
            labelSets.starts.withUnsafeBufferPointer { starts in
                labelSets.members.withUnsafeBufferPointer { members in
                    _ = objective.evaluate(theta, gradient: gradient,
                                           loss: SigmoidRowLoss(starts: starts, members: members, labelLoss: perBlock.baseAddress!))
                }
            }
        }
        let squares = objective.columnSquares
        let s = objective.weightSum, c = objective.c
        let values = (0..<k).map { j in
            var loss = 0.0
            for b in 0..<blocks { loss += perBlock[b * k + j] }
            return loss / s + squares[j] / (2 * c * s)
        }
        return (values, objective.columnLargest)
    }
}

/// One document's binary log-losses over all labels, and residuals `sᵢ·(σ(zᵢⱼ) − yᵢⱼ)`; with `labelLoss`,
/// each label's weighted loss is also added to the row's block's K sums there (`ColumnMajorCopy.blockRows`
/// rows a block, so that each block's sums are written by one thread and added in order).
struct SigmoidRowLoss: RowLoss {
    let starts: UnsafeBufferPointer<Int>
    let members: UnsafeBufferPointer<Int32>
    let labelLoss: UnsafeMutablePointer<Double>?

    @inline(__always)
    func lossAndResiduals(row r: Int, scores row: UnsafeMutableBufferPointer<Float>, weight: Float) -> Double {
        let positives = starts[r]..<starts[r + 1]
        if let labelLoss {
            // Each label's loss into the block's sums: positives' −y·z first, read before the scores turn into residuals.
            let sums = labelLoss + (r / ColumnMajorCopy.blockRows) * row.count, w = Double(weight)
            for e in positives { sums[Int(members[e])] -= w * Double(row[Int(members[e])]) }
            for j in 0..<row.count {
                let z = row[j]
                let e = expf(-abs(z))
                sums[j] += w * Double(max(z, 0) + log1pf(e))
                row[j] = weight * (z >= 0 ? 1 / (1 + e) : e / (1 + e))
            }
            for e in positives { row[Int(members[e])] -= weight }
            return 0  // the caller reads the sums
        }
        // The positives' −y·z term, read before the scores turn into residuals.
        var loss = 0.0
        for e in positives { loss -= Double(row[Int(members[e])]) }
        // Every label's log(1 + e^z) = max(z, 0) + log(1 + e^−|z|), stable for any z, and σ(z).
        for j in 0..<row.count {
            let z = row[j]
            let e = expf(-abs(z))
            loss += Double(max(z, 0) + log1pf(e))
            row[j] = weight * (z >= 0 ? 1 / (1 + e) : e / (1 + e))
        }
        for e in positives { row[Int(members[e])] -= weight }
        return Double(weight) * loss
    }
}
