/// Where each counted term landed after the vocabulary was chosen: the column of each token id and of
/// each n-gram entry of each shard (-1: not chosen), plus one bit per n-gram entry, set when it was chosen
/// (a table small enough to stay in cache, tested before the column is read). Owned buffers, written by
/// several threads at disjoint places while built, then only read.
final class ColumnMap: @unchecked Sendable {
    let tokenColumns: UnsafeMutableBufferPointer<Int32>
    let ngramColumns: [UnsafeMutableBufferPointer<Int32>]
    let ngramChosen: [UnsafeMutableBufferPointer<UInt64>]

    init(tokenCount: Int, ngramCounts: [Int]) {
        tokenColumns = .allocate(capacity: max(tokenCount, 1))
        tokenColumns.initialize(repeating: -1)
        ngramColumns = ngramCounts.map { count in
            let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(count, 1))
            buffer.initialize(repeating: -1)
            return buffer
        }
        ngramChosen = ngramCounts.map { count in
            let buffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max((count + 63) / 64, 1))
            buffer.initialize(repeating: 0)
            return buffer
        }
    }

    deinit {
        tokenColumns.deallocate()
        for buffer in ngramColumns { buffer.deallocate() }
        for buffer in ngramChosen { buffer.deallocate() }
    }
}
