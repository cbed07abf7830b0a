import Glibc

/// A growable array of trivial values over one manually managed buffer, for the hot loops of counting:
/// no copy-on-write or exclusivity checks. Not thread-safe; each worker owns its own. Appends are O(1) amortized.
///
/// The buffer comes from `malloc` and grows with `realloc`, which moves a large buffer's pages rather
/// than copying them into fresh memory (no copy, and no page faults for the part already written).
@usableFromInline package final class GrowableArray<Element: BitwiseCopyable> {
    @exclusivity(unchecked) @usableFromInline package internal(set) var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) @usableFromInline package internal(set) var count = 0
    @exclusivity(unchecked) @usableFromInline package internal(set) var capacity: Int
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    package init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = Self.resized(nil, to: self.capacity)
    }

    deinit { free(base) }

    /// `old` (or a new buffer) resized to `capacity` elements, keeping its content; stops on exhausted memory.
    @inlinable static func resized(_ old: UnsafeMutablePointer<Element>?, to capacity: Int) -> UnsafeMutablePointer<Element> {
        let bytes = capacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        precondition(!bytes.overflow, "GrowableArray: \(capacity) elements do not fit in memory")
        guard let raw = realloc(old, max(bytes.partialValue, 1)) else {
            fatalError("GrowableArray: out of memory for \(bytes.partialValue) bytes")
        }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }

    @inlinable @inline(__always) package subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    @inlinable @inline(__always) package func append(_ value: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = value
        count += 1
    }

    @inlinable package func append(contentsOf p: UnsafePointer<Element>, count n: Int) {
        reserve(count + n)
        (base + count).update(from: p, count: n)
        count += n
    }

    /// Makes room for at least `minimum` elements.
    @inlinable package func reserve(_ minimum: Int) {
        guard minimum > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        base = Self.resized(base, to: newCapacity)
        capacity = newCapacity
    }

    /// Sets the count to `n`, at most the capacity, after the caller has written the elements up to `n`
    /// through `base` (for loops that write without a branch per element).
    @inlinable package func setCount(_ n: Int) {
        precondition(n >= 0 && n <= capacity)
        count = n
    }

    /// Sets the count to `n`, which must not exceed it (elements past it are forgotten).
    @inlinable package func shrink(to n: Int) {
        precondition(n <= count)
        count = n
    }

    /// Frees the storage, leaving an empty array.
    @inlinable package func release() {
        free(base)
        capacity = 1
        base = Self.resized(nil, to: 1)
        count = 0
    }

    @inlinable package var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }
}
