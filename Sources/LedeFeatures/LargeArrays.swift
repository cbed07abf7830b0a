import Glibc

extension Array {
    /// An array of `count` elements that `initialize` fills completely. Large buffers are marked for
    /// transparent huge pages first, so that filling them takes one page fault per 2 MiB rather than
    /// per 4 KiB (page faults dominate loading a large model in a short-lived process).
    package init(largeCapacity count: Int, initialize: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                adviseHugePages(UnsafeMutableRawPointer(base), bytes: count * MemoryLayout<Element>.stride)
                initialize(UnsafeMutableBufferPointer(start: base, count: count))
            }
            initialized = count
        }
    }
}

/// Asks the kernel to back the whole 2 MiB pages inside `[start, start + bytes)` with huge pages
/// (a hint: without transparent huge pages, or on failure, nothing changes). Only for 4 MiB or more.
package func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    let huge = 2 << 20
    guard bytes >= 2 * huge else { return }
    let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: start) + bytes) & ~(huge - 1)
    guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(aligned, end - first, MADV_HUGEPAGE)
}
