/// The position of the largest score in a row (0 for the row's first element, whatever its start
/// index), the lowest such position on a tie: what `row.indices.max { row[$0] < row[$1] }` finds,
/// minus the row's start. A NaN never replaces the best so far (nor is replaced, when it comes
/// first). The row must not be empty. O(K).
package func argmax(_ row: ArraySlice<Float>) -> Int {
    precondition(!row.isEmpty, "argmax of an empty row")
    var best = row.startIndex
    for j in row.indices.dropFirst() where row[best] < row[j] { best = j }
    return best - row.startIndex
}
