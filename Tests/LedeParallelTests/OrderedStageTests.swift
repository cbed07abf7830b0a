import Foundation
import Testing
import LedeParallel

/// The ordered bounded stage: outputs in submission order whatever order the workers finish in, never
/// more than `inFlight` items between producer and consumer, errors in their place, and no thread left.
@Suite("Ordered stage")
struct OrderedStageTests {
    @Test("outputs come in submission order though workers finish out of order", arguments: [1, 3, 8])
    func order(threads: Int) throws {
        var received: [Int] = []
        try runOrderedStage(threads: threads, inFlight: 2 * threads + 2, produce: { submit, _ in
            for i in 0..<300 where !submit(i) { return }
        }, work: { (i: Int) -> Int in
            usleep(UInt32((i * 7919) % 5) * 200)  // later items often finish first
            return i * i
        }, consume: { received.append($0) })
        #expect(received == (0..<300).map { $0 * $0 })
    }

    @Test("no more than inFlight items are submitted and not yet consumed", arguments: [1, 2, 5])
    func bounded(inFlight: Int) throws {
        let submitted = LockedValue(0)
        var consumed = 0, most = 0
        try runOrderedStage(threads: 3, inFlight: inFlight, produce: { submit, _ in
            for i in 0..<200 {
                if !submit(i) { return }
                submitted.withLock { $0 += 1 }
            }
        }, work: { $0 }, consume: { (_: Int) in
            consumed += 1
            usleep(50)
            most = max(most, submitted.withLock { $0 } - consumed)
        })
        #expect(consumed == 200)
        #expect(most <= inFlight, "\(most) items in flight with room for \(inFlight)")
    }

    @Test("an in-flight count or thread count of 0 or less still runs to the end", arguments: [(0, 0), (-3, -1), (0, 2), (4, 0)])
    func invalidCounts(threads: Int, inFlight: Int) throws {
        var received: [Int] = []
        try runOrderedStage(threads: threads, inFlight: inFlight, produce: { submit, _ in
            for i in 0..<20 where !submit(i) { return }
        }, work: { $0 + 1 }, consume: { received.append($0) })
        #expect(received == Array(1...20))
    }

    @Test("the producer's error comes after every item before it")
    func producerError() {
        struct Broken: Error {}
        var received: [Int] = []
        #expect(throws: Broken.self) {
            try runOrderedStage(threads: 4, inFlight: 3, produce: { submit, _ in
                for i in 0..<10 where !submit(i) { return }
                throw Broken()
            }, work: { $0 }, consume: { received.append($0) })
        }
        #expect(received == Array(0..<10))
    }

    @Test("a consumer that throws stops the stage; a producer waiting for room or on its stop signal ends")
    func consumerStops() {
        struct Enough: Error {}
        let producerEnded = LockedValue(false)
        var received: [Int] = []
        #expect(throws: Enough.self) {
            try runOrderedStage(threads: 2, inFlight: 2, produce: { submit, stop in
                defer { producerEnded.withLock { $0 = true } }
                for i in 0..<5 where !submit(i) { return }
                // Then wait for input that never comes, as a reader on a quiet pipe does.
                var ends: [Int32] = [0, 0]
                guard pipe(&ends) == 0 else { return }
                defer { close(ends[0]); close(ends[1]) }
                _ = stop.waitUntilReadable(ends[0])
            }, work: { $0 }, consume: { (i: Int) in
                received.append(i)
                if i == 2 { throw Enough() }
            })
        }
        #expect(received == [0, 1, 2])
        // The stage joined its threads before throwing: the producer has already ended.
        #expect(producerEnded.withLock { $0 })
    }
}

@Suite("Stop signal")
struct StopSignalTests {
    @Test("a wait on a quiet pipe is woken by stop(); a pipe with input is ready; a set signal does not wait")
    func wake() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let signal = StopSignal()
        var byte: UInt8 = 7
        #expect(write(ends[1], &byte, 1) == 1)
        #expect(signal.waitUntilReadable(ends[0]))
        #expect(read(ends[0], &byte, 1) == 1)

        let woken = LockedValue<Bool?>(nil)
        let readFrom = ends[0]
        let waiter = try JoinableThread.start { woken.withLock { $0 = signal.waitUntilReadable(readFrom) } }
        usleep(20_000)
        signal.stop()
        waiter.join()
        #expect(woken.withLock { $0 } == false)
        #expect(signal.isStopped && !signal.waitUntilReadable(readFrom))
    }
}
