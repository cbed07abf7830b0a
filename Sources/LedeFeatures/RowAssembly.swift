import LedeParallel
import LedeText

/// Rows one worker produced, in the order it produced them, with the batches of documents they belong to.
final class RowSink {
    /// A run of consecutive documents: the first document's index in the corpus, its row here, how many.
    struct Batch {
        var firstDocument: Int
        var firstRow: Int
        var count: Int
    }

    let columns = GrowableArray<Int32>()
    let values = GrowableArray<Float>()
    /// Entries of each row, in production order.
    let rowLengths = GrowableArray<Int32>()
    var batches: [Batch] = []

    var rowCount: Int { rowLengths.count }
}

/// Copies the rows of several workers into one CSR matrix in document order, in parallel. Each document
/// must be in exactly one batch. O(entries) time, and the matrix itself as extra memory.
func assembleCSR(_ sinks: [RowSink], documentCount: Int, columnCount: Int, threads: Int) -> CSRMatrix {
    var rowStarts = [Int](repeating: 0, count: documentCount + 1)
    var rowOffsets: [[Int]] = []   // per sink: where each of its rows starts in its own arrays
    for sink in sinks {
        var offsets = [Int](repeating: 0, count: sink.rowCount + 1)
        for r in 0..<sink.rowCount { offsets[r + 1] = offsets[r] + Int(sink.rowLengths[r]) }
        rowOffsets.append(offsets)
        for batch in sink.batches {
            for k in 0..<batch.count { rowStarts[batch.firstDocument + k + 1] = Int(sink.rowLengths[batch.firstRow + k]) }
        }
    }
    for d in 0..<documentCount { rowStarts[d + 1] += rowStarts[d] }
    let total = rowStarts[documentCount]
    let starts = rowStarts
    var columns = [Int32]()
    var values = [Float]()
    columns = [Int32](unsafeUninitializedCapacity: total) { columnBuffer, columnCount in
        values = [Float](unsafeUninitializedCapacity: total) { valueBuffer, valueCount in
            let (c, v) = (columnBuffer.baseAddress, valueBuffer.baseAddress)
            parallelFor(blocks: sinks.count, threads: threads) { s in
                let sink = sinks[s], offsets = rowOffsets[s]
                for batch in sink.batches {
                    let from = offsets[batch.firstRow], to = offsets[batch.firstRow + batch.count]
                    let at = starts[batch.firstDocument]
                    if to > from, let c, let v {
                        (c + at).initialize(from: sink.columns.base + from, count: to - from)
                        (v + at).initialize(from: sink.values.base + from, count: to - from)
                    }
                }
            }
            valueCount = total
        }
        columnCount = total
    }
    return CSRMatrix(rowStarts: rowStarts, columns: columns, values: values, columnCount: columnCount)
}
