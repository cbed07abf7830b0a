import LedeText

/// In-place sorts for the hot paths (rows of packed pairs, vocabulary keys): an unstable quicksort with
/// median-of-three pivots, recursing into the smaller side, and insertion sort for short runs. Faster than
/// the standard library's stable sort on plain integer keys; O(n log n) expected, O(log n) stack.
enum Sorting {
    /// Sorts `count` elements at `base` by `key`.
    @inline(__always)
    static func sort<T>(_ base: UnsafeMutablePointer<T>, _ count: Int, by key: (T) -> UInt64) {
        if count > 1 { sortRange(base, 0, count - 1, key) }
    }

    private static func sortRange<T>(_ base: UnsafeMutablePointer<T>, _ first: Int, _ last: Int, _ key: (T) -> UInt64) {
        var low = first, high = last
        while high - low >= 24 {
            let mid = low + (high - low) / 2
            if key(base[mid]) < key(base[low]) { swap(base, mid, low) }
            if key(base[high]) < key(base[low]) { swap(base, high, low) }
            if key(base[high]) < key(base[mid]) { swap(base, high, mid) }
            let pivot = key(base[mid])
            var i = low, j = high
            while i <= j {
                while key(base[i]) < pivot { i += 1 }
                while pivot < key(base[j]) { j -= 1 }
                if i <= j {
                    swap(base, i, j)
                    i += 1
                    j -= 1
                }
            }
            if j - low < high - i {
                if low < j { sortRange(base, low, j, key) }
                low = i
            } else {
                if i < high { sortRange(base, i, high, key) }
                high = j
            }
        }
        if high > low {
            for i in (low + 1)...high {
                let value = base[i]
                let k = key(value)
                var j = i - 1
                while j >= low && key(base[j]) > k {
                    base[j + 1] = base[j]
                    j -= 1
                }
                base[j + 1] = value
            }
        }
    }

    /// Sorts `count` elements at `base` by `key`, stably: an LSD radix sort in 11-bit digits that skips
    /// the digits every key shares (so keys with few varying bits cost few passes). O(n) per pass; uses
    /// `count` elements of scratch space. For large arrays of distinct or mostly distinct keys.
    static func radixSort<T>(_ base: UnsafeMutablePointer<T>, _ count: Int, by key: (T) -> UInt64) {
        guard count > 1 else { return }
        if count < 256 { sort(base, count, by: key); return }
        let digitBits = 11, digits = (64 + digitBits - 1) / digitBits, buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: digits * buckets)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: digits * buckets)
        for i in 0..<count {
            let k = key(base[i])
            for d in 0..<digits { counts[d * buckets + Int((k >> UInt64(d * digitBits)) & mask)] += 1 }
        }
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: count)
        defer { scratch.deallocate() }
        var source = base, target = scratch
        for d in 0..<digits {
            let digitCounts = counts + d * buckets
            if (0..<buckets).contains(where: { digitCounts[$0] == count }) { continue }  // every key has this digit
            var sum = 0
            for b in 0..<buckets {
                let c = digitCounts[b]
                digitCounts[b] = sum
                sum += c
            }
            let shift = UInt64(d * digitBits)
            for i in 0..<count {
                let value = source[i]
                let b = Int((key(value) >> shift) & mask)
                (target + digitCounts[b]).initialize(to: value)
                digitCounts[b] += 1
            }
            Swift.swap(&source, &target)
        }
        if source != base { base.update(from: source, count: count) }
    }

    @inline(__always) private static func swap<T>(_ base: UnsafeMutablePointer<T>, _ a: Int, _ b: Int) {
        let t = base[a]
        base[a] = base[b]
        base[b] = t
    }
}

/// Sorts a row's packed pairs (`column << 32 | count`) by column: insertion sort when short, else an LSD
/// radix sort over the column bits (at most 11 bits a pass). One per worker: it keeps its scratch space.
final class RowSorter {
    private let scratch = GrowableArray<UInt64>()
    private let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2048)
    private let passes: Int
    private let bitsPerPass: Int

    /// A sorter for columns below `columnCount`.
    init(columnCount: Int) {
        let bits = max(1, Int.bitWidth - max(0, columnCount - 1).leadingZeroBitCount)
        passes = (bits + 10) / 11
        bitsPerPass = (bits + passes - 1) / passes
    }

    deinit { counts.deallocate() }

    func sort(_ pairs: UnsafeMutableBufferPointer<UInt64>) {
        let n = pairs.count
        guard n > 1, let base = pairs.baseAddress else { return }
        if n < 64 {
            for i in 1..<n {
                let value = base[i]
                var j = i - 1
                while j >= 0 && base[j] > value {
                    base[j + 1] = base[j]
                    j -= 1
                }
                base[j + 1] = value
            }
            return
        }
        scratch.reserve(n)
        var source = base, target = scratch.base
        let buckets = 1 << bitsPerPass
        let mask = UInt64(buckets - 1)
        for pass in 0..<passes {
            let shift = UInt64(32 + pass * bitsPerPass)
            counts.update(repeating: 0, count: buckets)
            for k in 0..<n { counts[Int((source[k] >> shift) & mask)] += 1 }
            var sum = 0
            for b in 0..<buckets {
                let c = counts[b]
                counts[b] = sum
                sum += c
            }
            for k in 0..<n {
                let value = source[k]
                let b = Int((value >> shift) & mask)
                target[counts[b]] = value
                counts[b] += 1
            }
            swap(&source, &target)
        }
        if source != base { base.update(from: source, count: n) }
    }
}
