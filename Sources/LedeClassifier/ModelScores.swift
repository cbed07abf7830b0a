import LedeFeatures
import LedeParallel

extension LogisticRegressionModel {
    /// The scores (logits) before the softmax for every row of `matrix`, as rows of K floats
    /// (N×K, row-major). O(nnz·K).
    public func scores(_ matrix: CSRMatrix, threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        precondition(matrix.columnCount == featureCount, "matrix has \(matrix.columnCount) columns, model \(featureCount)")
        let k = labels.count
        var out = [Float](repeating: 0, count: matrix.rowCount * k)
        parameters.withUnsafeBufferPointer { theta in
            out.withUnsafeMutableBufferPointer { out in
                parallelFor(count: matrix.rowCount, blockSize: 256, threads: threads) { rows, _ in
                    for r in rows {
                        let row = UnsafeMutableBufferPointer(rebasing: out[r * k..<(r + 1) * k])
                        SoftmaxRegression.scores(matrix: matrix, row: r, theta: theta, classCount: k, into: row)
                    }
                }
            }
        }
        return out
    }

    /// Label probabilities with every score divided by `temperature` first (N×K, row-major).
    public func probabilities(_ matrix: CSRMatrix, temperature: Double, threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        var out = scores(matrix, threads: threads)
        out.withUnsafeMutableBufferPointer { SoftmaxRegression.softmaxRows($0, classCount: labels.count, temperature: temperature) }
        return out
    }
}
