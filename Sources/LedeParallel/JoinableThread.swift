#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own (a POSIX thread with an 8 MiB stack, as the main thread has) that its starter
/// joins: whatever starts one waits for it with `join()` before returning, so no thread outlives the
/// call that needed it.
package final class JoinableThread {
    private let handle: pthread_t
    private var joined = false

    /// The stack size of every thread started here.
    package static let stackSize = 8 << 20

    /// Starts a thread running `body`. Throws `ThreadStartError` when the system cannot start one (say,
    /// at its limit of threads).
    package static func start(_ body: @escaping @Sendable () -> Void) throws(ThreadStartError) -> JoinableThread {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        #if canImport(Darwin)
        var handle: pthread_t?
        #else
        var handle = pthread_t()
        #endif
        let status = pthread_create(&handle, &attributes, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw ThreadStartError(errno: status)
        }
        #if canImport(Darwin)
        return JoinableThread(handle: handle!)
        #else
        return JoinableThread(handle: handle)
        #endif
    }

    private init(handle: pthread_t) { self.handle = handle }

    /// Waits for the thread to end. Joining twice is a no-op.
    package func join() {
        guard !joined else { return }
        joined = true
        pthread_join(handle, nil)
    }

    deinit { assert(joined, "JoinableThread: a thread was started and never joined") }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

/// The system would not start a thread.
package struct ThreadStartError: Error, CustomStringConvertible {
    /// The error number `pthread_create` returned.
    package let errno: Int32
    package var description: String { "could not start a thread: \(String(cString: strerror(errno)))" }
}
