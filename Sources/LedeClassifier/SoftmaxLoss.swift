import LedeBLAS
import LedeFeatures
import LedeParallel

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

    /// Largest gradient component written by the last `evaluate`.
    private(set) var gradientMax = 0.0

    /// Terms per gradient work item: the item's weights and gradient rows stay in cache while every
    /// block of documents adds to them.
    static let gradientTerms = 4096

    /// The objective at θ, writing its gradient (and `gradientMax`). O(nnz·K + blocks·V + V·K).
    mutating func evaluate(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> Double {
        let k = classCount, v = featureCount, n = documentCount
        precondition(theta.count == parameterCount && gradient.count == parameterCount, "SoftmaxLoss: wrong parameter count")
        let blocks = byColumn.blocks
        let w = theta.baseAddress!
        var blockLoss = [Double](repeating: 0, count: blocks.count)

        // Forward, one block of documents at a time: scores term by term (reading W in order),
        // then probabilities, loss and residuals sᵢ·(pᵢ − onehot(yᵢ)).
        residuals.withUnsafeMutableBufferPointer { residuals in
            blockLoss.withUnsafeMutableBufferPointer { blockLoss in
                let out = (residuals.baseAddress!, blockLoss)
                parallelFor(blocks: blocks.count, threads: threads) { b in
                    let block = blocks[b]
                    let scores = out.0 + block.rows.lowerBound * k
                    for r in 0..<block.rows.count { (scores + r * k).update(from: w + v * k, count: k) }
                    block.columnStarts.withUnsafeBufferPointer { starts in
                        block.localRows.withUnsafeBufferPointer { rows in
                            block.values.withUnsafeBufferPointer { values in
                                for t in 0..<v {
                                    let first = Int(starts[t]), end = Int(starts[t &+ 1])
                                    if first == end { continue }
                                    let weights = w + t &* k
                                    for e in first..<end {
                                        RowKernels.addScaled(values[e], weights, to: scores + Int(rows[e]) &* k, count: k)
                                    }
                                }
                            }
                        }
                    }
                    var loss = 0.0
                    for local in 0..<block.rows.count {
                        let r = block.rows.lowerBound + local
                        let row = UnsafeMutableBufferPointer(start: scores + local * k, count: k)
                        let y = Int(labels[r]), weight = sampleWeights[r]
                        let scoreOfLabel = Double(row[y])
                        // −log p_y = log Σ exp(scores) − score_y, exact even when p_y underflows.
                        loss += Double(weight) * (SoftmaxRegression.softmaxInPlace(row) - scoreOfLabel)
                        for j in 0..<k { row[j] *= weight }
                        row[y] -= weight
                    }
                    out.1[b] = loss
                }
            }
        }

        // Gradient: Xᵀ·R / S + W / (C·S) term by term (blocks added in order), then the intercepts'
        // Σ R / S. Each work item of terms also sums ‖W‖² and finds its largest gradient component.
        let scale = Float(1 / weightSum), penalty = Float(1 / (c * weightSum))
        let items = (v + Self.gradientTerms - 1) / Self.gradientTerms
        var itemNorm = [Double](repeating: 0, count: items), itemMax = [Float](repeating: 0, count: items)
        residuals.withUnsafeBufferPointer { residuals in
            itemNorm.withUnsafeMutableBufferPointer { itemNorm in
                itemMax.withUnsafeMutableBufferPointer { itemMax in
                    let (g, r) = (gradient.baseAddress!, residuals.baseAddress!)
                    parallelFor(count: v, blockSize: Self.gradientTerms, threads: threads) { terms, item in
                        let offset = terms.lowerBound * k, length = terms.count * k
                        let norm = RowKernels.scaleSummingSquares(penalty, w + offset, to: g + offset, count: length)
                        for block in blocks {
                            let base = r + block.rows.lowerBound * k
                            block.columnStarts.withUnsafeBufferPointer { starts in
                                block.localRows.withUnsafeBufferPointer { rows in
                                    block.values.withUnsafeBufferPointer { values in
                                        for t in terms {
                                            let first = Int(starts[t]), end = Int(starts[t &+ 1])
                                            if first == end { continue }
                                            let row = g + t &* k
                                            for e in first..<end {
                                                RowKernels.addScaled(scale * values[e], base + Int(rows[e]) &* k, to: row, count: k)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        itemNorm[item] = Double(norm)
                        itemMax[item] = RowKernels.largestMagnitude(g + offset, count: length)
                    }
                }
            }
            for j in 0..<k { gradient[v * k + j] = 0 }
            for r in 0..<n { for j in 0..<k { gradient[v * k + j] += residuals[r * k + j] } }
            for j in 0..<k { gradient[v * k + j] *= scale }
        }
        var largest = itemMax.max() ?? 0
        for j in 0..<k { largest = max(largest, abs(gradient[v * k + j])) }
        gradientMax = Double(largest)
        let squaredNorm = itemNorm.reduce(0, +)
        return blockLoss.reduce(0, +) / weightSum + squaredNorm / (2 * c * weightSum)
    }
}
