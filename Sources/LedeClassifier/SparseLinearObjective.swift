import LedeBLAS
import LedeFeatures
import LedeParallel

/// What a linear model's loss does with one document's scores: turn them into the document's loss and,
/// in place, into its residuals (the loss's derivative with respect to each score), both times the
/// document's sample weight. The softmax model (`SoftmaxLoss`) and the one-vs-rest model
/// (`OneVsRestLoss`) differ only here.
protocol RowLoss {
    /// The weighted loss of document `row` with these K `scores`, which it overwrites with the weighted residuals.
    func lossAndResiduals(row: Int, scores: UnsafeMutableBufferPointer<Float>, weight: Float) -> Double
}

/// The training objective of a linear model over sparse TF-IDF rows with K scores per document,
///
///     f(θ) = (1/S)·Σᵢ sᵢ·lossᵢ(xᵢ·W + b) + ‖W‖² / (2·C·S),   S = Σᵢ sᵢ,
///
/// where `sᵢ` are sample weights and the intercepts `b` are not penalized: scikit-learn's scaling, so
/// that `C·S·f` is its documented objective `½‖W‖² + C·Σ loss`. The per-document loss is a `RowLoss`.
///
/// Parameters θ are one Float array of `(V + 1)·K` values: row `t < V` holds term `t`'s weight for
/// each of the K labels, row `V` the intercepts. Work is split in fixed blocks of documents (forward)
/// and of terms (gradient), so the value and gradient do not depend on the thread count.
struct SparseLinearObjective {
    let featureCount: Int
    let documentCount: Int
    let byColumn: ColumnMajorCopy
    let sampleWeights: [Float]
    let classCount: Int
    let c: Double
    let threads: Int
    let weightSum: Double
    /// Per-document scores, then the weighted residuals, N×K; reused across evaluations.
    private var residuals: [Float]

    init(matrix: CSRMatrix, sampleWeights: [Float], classCount: Int, c: Double, threads: Int) {
        precondition(sampleWeights.count == matrix.rowCount)
        self.featureCount = matrix.columnCount
        self.documentCount = matrix.rowCount
        self.byColumn = ColumnMajorCopy(matrix)
        self.sampleWeights = sampleWeights
        self.classCount = classCount
        self.c = c
        self.threads = threads
        self.weightSum = sampleWeights.reduce(0.0) { $0 + Double($1) }
        self.residuals = [Float](repeating: 0, count: matrix.rowCount * classCount)
    }

    /// The same objective over the same rows with `classCount` scores per document (the rows' column-major
    /// copy shared, not rebuilt).
    func narrowed(to classCount: Int) -> SparseLinearObjective {
        var narrow = SparseLinearObjective(byColumn: byColumn, featureCount: featureCount, documentCount: documentCount,
                                           sampleWeights: sampleWeights, classCount: classCount, c: c, threads: threads, weightSum: weightSum)
        narrow.findsColumnStatistics = findsColumnStatistics
        return narrow
    }

    private init(byColumn: ColumnMajorCopy, featureCount: Int, documentCount: Int, sampleWeights: [Float], classCount: Int, c: Double,
                 threads: Int, weightSum: Double) {
        self.featureCount = featureCount
        self.documentCount = documentCount
        self.byColumn = byColumn
        self.sampleWeights = sampleWeights
        self.classCount = classCount
        self.c = c
        self.threads = threads
        self.weightSum = weightSum
        self.residuals = [Float](repeating: 0, count: documentCount * classCount)
    }

    var parameterCount: Int { (featureCount + 1) * classCount }

    /// Largest gradient component written by the last `evaluate`.
    private(set) var gradientMax = 0.0
    /// Whether `evaluate` also finds, label by label, ‖W[:, j]‖² and the largest gradient component
    /// (`columnSquares`, `columnLargest`), in its gradient pass: what a one-vs-rest model's labelwise
    /// optimizer needs, without another pass over the parameters.
    var findsColumnStatistics = false
    /// Per label: Σₜ W[t, j]² and maxₜ |∇[t, j]| (intercepts included) at the last `evaluate`, when asked for.
    private(set) var columnSquares: [Double] = []
    private(set) var columnLargest: [Float] = []

    /// Terms per gradient work item: the item's weights and gradient rows stay in cache while every
    /// block of documents adds to them.
    static let gradientTerms = 4096

    /// The objective at θ, writing its gradient (and `gradientMax`). O(nnz·K + blocks·V + V·K).
    mutating func evaluate<Loss: RowLoss>(_ theta: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>,
                                          loss rowLoss: Loss) -> Double {
        let k = classCount, v = featureCount, n = documentCount
        precondition(theta.count == parameterCount && gradient.count == parameterCount, "SparseLinearObjective: wrong parameter count")
        let blocks = byColumn.blocks
        let w = theta.baseAddress!
        var blockLoss = [Double](repeating: 0, count: blocks.count)
        let sampleWeights = sampleWeights

        // Forward, one block of documents at a time: scores term by term (reading W in order),
        // then each document's loss and residuals.
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
                        loss += rowLoss.lossAndResiduals(row: r, scores: row, weight: sampleWeights[r])
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
        let perColumn = findsColumnStatistics
        var itemColumns = perColumn ? [ColumnStatistics](repeating: ColumnStatistics(columns: k), count: items) : []
        residuals.withUnsafeBufferPointer { residuals in
            itemNorm.withUnsafeMutableBufferPointer { itemNorm in
                itemMax.withUnsafeMutableBufferPointer { itemMax in
                  itemColumns.withUnsafeMutableBufferPointer { itemColumns in
                    let out = (gradient.baseAddress!, residuals.baseAddress!, itemNorm, itemMax, itemColumns)
                    parallelFor(count: v, blockSize: Self.gradientTerms, threads: threads) { terms, item in
                        let (g, r, _, _, _) = out
                        let offset = terms.lowerBound * k, length = terms.count * k
                        let norm = perColumn ? out.4[item].scaleSummingSquares(penalty, w, to: g, rows: terms)
                            : RowKernels.scaleSummingSquares(penalty, w + offset, to: g + offset, count: length)
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
                        out.2[item] = Double(norm)
                        out.3[item] = perColumn ? out.4[item].findLargest(g, rows: terms)
                            : RowKernels.largestMagnitude(g + offset, count: length)
                    }
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
        if perColumn {
            var total = ColumnStatistics(columns: k)
            for item in itemColumns { total.add(item) }
            total.findLargest(gradient.baseAddress!, rows: v..<(v + 1))
            columnSquares = total.squares
            columnLargest = total.largest
        }
        let squaredNorm = itemNorm.reduce(0, +)
        return blockLoss.reduce(0, +) / weightSum + squaredNorm / (2 * c * weightSum)
    }
}
