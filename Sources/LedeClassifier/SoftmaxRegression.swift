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
                    RowKernels.addScaled(values[e], theta.baseAddress! + Int(columns[e]) * k, to: scores.baseAddress!, count: k)
                }
            }
        }
    }

    /// Turns rows of K scores (N×K, row-major) into probabilities in place, each score divided by
    /// `temperature` first (1: as they are). O(N·K).
    static func softmaxRows(_ rows: UnsafeMutableBufferPointer<Float>, classCount k: Int, temperature: Double = 1) {
        let inverse = Float(1 / temperature)
        for r in 0..<(k > 0 ? rows.count / k : 0) {
            let row = UnsafeMutableBufferPointer(rebasing: rows[r * k..<(r + 1) * k])
            if temperature != 1 { for j in row.indices { row[j] *= inverse } }
            softmaxInPlace(row)
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
