import Dispatch
import Foundation

/// Runs work on a fixed number of workers with Dispatch's `concurrentPerform`; one worker runs inline.
enum Parallel {
    /// Calls `body(worker)` for each worker in `0..<workers`, concurrently, and returns when all are done.
    static func run(workers: Int, _ body: (Int) -> Void) {
        if workers <= 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { box.value($0) }
        }
    }
}

/// Carries a value into concurrent work whose safety the caller guarantees (disjoint writes, joined
/// before use). Shared by every stage that splits work across threads.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
