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

/// How many worker threads a stage may use. Each worker holds its own buffers, so a request above the
/// maximum (say a mistyped `--threads`) is treated as the maximum rather than exhausting memory.
public enum WorkerThreads {
    /// The most worker threads any stage uses.
    public static let maximum = 1024

    /// `requested` brought into `1...maximum`.
    public static func clamped(_ requested: Int) -> Int { min(max(1, requested), maximum) }
}

/// Carries a value into concurrent work whose safety the caller guarantees (disjoint writes, joined
/// before use). Shared by every stage that splits work across threads.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
