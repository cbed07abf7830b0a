import Synchronization

/// Runs `body(block)` once for each block in `0..<blocks`, on up to `threads` threads (the calling thread
/// is one of them), and returns when every block is done. Threads claim blocks in increasing order as
/// they become free, so which thread runs a block varies from run to run: `body` gives each block's
/// result a place of its own (and a caller that adds results up does so in block order), and then the
/// result does not depend on the thread count. `body` runs on several threads at once; what it writes
/// must be disjoint between blocks, or behind a `LockedValue`.
package func parallelFor(blocks: Int, threads: Int, _ body: (_ block: Int) -> Void) {
    parallelWorkers(blocks: blocks, threads: threads) { _, claims in
        for block in claims { body(block) }
    }
}

/// `parallelFor` over `0..<count` cut into blocks of `blockSize` (the last may be shorter): `body` gets
/// each block's range and its index. The blocks are the same whatever the thread count.
package func parallelFor(count: Int, blockSize: Int, threads: Int, _ body: (_ range: Range<Int>, _ block: Int) -> Void) {
    precondition(blockSize > 0, "parallelFor: the block size must be positive")
    let blocks = count <= 0 ? 0 : (count - 1) / blockSize + 1
    parallelFor(blocks: blocks, threads: threads) { block in
        let start = block * blockSize
        body(start..<(start + min(blockSize, count - start)), block)
    }
}

/// The form of `parallelFor` for work that keeps state per thread (buffers, a workspace, a sink of
/// results): `worker(w, claims)` runs once on each of up to `min(threads, blocks)` threads, `w` being
/// the thread's index among them, and takes blocks from `claims` (`for block in claims`) until none are
/// left. A worker may find no block left to take. Returns when every worker is done.
///
/// Worker 0 is the calling thread; the others run on helper threads (`HelperThreads`), all at once even
/// when there are more workers than cores (so that, say, 3 cross-validation folds on 2 cores finish
/// together), so pass at most the threads the work should use.
package func parallelWorkers(blocks: Int, threads: Int, _ worker: (_ worker: Int, _ claims: BlockClaims) -> Void) {
    guard blocks > 0 else { return }
    let workers = min(WorkerThreads.clamped(threads), blocks)
    let claims = BlockClaims(count: blocks)
    guard workers > 1 else {
        worker(0, claims)
        return
    }
    withoutActuallyEscaping(worker) { worker in
        let shared = UncheckedSendable(worker)
        let finished = Countdown()
        for w in 1..<workers {
            // A helper the system cannot start leaves its blocks to the others (the calling thread takes any left).
            guard HelperThreads.shared.run({ shared.value(w, claims) }, finished: finished) else { break }
        }
        worker(0, claims)
        finished.wait()
    }
}

/// The blocks of one `parallelWorkers` call, handed out one at a time in increasing order to whichever
/// worker asks next.
package final class BlockClaims: Sequence, IteratorProtocol, Sendable {
    /// How many blocks there are.
    package let count: Int
    private let taken = Atomic<Int>(0)

    init(count: Int) { self.count = count }

    /// The next unclaimed block, or nil when every block has been claimed.
    package func next() -> Int? {
        let block = taken.wrappingAdd(1, ordering: .relaxed).oldValue
        return block < count ? block : nil
    }
}

/// Carries a value into threads when the code around it guarantees the safety (disjoint writes, and
/// threads joined before the value is used again).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
