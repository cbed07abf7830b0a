import Foundation
import Testing
import LedeParallel

/// The parallel-for: every block runs once whatever the thread count, and per-worker state is the worker's own.
@Suite("Parallel for")
struct ParallelForTests {
    @Test("every block runs exactly once, with more threads than blocks and fewer",
          arguments: [(0, 4), (1, 4), (3, 8), (7, 2), (1000, 3), (1000, 64)])
    func everyBlockOnce(blocks: Int, threads: Int) {
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(blocks, 1))
        runs.initialize(repeating: 0)
        defer { runs.deallocate() }
        parallelFor(blocks: blocks, threads: threads) { block in runs[block] += 1 }
        #expect(runs.prefix(blocks).allSatisfy { $0 == 1 })
    }

    @Test("uneven fixed blocks cover the range once, and do not depend on the thread count", arguments: [1, 2, 5, 16])
    func unevenBlocks(threads: Int) {
        let count = 1003, blockSize = 100
        let seen = LockedValue<[(Range<Int>, Int)]>([])
        let hits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        hits.initialize(repeating: 0)
        defer { hits.deallocate() }
        parallelFor(count: count, blockSize: blockSize, threads: threads) { range, block in
            for i in range { hits[i] += 1 }
            seen.withLock { $0.append((range, block)) }
        }
        #expect(hits.allSatisfy { $0 == 1 })
        let blocks = seen.withLock { $0 }.sorted { $0.1 < $1.1 }
        #expect(blocks.map(\.1) == Array(0..<11))
        #expect(blocks.map(\.0) == (0..<11).map { $0 * 100..<min(count, $0 * 100 + 100) })
    }

    @Test("workers get indices below the thread count, each block goes to one worker, and workers run at once")
    func workers() {
        let threads = 4, blocks = 400
        let owner = UnsafeMutableBufferPointer<Int>.allocate(capacity: blocks)
        owner.initialize(repeating: -1)
        defer { owner.deallocate() }
        let started = LockedValue<Set<Int>>([])
        let threadsSeen = LockedValue<Set<pthread_t>>([])
        parallelWorkers(blocks: blocks, threads: threads) { worker, claims in
            started.withLock { _ = $0.insert(worker) }
            threadsSeen.withLock { _ = $0.insert(pthread_self()) }
            for block in claims {
                owner[block] = worker
                usleep(100)  // long enough that every worker gets a share
            }
        }
        #expect(owner.allSatisfy { (0..<threads).contains($0) })
        #expect(started.withLock { $0 }.isSubset(of: Set(0..<threads)))
        #expect(threadsSeen.withLock { $0.count } == started.withLock { $0.count })
        #expect(started.withLock { $0.count } > 1, "the work ran on one thread only")
    }

    @Test("a result added up in block order is the same on 1 thread and on many")
    func deterministicSum() {
        let values = (0..<100_000).map { 1.0 / Double($0 + 1) }
        func sum(threads: Int) -> Double {
            let blockSize = 1000, blocks = values.count / blockSize
            var partial = [Double](repeating: 0, count: blocks)
            partial.withUnsafeMutableBufferPointer { partial in
                parallelFor(count: values.count, blockSize: blockSize, threads: threads) { range, block in
                    partial[block] = values[range].reduce(0, +)
                }
            }
            return partial.reduce(0, +)
        }
        let one = sum(threads: 1)
        for threads in [2, 3, 8] { #expect(sum(threads: threads) == one) }
    }

    @Test("a parallel-for inside another runs every inner block")
    func nested() {
        let total = LockedValue(0)
        parallelFor(blocks: 3, threads: 3) { _ in
            parallelFor(blocks: 50, threads: 2) { _ in total.withLock { $0 += 1 } }
        }
        #expect(total.withLock { $0 } == 150)
    }
}

@Suite("Locked value")
struct LockedValueTests {
    @Test("increments from many threads at once are none of them lost")
    func contention() {
        let counter = LockedValue(0)
        let log = LockedValue<[Int]>([])
        parallelFor(blocks: 8, threads: 8) { block in
            for i in 0..<10_000 {
                counter.withLock { $0 += 1 }
                if i % 1000 == 0 { log.withLock { $0.append(block) } }
            }
        }
        #expect(counter.withLock { $0 } == 80_000)
        #expect(log.withLock { $0 }.count == 80)
    }

    @Test("withLock returns the body's result and passes its error on")
    func resultAndError() {
        struct Refused: Error {}
        let value = LockedValue([1, 2, 3])
        #expect(value.withLock { $0.reduce(0, +) } == 6)
        #expect(throws: Refused.self) { try value.withLock { _ in throw Refused() } }
        value.withLock { $0.append(4) }
        #expect(value.withLock { $0 } == [1, 2, 3, 4])
    }
}
