import LedeFeatures

/// The training matrix stored by column (CSC) in fixed blocks of documents: for each block and each
/// term, the block's documents the term occurs in.
///
/// Why: going term by term reads the weights in order, so both products of training, the scores
/// `X·W` and the gradient `Xᵀ·R`, stream through the large weight matrix instead of jumping around
/// in it; the per-document scores of one block (block size × labels floats) stay in cache. Blocks
/// have a fixed size whatever the thread count, and their results are combined in block order, so
/// training gives the same model on any number of threads. Building it is O(nnz + blocks·V).
struct ColumnMajorCopy: Sendable {
    /// One block of documents, `rows` of the matrix, in CSC form with block-local row numbers.
    struct Block: Sendable {
        let rows: Range<Int>
        /// Offsets into `localRows`/`values` where each column starts; `columnCount + 1` entries.
        let columnStarts: [Int32]
        /// Row of each entry, relative to `rows.lowerBound`.
        let localRows: [Int32]
        let values: [Float]
    }

    let blocks: [Block]

    static let blockRows = 2048

    init(_ matrix: CSRMatrix) {
        blocks = stride(from: 0, to: matrix.rowCount, by: Self.blockRows).map { start in
            Self.block(matrix, start..<min(matrix.rowCount, start + Self.blockRows))
        }
    }

    private static func block(_ matrix: CSRMatrix, _ rows: Range<Int>) -> Block {
        var counts = [Int32](repeating: 0, count: matrix.columnCount + 1)
        let entries = matrix.rowStarts[rows.lowerBound]..<matrix.rowStarts[rows.upperBound]
        for e in entries { counts[Int(matrix.columns[e]) + 1] += 1 }
        for c in 0..<matrix.columnCount { counts[c + 1] += counts[c] }
        var next = counts
        var localRows = [Int32](repeating: 0, count: entries.count)
        var values = [Float](repeating: 0, count: entries.count)
        for r in rows {
            for e in matrix.entries(ofRow: r) {
                let c = Int(matrix.columns[e])
                let slot = Int(next[c])
                localRows[slot] = Int32(r - rows.lowerBound)
                values[slot] = matrix.values[e]
                next[c] += 1
            }
        }
        return Block(rows: rows, columnStarts: counts, localRows: localRows, values: values)
    }
}
