import Testing
@testable import LedeFeatures

/// The hand-written sorts of the hot paths against the standard library's.
@Suite("sorting")
struct SortingTests {
    /// Deterministic pseudo-random keys (a 64-bit LCG), masked to the bits a case varies.
    static func keys(_ count: Int, mask: UInt64, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state ^ (state >> 29)) & mask
        }
    }

    @Test("the radix sort orders by key and keeps equal keys in their order", arguments: [
        (0, UInt64.max), (5, UInt64.max), (255, UInt64.max), (300, UInt64.max), (5000, UInt64.max),
        (5000, 0xFF), (5000, 0xFFFF_0000_0000), (5000, 0), (70_000, 0x1_FFFF << 32),
    ])
    func radixSort(count: Int, mask: UInt64) {
        let keys = Self.keys(count, mask: mask, seed: UInt64(count) &+ mask)
        var items = keys.enumerated().map { (key: $0.element, place: $0.offset) }
        items.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { Sorting.radixSort(base, buffer.count) { $0.key } }
        }
        let expected = keys.enumerated().map { (key: $0.element, place: $0.offset) }
            .sorted { $0.key != $1.key ? $0.key < $1.key : $0.place < $1.place }
        #expect(items.map(\.key) == expected.map(\.key))
        if count < 256 { return }  // short arrays go to the quicksort, which is not stable
        #expect(items.map(\.place) == expected.map(\.place))
    }
}
