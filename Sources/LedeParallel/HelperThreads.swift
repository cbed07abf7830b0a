import Foundation

/// The threads that take a share of `parallelWorkers`' blocks beside the calling thread. A helper is
/// started when none is free, runs one share at a time, and between shares waits parked for the next
/// one, so that a parallel loop costs a wake-up rather than a thread start (training runs thousands of
/// short loops). At most `maximumParked` wait parked; a helper finding that many already parked ends.
final class HelperThreads: @unchecked Sendable {
    static let shared = HelperThreads()
    static let maximumParked = 64

    private let lock = NSLock()
    private var parked: [Helper] = []

    /// Hands `share` to a free helper, starting one if none is parked; `finished` is told when the share
    /// has run and been let go. False when no helper could be started.
    func run(_ share: @escaping @Sendable () -> Void, finished: Countdown) -> Bool {
        guard let helper = lock.withLock({ parked.popLast() }) ?? Helper.start() else { return false }
        finished.add()
        helper.hand(share, finished: finished)
        return true
    }

    /// Parks a helper that has finished its share; false when enough are parked (the helper then ends).
    fileprivate func park(_ helper: Helper) -> Bool {
        lock.withLock {
            guard parked.count < Self.maximumParked else { return false }
            parked.append(helper)
            return true
        }
    }
}

/// One helper thread and the share it is handed.
private final class Helper: @unchecked Sendable {
    private let condition = NSCondition()
    private var share: (@Sendable () -> Void)?
    private var finished: Countdown?

    static func start() -> Helper? {
        let helper = Helper()
        do {
            _ = try startThread(detached: true) { helper.serve() }
        } catch {
            return nil
        }
        return helper
    }

    func hand(_ share: @escaping @Sendable () -> Void, finished: Countdown) {
        condition.lock()
        self.share = share
        self.finished = finished
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        var parked = true
        while parked {
            condition.lock()
            while share == nil { condition.wait() }
            var running = share
            let finished = self.finished!
            (share, self.finished) = (nil, nil)
            condition.unlock()
            running!()
            // Let go of the share (and what it holds of the caller's) before the caller may return, and be
            // parked again before saying so, so that a caller's next call finds this helper free.
            running = nil
            parked = HelperThreads.shared.park(self)
            finished.done()
        }
    }
}

/// Counts the shares still running; `wait()` returns when every one added is done.
final class Countdown: @unchecked Sendable {
    private let condition = NSCondition()
    private var running = 0

    func add() {
        condition.lock()
        running += 1
        condition.unlock()
    }

    func done() {
        condition.lock()
        running -= 1
        if running == 0 { condition.broadcast() }
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
