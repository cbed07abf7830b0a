import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS's thread count, which is process-wide.
///
/// Lede's policy: one BLAS thread, with parallelism across documents in Lede's own code, because
/// the dense products Lede runs are small (a sentence-similarity matrix per article) or memory-bound
/// (vector algebra over the weights), where BLAS threads cost more than they give. The count is set
/// once, before the first OpenBLAS call, from `LEDE_BLAS_THREADS` if that holds a positive integer,
/// else 1. A program using the library sets `LEDE_BLAS_THREADS` before its first call for another count.
@usableFromInline package enum BLASThreads {
    /// The count Lede applies on its first OpenBLAS call.
    @usableFromInline package static var defaultCount: Int {
        if let value = getenv("LEDE_BLAS_THREADS").map({ String(cString: $0) }),
           let count = Int(value), count > 0 {
            return count
        }
        return 1
    }

    private static let configureOnce: Void = {
        let count = defaultCount
        openblas_set_num_threads(Int32(count))
        // With one thread the pool OpenBLAS started at load time is never used, and its idle workers
        // spin for about 0.1 s before sleeping: stop them (measured: 95 ms of CPU off a cold start).
        if count == 1 { _ = blas_thread_shutdown_() }
    }()

    /// Applies the default count, once per process; every OpenBLAS call goes through this first, and a
    /// program calls it at start-up to stop OpenBLAS's idle threads early (the `lede` command does).
    @inline(__always)
    @usableFromInline package static func ensureConfigured() { _ = configureOnce }

    /// Sets OpenBLAS's thread count for the whole process.
    @usableFromInline package static func set(_ count: Int) {
        ensureConfigured()
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The thread count OpenBLAS is using now.
    @usableFromInline package static var current: Int {
        ensureConfigured()
        return Int(openblas_get_num_threads())
    }

    /// OpenBLAS's name for the processor kernel it chose (for benchmark reports).
    @usableFromInline package static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
