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
    let featureCount: Int
    let documentCount: Int
    let byColumn: ColumnMajorCopy
    let labels: [Int32]
    let sampleWeights: [Float]
    let classCount: Int
    let c: Double
    let threads: Int
    let weightSum: Double
    /// Per-document scores, then `sᵢ·(pᵢ − onehot(yᵢ))`, N×K; reused across evaluations.
    private var residuals: [Float]

    init(matrix: CSRMatrix, labels: [Int32], sampleWeights: [Float], classCount: Int, c: Double, threads: Int) {
        precondition(labels.count == matrix.rowCount && sampleWeights.count == matrix.rowCount)
        self.featureCount = matrix.columnCount
        self.documentCount = matrix.rowCount
        self.byColumn = ColumnMajorCopy(matrix)
        self.labels = labels
        self.sampleWeights = sampleWeights
        self.classCount = classCount
        self.c = c
        self.threads = threads
        self.weightSum = sampleWeights.reduce(0.0) { $0 + Double($1) }
        self.residuals = [Float](repeating: 0, count: matrix.rowCount * classCount)
    }

    var parameterCount: Int { (featureCount + 1) * classCount }

    /// The objective at θ, writing its gradient. O(nnz·K + blocks·V·K).
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> Double {
        let k = classCount, v = featureCount, n = documentCount
        let blocks = byColumn.blocks
        var blockLoss = [Double](repeating: 0, count: blocks.count)

        // Forward, one block of documents at a time: scores term by term (reading W in order),
        // then probabilities, loss and residuals sᵢ·(pᵢ − onehot(yᵢ)).
        residuals.withUnsafeMutableBufferPointer { residuals in
            blockLoss.withUnsafeMutableBufferPointer { blockLoss in
                let out = UncheckedSendable((residuals, blockLoss))
                forEachBlock(count: blocks.count, blockSize: 1, threads: threads) { _, b in
                    let block = blocks[b]
                    let scores = UnsafeMutableBufferPointer(rebasing: out.value.0[block.rows.lowerBound * k..<block.rows.upperBound * k])
                    for r in 0..<block.rows.count { for j in 0..<k { scores[r * k + j] = theta[v * k + j] } }
                    block.columnStarts.withUnsafeBufferPointer { starts in
                        block.localRows.withUnsafeBufferPointer { rows in
                            block.values.withUnsafeBufferPointer { values in
                                for t in 0..<v where starts[t] < starts[t + 1] {
                                    let w = t * k
                                    for e in Int(starts[t])..<Int(starts[t + 1]) {
                                        let x = values[e], d = Int(rows[e]) * k
                                        for j in 0..<k { scores[d + j] += x * theta[w + j] }
                                    }
                                }
                            }
                        }
                    }
                    var loss = 0.0
                    for local in 0..<block.rows.count {
                        let r = block.rows.lowerBound + local
                        let row = UnsafeMutableBufferPointer(rebasing: scores[local * k..<(local + 1) * k])
                        let y = Int(labels[r]), weight = sampleWeights[r]
                        let scoreOfLabel = Double(row[y])
                        // −log p_y = log Σ exp(scores) − score_y, exact even when p_y underflows.
                        loss += Double(weight) * (SoftmaxRegression.softmaxInPlace(row) - scoreOfLabel)
                        for j in 0..<k { row[j] *= weight }
                        row[y] -= weight
                    }
                    out.value.1[b] = loss
                }
            }
        }

        // Gradient: Xᵀ·R / S + W / (C·S) term by term (blocks added in order), then the intercepts' Σ R / S.
        let scale = Float(1 / weightSum), penalty = Float(1 / (c * weightSum))
        residuals.withUnsafeBufferPointer { residuals in
            let out = UncheckedSendable(gradient)
            forEachBlock(count: v, blockSize: 8192, threads: threads) { terms, _ in
                let gradient = out.value
                for t in terms { for j in 0..<k { gradient[t * k + j] = penalty * theta[t * k + j] } }
                for block in blocks {
                    let base = block.rows.lowerBound * k
                    block.columnStarts.withUnsafeBufferPointer { starts in
                        block.localRows.withUnsafeBufferPointer { rows in
                            block.values.withUnsafeBufferPointer { values in
                                for t in terms where starts[t] < starts[t + 1] {
                                    let g = t * k
                                    for e in Int(starts[t])..<Int(starts[t + 1]) {
                                        let x = scale * values[e], d = base + Int(rows[e]) * k
                                        for j in 0..<k { gradient[g + j] += x * residuals[d + j] }
                                    }
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
