import LedeText

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
