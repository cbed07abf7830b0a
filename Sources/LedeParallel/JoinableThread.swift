#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own that its starter joins: whatever starts one waits for it with `join()` before
/// returning, so no thread outlives the call that needed it.
package final class JoinableThread {
    private let handle: pthread_t
    private var joined = false

    /// Starts a thread running `body`. Throws `ThreadStartError` when the system cannot start one (say,
    /// at its limit of threads).
    package static func start(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) -> JoinableThread {
        JoinableThread(handle: try startThread(detached: false, body))
    }

    private init(handle: pthread_t) { self.handle = handle }

    /// Waits for the thread to end. Joining twice is a no-op.
    package func join() {
        guard !joined else { return }
        joined = true
        pthread_join(handle, nil)
    }

    deinit { assert(joined, "JoinableThread: a thread was started and never joined") }
}

/// Runs `body` on a thread of its own that nobody joins: work whose result is picked up elsewhere, such
/// as a table built ahead of its first use. Returns false, without running `body`, when the system cannot
/// start a thread.
@discardableResult
package func runDetached(_ body: @escaping @Sendable () -> Void) -> Bool {
    (try? startThread(detached: true, body)) != nil
}

/// The stack size of every thread Lede starts: 8 MiB, as the main thread has.
let threadStackSize = 8 << 20

/// Starts a POSIX thread running `body`, joinable or detached (a detached thread's resources go back to the
/// system when it ends).
func startThread(detached: Bool, _ body: @escaping @Sendable () -> Void) throws(ThreadStartError) -> pthread_t {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, threadStackSize)
    if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
    #if canImport(Darwin)
    var handle: pthread_t?
    #else
    var handle = pthread_t()
    #endif
    let status = pthread_create(&handle, &attributes, { context in
        Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        throw ThreadStartError(errno: status)
    }
    #if canImport(Darwin)
    return handle!
    #else
    return handle
    #endif
}

private final class ThreadBody {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// The system would not start a thread.
package struct ThreadStartError: Error, CustomStringConvertible {
    /// The error number `pthread_create` returned.
    package let errno: Int32
    package var description: String { "could not start a thread: \(String(cString: strerror(errno)))" }
}
