import Glibc

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
