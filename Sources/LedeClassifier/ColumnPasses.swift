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

    /// `result[t][a][j] = Σᵣ targets[t][r, j]·vectors[a][r, j]`: every vector's column-by-column dot
    /// products with one or two targets, in one pass.
    static func dots(_ vectors: [UnsafePointer<Float>], with targets: [UnsafePointer<Float>], rows: Int, columns k: Int,
                     threads: Int) -> [[[Double]]] {
        let pairs = vectors.count * targets.count, items = (rows + rowsPerItem - 1) / rowsPerItem
        var partial = [Double](repeating: 0, count: items * pairs * k)
        partial.withUnsafeMutableBufferPointer { partial in
            let shared = (vectors, targets, partial.baseAddress!)
            parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, item in
                let (vectors, targets, partial) = shared
                let sums = partial + item * pairs * k
                var floats = [Float](repeating: 0, count: pairs * k)
                floats.withUnsafeMutableBufferPointer { floats in
                    let f = floats.baseAddress!
                    for start in stride(from: range.lowerBound, to: range.upperBound, by: rowsPerFlush) {
                        for r in start..<min(range.upperBound, start + rowsPerFlush) {
                            for (t, target) in targets.enumerated() {
                                for (a, vector) in vectors.enumerated() {
                                    RowKernels.multiplyAccumulate(vector + r &* k, target + r &* k, into: f + (t * vectors.count + a) * k, count: k)
                                }
                            }
                        }
                        for i in 0..<pairs * k {
                            sums[i] += Double(f[i])
                            f[i] = 0
                        }
                    }
                }
            }
        }
        var result = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: k), count: vectors.count),
                                  count: targets.count)
        for item in 0..<items {
            for t in targets.indices {
                for a in vectors.indices {
                    let base = (item * pairs + t * vectors.count + a) * k
                    for j in 0..<k { result[t][a][j] += partial[base + j] }
                }
            }
        }
        return result
    }

    /// Per column: Σ x² over the first `squaredRows` rows, and max |g| over all rows.
    static func squaresAndLargest(_ x: UnsafePointer<Float>, squaredRows: Int, _ g: UnsafePointer<Float>, rows: Int, columns k: Int,
                                  threads: Int) -> (squares: [Double], largest: [Float]) {
        let items = (rows + rowsPerItem - 1) / rowsPerItem
        var squares = [Double](repeating: 0, count: items * k), largest = [Float](repeating: 0, count: items * k)
        squares.withUnsafeMutableBufferPointer { squares in
            largest.withUnsafeMutableBufferPointer { largest in
                let shared = (x, g, squares.baseAddress!, largest.baseAddress!)
                parallelFor(count: rows, blockSize: rowsPerItem, threads: threads) { range, item in
                    let (x, g, squares, largest) = shared
                    let s = squares + item * k, m = largest + item * k
                    var floats = [Float](repeating: 0, count: k)
                    floats.withUnsafeMutableBufferPointer { floats in
                        let f = floats.baseAddress!
                        for start in stride(from: range.lowerBound, to: range.upperBound, by: rowsPerFlush) {
                            let end = min(range.upperBound, start + rowsPerFlush)
                            for r in start..<min(end, squaredRows) {
                                RowKernels.multiplyAccumulate(x + r &* k, x + r &* k, into: f, count: k)
                            }
                            for r in start..<end {
                                for j in 0..<k {
                                    let v = abs(g[r &* k &+ j])
                                    if v > m[j] || v.isNaN { m[j] = m[j].isNaN ? m[j] : v }
                                }
                            }
                            for j in 0..<k {
                                s[j] += Double(f[j])
                                f[j] = 0
                            }
                        }
                    }
                }
            }
        }
        var totalSquares = [Double](repeating: 0, count: k), totalLargest = [Float](repeating: 0, count: k)
        for item in 0..<items {
            for j in 0..<k {
                totalSquares[j] += squares[item * k + j]
                // A NaN gradient must show: it compares as larger than anything.
                let v = largest[item * k + j]
                if v.isNaN || v > totalLargest[j] { totalLargest[j] = v.isNaN ? .nan : v }
            }
        }
        return (totalSquares, totalLargest)
    }
}
