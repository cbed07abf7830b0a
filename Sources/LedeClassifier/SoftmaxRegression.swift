import Foundation
import CPrefetch
import LedeFeatures

/// The arithmetic of a multinomial logistic-regression model over sparse rows, shared by training
/// and prediction. Parameters are `(V + 1)·K` floats: row `t` holds term `t`'s weights for the K
/// labels and row `V` the intercepts.
enum SoftmaxRegression {
    /// `scores ← intercepts + Σₜ x_t·W[t, :]` for one row of `matrix`. O(nnz(row)·K).
    @inline(__always)
    static func scores(matrix: CSRMatrix, row: Int, theta: UnsafeBufferPointer<Float>, classCount k: Int,
                       into scores: UnsafeMutableBufferPointer<Float>) {
        let intercepts = matrix.columnCount * k
        for j in 0..<k { scores[j] = theta[intercepts + j] }
        matrix.columns.withUnsafeBufferPointer { columns in
            matrix.values.withUnsafeBufferPointer { values in
                let entries = matrix.entries(ofRow: row)
                // The weight rows are scattered over the whole matrix: ask for the rows of entries a
                // few places ahead, so that their cache misses overlap with this entry's work.
                for e in entries {
                    if e + 8 < entries.upperBound { lede_prefetch(theta.baseAddress! + Int(columns[e + 8]) * k) }
                    let x = values[e], w = Int(columns[e]) * k
                    for j in 0..<k { scores[j] += x * theta[w + j] }
                }
            }
        }
    }

    /// Turns scores into probabilities in place and returns log Σ exp(scores), computed stably. O(K).
    @inline(__always)
    @discardableResult
    static func softmaxInPlace(_ scores: UnsafeMutableBufferPointer<Float>) -> Double {
        var largest = -Float.infinity
        for s in scores { largest = max(largest, s) }
        var sum: Float = 0
        for j in scores.indices {
            scores[j] = expf(scores[j] - largest)
            sum += scores[j]
        }
        let inverse = 1 / sum
        for j in scores.indices { scores[j] *= inverse }
        return Double(largest) + Double(logf(sum))
    }
}
