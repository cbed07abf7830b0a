import LedeParallel

/// Where each counted term landed after the vocabulary was chosen: the column of each token id and of
/// each n-gram entry of each shard (-1: not chosen), plus one bit per n-gram entry, set when it was chosen
/// (a table small enough to stay in cache, tested before the column is read; set by `markChosenNGrams`
/// once the columns are written). Owned buffers, written by several threads at disjoint places while
/// built, then only read.
final class ColumnMap: @unchecked Sendable {
    let tokenColumns: UnsafeMutableBufferPointer<Int32>
    let ngramColumns: [UnsafeMutableBufferPointer<Int32>]
    let ngramChosen: [UnsafeMutableBufferPointer<UInt64>]

    init(tokenCount: Int, ngramCounts: [Int], threads: Int) {
        tokenColumns = .allocate(capacity: max(tokenCount, 1))
        ngramColumns = ngramCounts.map { .allocate(capacity: max($0, 1)) }
        ngramChosen = ngramCounts.map { .allocate(capacity: max(($0 + 63) / 64, 1)) }
        let (tokenColumns, ngramColumns, ngramChosen) = (self.tokenColumns, self.ngramColumns, self.ngramChosen)
        parallelFor(blocks: 1 + ngramCounts.count, threads: threads) { part in
            if part == 0 {
                tokenColumns.initialize(repeating: -1)
            } else {
                ngramColumns[part - 1].initialize(repeating: -1)
                ngramChosen[part - 1].initialize(repeating: 0)
            }
        }
    }

    /// Sets the chosen bit of every n-gram entry that has a column, each shard by one thread.
    func markChosenNGrams(threads: Int) {
        let shards = ngramColumns.count
        guard shards > 0 else { return }
        parallelFor(blocks: shards, threads: threads) { s in
            let columns = ngramColumns[s], chosen = ngramChosen[s]
            for word in 0..<chosen.count {
                var bits: UInt64 = 0
                for e in (word * 64)..<min(columns.count, word * 64 + 64) where columns[e] >= 0 {
                    bits |= 1 << UInt64(e & 63)
                }
                chosen[word] = bits
            }
        }
    }

    deinit {
        tokenColumns.deallocate()
        for buffer in ngramColumns { buffer.deallocate() }
        for buffer in ngramChosen { buffer.deallocate() }
    }
}
