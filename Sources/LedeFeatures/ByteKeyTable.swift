import CPrefetch
import Glibc
import LedeText

/// A hash table from byte strings to 32-bit values, for tokens and for word n-grams keyed by the bytes of
/// their token ids. Keys are copied into one arena and numbered in insertion order (the entry). Each slot
/// is 16 bytes: a 24-bit hash tag, the key length and the value, then the key itself when it has at most
/// 8 bytes (most tokens, and every bigram of ids), else its place in the arena; so most lookups touch one
/// cache line. Open addressing with linear probing, at most half full. Lookups are O(1) expected.
final class ByteKeyTable {
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var slotMask: Int
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// Per entry: hash, start in the arena, length, value.
    let hashes = GrowableArray<UInt64>()
    let starts = GrowableArray<Int>()
    let lengths = GrowableArray<Int32>()
    let values = GrowableArray<UInt32>()
    let arena = GrowableArray<UInt8>(capacity: 1 << 12)
    /// Keys added by `insertAbsent` that have no entry.
    private var slotOnlyKeys = 0

    /// A table sized for `capacity` entries (it grows past them), with room for `keyBytes` bytes of keys.
    init(capacity: Int = 1024, keyBytes: Int = 1 << 12) {
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = Self.allocateSlots(slotCount)
        slotMask = slotCount - 1
        hashes.reserve(capacity)
        starts.reserve(capacity)
        lengths.reserve(capacity)
        values.reserve(capacity)
        arena.reserve(keyBytes)
    }

    deinit { free(slots) }

    /// Zeroed slots (two words each; free them with `free`); a large table is marked for huge pages before
    /// it is touched (fewer page faults). From `calloc`, which gives a large block as fresh pages that the
    /// kernel zeroes when first touched, so the table is not written over once before use. Shared with
    /// `TokenDictionary`, whose slots have the same layout.
    static func allocateSlots(_ slotCount: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(2 * slotCount, MemoryLayout<UInt64>.stride) else {
            fatalError("ByteKeyTable: out of memory for \(slotCount) slots")
        }
        adviseHugePages(raw, bytes: 16 * slotCount)
        return raw.bindMemory(to: UInt64.self, capacity: 2 * slotCount)
    }

    /// Number of entries.
    var count: Int { hashes.count }

