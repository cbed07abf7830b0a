import LedeBLAS
import LedeFeatures

/// The objective that training minimizes: regularized multinomial log-loss over sparse TF-IDF rows,
/// scaled as scikit-learn scales it internally,
///
///     f(θ) = (1/S)·Σᵢ sᵢ·(−log pᵢ,yᵢ) + ‖W‖² / (2·C·S),   S = Σᵢ sᵢ,
///
/// where `sᵢ` are sample weights (1, or "balanced"), `pᵢ = softmax(xᵢ·W + b)` and the intercept `b`
/// is not penalized. `C·S·f` is scikit-learn's documented objective `½‖W‖² + C·Σ loss`.
///
/// Parameters θ are one Float array of `(V + 1)·K` values: row `t < V` holds term `t`'s weight for
/// each of the K labels, row `V` the intercepts. Work is split in fixed blocks of documents (forward)
/// and of terms (gradient), so the value and gradient do not depend on the thread count.
struct SoftmaxLoss {
    let matrix: CSRMatrix
    let byColumn: ColumnMajorCopy
    let labels: [Int32]
    let sampleWeights: [Float]
    let classCount: Int
    let c: Double
    let threads: Int
    let weightSum: Double
    /// Per-document `sᵢ·(pᵢ − onehot(yᵢ))`, N×K; reused across evaluations.
    private var residuals: [Float]

    static let blockSize = 512

    init(matrix: CSRMatrix, labels: [Int32], sampleWeights: [Float], classCount: Int, c: Double, threads: Int) {
        precondition(labels.count == matrix.rowCount && sampleWeights.count == matrix.rowCount)
        self.matrix = matrix
        self.byColumn = ColumnMajorCopy(matrix)
        self.labels = labels
        self.sampleWeights = sampleWeights
        self.classCount = classCount
        self.c = c
        self.threads = threads
        self.weightSum = sampleWeights.reduce(0.0) { $0 + Double($1) }
        self.residuals = [Float](repeating: 0, count: matrix.rowCount * classCount)
    }

    var parameterCount: Int { (matrix.columnCount + 1) * classCount }

    /// The objective at θ, writing its gradient. O(nnz·K + V·K).
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> Double {
        let k = classCount, v = matrix.columnCount, n = matrix.rowCount
        let blockCount = (n + Self.blockSize - 1) / Self.blockSize
        var blockLoss = [Double](repeating: 0, count: blockCount)

        // Forward: scores, probabilities, loss and residuals, one block of documents at a time.
        residuals.withUnsafeMutableBufferPointer { residuals in
            blockLoss.withUnsafeMutableBufferPointer { blockLoss in
                let out = UncheckedSendableBox((residuals, blockLoss))
                forEachBlock(count: n, blockSize: Self.blockSize, threads: threads) { rows, block in
                    var loss = 0.0
                    for r in rows {
                        let scores = UnsafeMutableBufferPointer(rebasing: out.value.0[r * k..<(r + 1) * k])
                        SoftmaxRegression.scores(matrix: matrix, row: r, theta: theta, classCount: k, into: scores)
                        let y = Int(labels[r]), weight = sampleWeights[r]
                        let scoreOfLabel = Double(scores[y])
                        // −log p_y = log Σ exp(scores) − score_y, exact even when p_y underflows.
                        loss += Double(weight) * (SoftmaxRegression.softmaxInPlace(scores) - scoreOfLabel)
                        for j in 0..<k { scores[j] *= weight }
                        scores[y] -= weight
                    }
                    out.value.1[block] = loss
                }
            }
        }

        // Gradient: Xᵀ·R / S + W / (C·S) term by term, then the intercepts' Σ R / S.
        let scale = Float(1 / weightSum), penalty = Float(1 / (c * weightSum))
        residuals.withUnsafeBufferPointer { residuals in
            byColumn.columnStarts.withUnsafeBufferPointer { starts in
                byColumn.rows.withUnsafeBufferPointer { rows in
                    byColumn.values.withUnsafeBufferPointer { values in
                        let out = UncheckedSendableBox(gradient)
                        forEachBlock(count: v, blockSize: 4096, threads: threads) { terms, _ in
                            let gradient = out.value
                            for t in terms {
                                let row = t * k
                                for j in 0..<k { gradient[row + j] = penalty * theta[row + j] }
                                for e in starts[t]..<starts[t + 1] {
                                    let x = scale * values[e], d = Int(rows[e]) * k
                                    for j in 0..<k { gradient[row + j] += x * residuals[d + j] }
                                }
                            }
                        }
                    }
                }
            }
            for j in 0..<k { gradient[v * k + j] = 0 }
            for r in 0..<n { for j in 0..<k { gradient[v * k + j] += residuals[r * k + j] } }
            for j in 0..<k { gradient[v * k + j] *= scale }
        }

        let weights = UnsafeBufferPointer(rebasing: theta[0..<v * k])
        let squaredNorm = Double(BLAS.openBLAS.dot(weights, weights))
        return blockLoss.reduce(0, +) / weightSum + squaredNorm / (2 * c * weightSum)
    }
}
