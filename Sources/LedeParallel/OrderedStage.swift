import Foundation

/// Runs a stage of three parts that pass items along a bounded queue: `produce` on a thread of its own
/// hands items to `submit`, `threads` workers turn each item into an output with `work`, and the calling
/// thread gets the outputs with `consume`, in the order the items were submitted. At most `inFlight`
/// items (at least 1) are submitted but not yet consumed, so memory stays bounded however fast `produce`
/// is and however slow `consume` is.
///
/// `submit` returns false once the stage is stopping; `produce` then returns. It is also given a
/// `StopSignal`, set when the stage stops early, for a wait on input to watch (`waitUntilReadable`).
/// What `produce` throws is rethrown once every item before it has been consumed; what `consume` throws
/// stops the stage and is rethrown, as is `ThreadStartError` when a thread cannot be started. Every thread the stage started has ended when it returns or throws.
package func runOrderedStage<Item: Sendable, Output: Sendable>(
    threads: Int, inFlight: Int,
    produce: @escaping @Sendable (_ submit: (Item) -> Bool, _ stop: StopSignal) throws -> Void,
    work: @escaping @Sendable (Item) -> Output,
    consume: (Output) throws -> Void
) throws {
    let queue = OrderedQueue<Item, Output>(capacity: max(1, inFlight))
    let stop = StopSignal()
    var started: [JoinableThread] = []
    defer {
        queue.cancel()
        stop.stop()
        for thread in started { thread.join() }
    }
    started.append(try JoinableThread.start {
        do {
            try produce({ queue.submit($0) }, stop)
            queue.endInput(error: nil)
        } catch {
            queue.endInput(error: error)
        }
    })
    for _ in 0..<WorkerThreads.clamped(threads) {
        started.append(try JoinableThread.start {
            while let (sequence, item) = queue.take() { queue.finish(sequence, work(item)) }
        })
    }
    var next = 0
    while let output = try queue.output(next) {
        try consume(output)
        next += 1
    }
}

/// The items and outputs that a `runOrderedStage`'s threads pass to each other, under one lock.
final class OrderedQueue<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// Submitted items not yet taken, from `nextWaiting` on (taken ones are nil until compacted).
    private var waiting: [Item?] = []
    private var nextWaiting = 0
    private var finished: [Int: Output] = [:]
    private var submitted = 0
    private var consumed = 0
    private var inputEnded = false
    private var inputError: (any Error)?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Queues an item, waiting while `capacity` items are unconsumed; false once cancelled.
    func submit(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - consumed >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        submitted += 1
        waiting.append(item)
        condition.broadcast()
        return true
    }

    /// Marks the end of the input, and the error that ended it early, if any.
    func endInput(error: (any Error)?) {
        condition.lock()
        inputEnded = true
        inputError = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next item to work on and its number; nil when the input has ended and every item is taken,
    /// or on cancel.
    func take() -> (Int, Item)? {
        condition.lock()
        defer { condition.unlock() }
        while nextWaiting == waiting.count && !inputEnded && !cancelled { condition.wait() }
        guard !cancelled, nextWaiting < waiting.count, let item = waiting[nextWaiting] else { return nil }
        let sequence = submitted - (waiting.count - nextWaiting)
        waiting[nextWaiting] = nil  // the worker holds the only reference now
        nextWaiting += 1
        if nextWaiting >= 32 || nextWaiting == waiting.count {
            waiting.removeFirst(nextWaiting)
            nextWaiting = 0
        }
        return (sequence, item)
    }

    /// Stores an item's output for the consumer.
    func finish(_ sequence: Int, _ output: Output) {
        condition.lock()
        finished[sequence] = output
        condition.broadcast()
        condition.unlock()
    }

    /// The output of item `sequence`, waiting for it; nil after the last item. Throws the input's error
    /// once every item before it has been consumed.
    func output(_ sequence: Int) throws -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while finished[sequence] == nil && !(inputEnded && sequence == submitted) { condition.wait() }
        if let output = finished.removeValue(forKey: sequence) {
            consumed += 1
            condition.broadcast()
            return output
        }
        if let inputError { throw inputError }
        return nil
    }

    /// Stops the producer and the workers.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