    /// The key of entry `e`.
    @inline(__always) func key(_ e: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena.base + starts[e], count: Int(lengths[e]))
    }

    /// The bytes of a key of at most 8 bytes as a little-endian integer, zero-padded, without reading past them.
    @inline(__always) static func padded(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        if n >= 8 { return raw.loadUnaligned(as: UInt64.self) }
        if n >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return low | high << UInt64(8 * (n - 4))
        }
        if n == 0 { return 0 }
        return UInt64(p[0]) | UInt64(p[n >> 1]) << UInt64(8 * (n >> 1)) | UInt64(p[n - 1]) << UInt64(8 * (n - 1))
    }

    static let valueMask: UInt64 = 0xFFFF_FFFF

    /// The tag word of a key (without the value): 24 bits of hash and the length, capped at 254, plus one.
    @inline(__always) static func tagWord(_ hash: UInt64, _ n: Int) -> UInt64 {
        (hash >> 40) << 40 | UInt64(min(n, 254) + 1) << 32
    }

    /// The second word of a slot for a key: the key itself (≤ 8 bytes), its arena start (< 254), or its entry.
    @inline(__always) static func keyWord(_ n: Int, inline: UInt64, start: Int, entry: Int) -> UInt64 {
        n <= 8 ? inline : UInt64(n < 254 ? start : entry)
    }

    /// Whether a slot's second word (see `keyWord`) holds the `n` bytes at `p` (`inline`: them padded,
    /// when n ≤ 8), given the table's arena and per-entry starts and lengths.
    @inline(__always) static func keyMatches(_ word: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ inline: UInt64,
                                             arena: UnsafePointer<UInt8>, starts: UnsafePointer<Int>,
                                             lengths: UnsafePointer<Int32>) -> Bool {
        if n <= 8 { return word == inline }
        let q: UnsafePointer<UInt8>
        if n < 254 {
            q = arena + Int(word)
        } else {
            let e = Int(word)
            guard Int(lengths[e]) == n else { return false }
            q = arena + starts[e]
        }
        let raw = UnsafeRawPointer(p), rawQ = UnsafeRawPointer(q)
        var k = 0
        while k + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rawQ.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        while k < n {
            if p[k] != q[k] { return false }
            k += 1
        }
        return true
    }

    /// Asks for the first slot a key with this hash probes, without waiting, so that its cache line
    /// is on its way before the lookup needs it.
    @inline(__always) func prefetch(_ hash: UInt64) {
        lede_prefetch(slots + 2 * (Int(truncatingIfNeeded: hash) & slotMask))
    }

    /// The value stored for the `n` bytes at `p` (whose hash is `hash`), or nil.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
        lookup.find(p, n, hash: hash)
    }

    /// The table as plain pointers, for lookups in hot loops without reference counting; valid until the
    /// table next changes.
    var lookup: Lookup {
        Lookup(slots: slots, slotMask: slotMask, arena: arena.base, starts: starts.base, lengths: lengths.base)
    }

    /// Lookups in a table that does not change meanwhile.
    struct Lookup {
        let slots: UnsafeMutablePointer<UInt64>
        let slotMask: Int
        let arena: UnsafeMutablePointer<UInt8>
        let starts: UnsafeMutablePointer<Int>
        let lengths: UnsafeMutablePointer<Int32>

        /// The value stored for the `n` bytes at `p` (whose hash is `hash`), or nil.
        @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
            let tag = ByteKeyTable.tagWord(hash, n)
            let inline = n <= 8 ? ByteKeyTable.padded(p, n) : 0
            var i = Int(truncatingIfNeeded: hash) & slotMask
            while true {
                let w0 = slots[2 * i]
                if w0 == 0 { return nil }
                if w0 & ~ByteKeyTable.valueMask == tag && matches(slots[2 * i + 1], p, n, inline) {
                    return UInt32(truncatingIfNeeded: w0)
                }
                i = (i + 1) & slotMask
            }
        }

        @inline(__always) func matches(_ word: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ inline: UInt64) -> Bool {
            ByteKeyTable.keyMatches(word, p, n, inline, arena: arena, starts: starts, lengths: lengths)
        }
    }

    /// The value stored for the key, storing `value` (as a new entry) when absent.
    @inline(__always) func findOrInsert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, value: UInt32) -> (value: UInt32, inserted: Bool) {
        let tag = Self.tagWord(hash, n)
        let inline = n <= 8 ? Self.padded(p, n) : 0
        var i = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let w0 = slots[2 * i]
            if w0 == 0 { break }
            if w0 & ~Self.valueMask == tag && Self.keyMatches(slots[2 * i + 1], p, n, inline, arena: arena.base,
                                                              starts: starts.base, lengths: lengths.base) {
                return (UInt32(truncatingIfNeeded: w0), false)
            }
            i = (i + 1) & slotMask
        }
        precondition(n > 0 && n <= Int(Int32.max) && count < Int(UInt32.max) - 1, "ByteKeyTable: empty key, or key or table too large")
        let e = count
        let start = arena.count
        hashes.append(hash)
        starts.append(start)
        lengths.append(Int32(n))
        values.append(value)
        arena.append(contentsOf: p, count: n)
        slots[2 * i] = tag | UInt64(value)
        slots[2 * i + 1] = Self.keyWord(n, inline: inline, start: start, entry: e)
        if (e + 1) * 2 > slotMask + 1 { grow() }
        return (value, true)
    }

    /// Adds a key the caller knows is absent, to a table made with room for all its keys (`init(capacity:)`),
    /// as a read-only lookup table is filled once. A key of at most 8 bytes lives in its slot alone, with no
    /// entry (no arena bytes, no per-entry arrays: less memory to fill), so `count` and `key(_:)` do not
    /// see it; a longer key is added as `findOrInsert` adds it. Such a table never grows.
    func insertAbsent(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, value: UInt32) {
        precondition((count + slotOnlyKeys + 1) * 2 <= slotMask + 1, "ByteKeyTable: insertAbsent needs room for every key up front")
        guard n <= 8 else {
            let added = findOrInsert(p, n, hash: hash, value: value)
            assert(added.inserted, "ByteKeyTable.insertAbsent: the key was present")
            return
        }
        precondition(n > 0, "ByteKeyTable: empty key")
        var i = Int(truncatingIfNeeded: hash) & slotMask
        while slots[2 * i] != 0 { i = (i + 1) & slotMask }
        slots[2 * i] = Self.tagWord(hash, n) | UInt64(value)
        slots[2 * i + 1] = Self.padded(p, n)
        slotOnlyKeys += 1
    }

    private func grow() {
        precondition(slotOnlyKeys == 0, "ByteKeyTable: a table filled by insertAbsent cannot grow")
        rehash(slotCount: (slotMask + 1) * 2)
    }

    private func rehash(slotCount: Int) {
        free(slots)
        slots = Self.allocateSlots(slotCount)
        slotMask = slotCount - 1
        for e in 0..<count {
            let hash = hashes[e], n = Int(lengths[e]), start = starts[e]
            var i = Int(truncatingIfNeeded: hash) & slotMask
            while slots[2 * i] != 0 { i = (i + 1) & slotMask }
            slots[2 * i] = Self.tagWord(hash, n) | UInt64(values[e])
            slots[2 * i + 1] = Self.keyWord(n, inline: n <= 8 ? Self.padded(arena.base + start, n) : 0, start: start, entry: e)
        }
    }
}
