import Dispatch
import LedeFeatures

/// Splits `0..<count` into fixed-size blocks and runs `body` on each, on up to `threads` workers.
///
/// Blocks are a fixed size whatever the thread count, and each block's result is reduced by the
/// caller in block order, so results are identical on 1 thread and on many.
func forEachBlock(count: Int, blockSize: Int, threads: Int, _ body: (Range<Int>, Int) -> Void) {
    let blockCount = (count + blockSize - 1) / blockSize
    guard blockCount > 0 else { return }
    if threads <= 1 || blockCount == 1 {
        for block in 0..<blockCount { body(block * blockSize..<min(count, (block + 1) * blockSize), block) }
        return
    }
    // Workers take blocks in turn; which worker runs a block does not affect its result.
    let workers = min(WorkerThreads.clamped(threads), blockCount)
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var block = worker
            while block < blockCount {
                shared.value(block * blockSize..<min(count, (block + 1) * blockSize), block)
                block += workers
            }
        }
    }
}
