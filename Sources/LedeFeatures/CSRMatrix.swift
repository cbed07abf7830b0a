/// A sparse matrix in compressed sparse row form: one row per document, one column per term.
///
/// Row `r`'s entries are `columns[rowStarts[r]..<rowStarts[r+1]]` with the matching `values`;
/// within a row, columns are strictly increasing. This is the layout scikit-learn's `csr_matrix`
/// uses (`indptr`, `indices`, `data`), so the two compare entry by entry.
public struct CSRMatrix: Sendable, Equatable {
    /// Offsets into `columns` and `values` where each row starts; `rowCount + 1` entries, first 0.
    public var rowStarts: [Int]
    /// Column index of each stored entry.
    public var columns: [Int32]
    /// Value of each stored entry.
    public var values: [Float]
    /// Number of columns (the vocabulary size).
    public var columnCount: Int

    /// Creates a matrix from its three arrays, checking that they describe a valid CSR layout.
    public init(rowStarts: [Int], columns: [Int32], values: [Float], columnCount: Int) {
        precondition(!rowStarts.isEmpty && rowStarts[0] == 0, "CSRMatrix: rowStarts must start with 0")
        precondition(rowStarts.last == columns.count && columns.count == values.count,
                     "CSRMatrix: rowStarts, columns and values disagree on the entry count")
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.columnCount = columnCount
    }

    /// An empty matrix with the given number of columns and no rows.
    public init(columnCount: Int) {
        self.init(rowStarts: [0], columns: [], values: [], columnCount: columnCount)
    }

    /// Number of rows (documents).
    public var rowCount: Int { rowStarts.count - 1 }

    /// Number of stored entries.
    public var entryCount: Int { values.count }

    /// The range of entry positions that belong to row `r`. O(1).
    @inline(__always)
    public func entries(ofRow r: Int) -> Range<Int> { rowStarts[r]..<rowStarts[r + 1] }

    /// Appends a row given as parallel arrays of strictly increasing columns and their values. O(nnz of the row).
    public mutating func appendRow(columns rowColumns: [Int32], values rowValues: [Float]) {
        precondition(rowColumns.count == rowValues.count, "CSRMatrix.appendRow: columns and values differ in length")
        columns.append(contentsOf: rowColumns)
        values.append(contentsOf: rowValues)
        rowStarts.append(columns.count)
    }
}
