import LedeFeatures

/// The same sparse matrix stored by column (CSC): for each term, the documents it occurs in.
///
/// The gradient `Xᵀ·R` is computed term by term from it, so each term's gradient row is written by
/// exactly one worker and the result does not depend on the thread count. Building it is O(nnz).
struct ColumnMajorCopy: Sendable {
    /// Offsets into `rows`/`values` where each column starts; `columnCount + 1` entries.
    let columnStarts: [Int]
    /// Row (document) index of each entry, increasing within a column.
    let rows: [Int32]
    /// Value of each entry.
    let values: [Float]

    init(_ matrix: CSRMatrix) {
        var counts = [Int](repeating: 0, count: matrix.columnCount + 1)
        for column in matrix.columns { counts[Int(column) + 1] += 1 }
        for c in 0..<matrix.columnCount { counts[c + 1] += counts[c] }
        columnStarts = counts
        var next = counts
        var rows = [Int32](repeating: 0, count: matrix.entryCount)
        var values = [Float](repeating: 0, count: matrix.entryCount)
        for r in 0..<matrix.rowCount {
            for e in matrix.entries(ofRow: r) {
                let c = Int(matrix.columns[e])
                rows[next[c]] = Int32(r)
                values[next[c]] = matrix.values[e]
                next[c] += 1
            }
        }
        self.rows = rows
        self.values = values
    }
}
