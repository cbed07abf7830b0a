/// Label by label (column by column of a row-major R×K matrix), a sum of squares and a largest
/// magnitude over some rows: what `SparseLinearObjective` finds for a one-vs-rest model, one work item
/// of terms at a time, the items' sums then added in order (so the result does not depend on threads).
struct ColumnStatistics {
    private(set) var squares: [Double]
    /// Largest magnitudes as bit patterns of |x|, which order like the values, a NaN above all.
    private var largestBits: [UInt32]

    init(columns k: Int) {
        squares = [Double](repeating: 0, count: k)
        largestBits = [UInt32](repeating: 0, count: k)
    }

    var largest: [Float] { largestBits.map { Float(bitPattern: $0) } }

    /// `y[t, :] = a·x[t, :]` for the rows t, adding each column's Σ x² to `squares` (in Float for
    /// `ColumnPasses.rowsPerFlush` rows at a time); returns the rows' Σ x² in all.
    mutating func scaleSummingSquares(_ a: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, rows: Range<Int>) -> Float {
        let k = squares.count
        var floats = [Float](repeating: 0, count: k)
        floats.withUnsafeMutableBufferPointer { floats in
            let f = floats.baseAddress!
            for start in stride(from: rows.lowerBound, to: rows.upperBound, by: ColumnPasses.rowsPerFlush) {
                for t in start..<min(rows.upperBound, start + ColumnPasses.rowsPerFlush) {
                    RowKernels.multiplyAccumulate(x + t &* k, x + t &* k, into: f, count: k)
                    for j in 0..<k { y[t &* k &+ j] = a * x[t &* k &+ j] }
                }
                for j in 0..<k {
                    squares[j] += Double(f[j])
                    f[j] = 0
                }
            }
        }
        return Float(squares.reduce(0, +))
    }

    /// Takes each column's largest |x[t, j]| over the rows; returns the largest of all (NaN if any is).
    @discardableResult
    mutating func findLargest(_ x: UnsafePointer<Float>, rows: Range<Int>) -> Float {
        let k = largestBits.count
        largestBits.withUnsafeMutableBufferPointer { m in
            for t in rows { RowKernels.takeLargestMagnitudes(x + t &* k, into: m.baseAddress!, count: k) }
        }
        return Float(bitPattern: largestBits.max() ?? 0)
    }

    /// Adds another item's sums, and takes its largest magnitudes.
    mutating func add(_ other: ColumnStatistics) {
        for j in squares.indices {
            squares[j] += other.squares[j]
            largestBits[j] = max(largestBits[j], other.largestBits[j])
        }
    }
}
