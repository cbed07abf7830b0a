import LedeFeatures
import LedeParallel

/// Passes over long Float vectors laid out as R rows of K columns (row-major: a model's V + 1 rows of
/// K label weights), where every label (column) has its own coefficients and its own sums: the vector
/// algebra of `LabelwiseLBFGS`, which runs one L-BFGS per label in lockstep.
///
/// Each pass streams the rows once; a row's K values and the K per-column coefficients or sums sit
/// side by side, so the arithmetic is SIMD over the columns. Work is split in fixed pieces of rows
/// whose partial sums are added in order (in Double), so results do not depend on the thread count.
enum ColumnPasses {
    /// Rows per parallel work item.
    static let rowsPerItem = 2048
    /// Rows summed in Float before the sums are added into Double.
    static let rowsPerFlush = 64

    /// `out[r, j] = Σₐ coefficients[a][j]·vectors[a][r, j]`. Reads each vector once.
    static func combine(_ coefficients: [[Float]], _ vectors: [UnsafePointer<Float>], into out: UnsafeMutablePointer<Float>,
                        rows: Int, columns k: Int, threads: Int) {
        precondition(coefficients.count == vectors.count && coefficients.allSatisfy { $0.count == k })
        let shared = (vectors, out, coefficients)
        parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, _ in
            let (vectors, out, coefficients) = shared
            for r in range {
                let target = out + r &* k
                if vectors.isEmpty { target.update(repeating: 0, count: k); continue }
                coefficients[0].withUnsafeBufferPointer { c in
                    for j in 0..<k { target[j] = c[j] * vectors[0][r &* k &+ j] }
                }
                for a in 1..<vectors.count {
                    coefficients[a].withUnsafeBufferPointer { c in
                        RowKernels.multiplyAdd(c.baseAddress!, vectors[a] + r &* k, to: target, count: k)
                    }
                }
            }
        }
    }

    /// `y[r, j] += coefficients[j]·x[r, j]`.
    static func scaledAdd(_ coefficients: [Float], _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>,
                          rows: Int, columns k: Int, threads: Int) {
        precondition(coefficients.count == k)
        let shared = (x, y)
        coefficients.withUnsafeBufferPointer { c in
            let c = c.baseAddress!
            parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, _ in
                let (x, y) = shared
                for r in range { RowKernels.multiplyAdd(c, x + r &* k, to: y + r &* k, count: k) }
            }
        }
    }

    /// `result[p][j] = Σᵣ pairs[p].0[r, j]·pairs[p].1[r, j]`: the column-by-column dot products of
    /// several pairs of vectors in one pass (a vector in several pairs is read from memory once a row).
    static func dots(_ pairs: [(UnsafePointer<Float>, UnsafePointer<Float>)], rows: Int, columns k: Int,
                     threads: Int) -> [[Double]] {
        let count = pairs.count, items = (rows + rowsPerItem - 1) / rowsPerItem
        var partial = [Double](repeating: 0, count: items * count * k)
        partial.withUnsafeMutableBufferPointer { partial in
            let shared = (pairs, partial.baseAddress!)
            parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, item in
                let (pairs, partial) = shared
                let sums = partial + item * count * k
                var floats = [Float](repeating: 0, count: count * k)
                floats.withUnsafeMutableBufferPointer { floats in
                    let f = floats.baseAddress!
                    for start in stride(from: range.lowerBound, to: range.upperBound, by: rowsPerFlush) {
                        for r in start..<min(range.upperBound, start + rowsPerFlush) {
                            for (p, (u, v)) in pairs.enumerated() {
                                RowKernels.multiplyAccumulate(u + r &* k, v + r &* k, into: f + p * k, count: k)
                            }
                        }
                        for i in 0..<count * k {
                            sums[i] += Double(f[i])
                            f[i] = 0
                        }
                    }
                }
            }
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: k), count: count)
        for item in 0..<items {
            for p in 0..<count {
                let base = (item * count + p) * k
                for j in 0..<k { result[p][j] += partial[base + j] }
            }
        }
        return result
    }

    /// Keeps only some columns of a rows×k matrix, in place: afterwards its first `rows·columns.count`
    /// values are the rows×n matrix of those columns (`columns` increasing). Rows move forward only,
    /// so each value is read before anything is written over it. O(rows·k).
    static func compact(_ x: UnsafeMutablePointer<Float>, rows: Int, columns k: Int, keeping columns: [Int]) {
        let n = columns.count
        columns.withUnsafeBufferPointer { columns in
            for r in 0..<rows {
                let from = x + r &* k, to = x + r &* n
                for c in 0..<n { to[c] = from[columns[c]] }
            }
        }
    }

    /// `out[r, c] = x[r, columns[c]]`: some columns of a rows×k matrix as a rows×n one.
    static func gather(_ x: UnsafePointer<Float>, columns k: Int, _ columns: [Int], into out: UnsafeMutablePointer<Float>,
                       rows: Int, threads: Int) {
        let n = columns.count
        columns.withUnsafeBufferPointer { columns in
            let shared = (x, out, columns)
            parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, _ in
                let (x, out, columns) = shared
                for r in range { for c in 0..<n { out[r &* n &+ c] = x[r &* k &+ columns[c]] } }
            }
        }
    }

    /// `out[r, columns[c]] = x[r, c]`: a rows×n matrix written into some columns of a rows×k one.
    static func scatter(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, columns k: Int, _ columns: [Int],
                        rows: Int, threads: Int) {
        let n = columns.count
        columns.withUnsafeBufferPointer { columns in
            let shared = (x, out, columns)
            parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, _ in
                let (x, out, columns) = shared
                for r in range { for c in 0..<n { out[r &* k &+ columns[c]] = x[r &* n &+ c] } }
            }
        }
    }
}
