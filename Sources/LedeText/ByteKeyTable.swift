import CPrefetch
import Glibc

/// A hash table from byte strings to 32-bit values, sequential (one thread writes it; once filled, it may be
/// read from many, as the stop words and a model's idf table are): the vectorizer's tokens and word
/// n-grams (keyed by the bytes of their token ids), the summarizer's terms, the stop words and ROUGE's
/// tokens and stems. The caller gives each key's hash (`ByteHash.hash` where none is at hand). Keys are
/// copied into one arena and numbered in insertion order (the entry); `intern` stores that number as the
/// value. Each slot is 16 bytes: a 24-bit hash tag, the key length and the value, then the key itself
/// when it has at most 8 bytes (most tokens, and every bigram of ids), else its place in the arena; so
/// most lookups touch one cache line. Open addressing with linear probing, at most half full. Lookups are
/// O(1) expected; `removeAll()` is O(entries), so one table serves document after document.
@usableFromInline package final class ByteKeyTable {
    @exclusivity(unchecked) @usableFromInline var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) @usableFromInline var slotMask: Int
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// Per entry: hash, start in the arena, length, value.
    @usableFromInline package let hashes = GrowableArray<UInt64>()
    @usableFromInline package let starts = GrowableArray<Int>()
    @usableFromInline package let lengths = GrowableArray<Int32>()
    @usableFromInline package let values = GrowableArray<UInt32>()
    @usableFromInline package let arena = GrowableArray<UInt8>(capacity: 1 << 12)
    /// Keys added by `insertAbsent` that have no entry.
    @usableFromInline var slotOnlyKeys = 0

    /// A table sized for `capacity` entries (it grows past them), with room for `keyBytes` bytes of keys.
    package init(capacity: Int = 1024, keyBytes: Int = 1 << 12) {
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
    package static func allocateSlots(_ slotCount: Int) -> UnsafeMutablePointer<UInt64> {
        guard let raw = calloc(2 * slotCount, MemoryLayout<UInt64>.stride) else {
            fatalError("ByteKeyTable: out of memory for \(slotCount) slots")
        }
        adviseHugePages(raw, bytes: 16 * slotCount)
        return raw.bindMemory(to: UInt64.self, capacity: 2 * slotCount)
    }

    /// Number of entries.
    @inlinable package var count: Int { hashes.count }

    /// The key of entry `e`.
    @inlinable @inline(__always) package func key(_ e: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena.base + starts[e], count: Int(lengths[e]))
    }

    /// The bytes of a key of at most 8 bytes as a little-endian integer, zero-padded, without reading past them.
    @inlinable @inline(__always) package static func padded(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
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

    /// The bits of a slot's first word that hold the value.
    @inlinable package static var valueMask: UInt64 { 0xFFFF_FFFF }

    /// The tag word of a key (without the value): 24 bits of hash and the length, capped at 254, plus one.
    @inlinable @inline(__always) package static func tagWord(_ hash: UInt64, _ n: Int) -> UInt64 {
        (hash >> 40) << 40 | UInt64(min(n, 254) + 1) << 32
    }

    /// The second word of a slot for a key: the key itself (≤ 8 bytes), its arena start (< 254), or its entry.
    @inlinable @inline(__always) package static func keyWord(_ n: Int, inline: UInt64, start: Int, entry: Int) -> UInt64 {
        n <= 8 ? inline : UInt64(n < 254 ? start : entry)
    }

    /// Whether a slot's second word (see `keyWord`) holds the `n` bytes at `p` (`inline`: them padded,
    /// when n ≤ 8), given the table's arena and per-entry starts and lengths.
    @inlinable @inline(__always) package static func keyMatches(_ word: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ inline: UInt64,
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
    @inlinable @inline(__always) package func prefetch(_ hash: UInt64) {
        lede_prefetch(slots + 2 * (Int(truncatingIfNeeded: hash) & slotMask))
    }

    /// The value stored for the `n` bytes at `p` (whose hash is `hash`), or nil.
    @inlinable @inline(__always) package func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
        lookup.find(p, n, hash: hash)
    }

    /// The table as plain pointers, for lookups in hot loops without reference counting; valid until the
    /// table next changes.
    @inlinable package var lookup: Lookup {
        Lookup(slots: slots, slotMask: slotMask, arena: arena.base, starts: starts.base, lengths: lengths.base)
    }

    /// Lookups in a table that does not change meanwhile.
    @usableFromInline package struct Lookup {
        @usableFromInline package let slots: UnsafeMutablePointer<UInt64>
        @usableFromInline package let slotMask: Int
        @usableFromInline package let arena: UnsafeMutablePointer<UInt8>
        @usableFromInline package let starts: UnsafeMutablePointer<Int>
        @usableFromInline package let lengths: UnsafeMutablePointer<Int32>

        @inlinable init(slots: UnsafeMutablePointer<UInt64>, slotMask: Int, arena: UnsafeMutablePointer<UInt8>,
                        starts: UnsafeMutablePointer<Int>, lengths: UnsafeMutablePointer<Int32>) {
            self.slots = slots
            self.slotMask = slotMask
            self.arena = arena
            self.starts = starts
            self.lengths = lengths
        }

        /// The value stored for the `n` bytes at `p` (whose hash is `hash`), or nil.
        @inlinable @inline(__always) package func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
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

        @inlinable @inline(__always) func matches(_ word: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ inline: UInt64) -> Bool {
            ByteKeyTable.keyMatches(word, p, n, inline, arena: arena, starts: starts, lengths: lengths)
        }
    }

    /// The value stored for the key, storing `value` (as a new entry) when absent.
    @inlinable @inline(__always) package func findOrInsert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, value: UInt32) -> (value: UInt32, inserted: Bool) {
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
        precondition(n <= Int(Int32.max) && count < Int(UInt32.max) - 1, "ByteKeyTable: key or table too large")
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

    /// The entry of the key, which is also its value: keys are numbered 0, 1, 2, … in order of first
    /// appearance.
    @inlinable @inline(__always) package func intern(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> (entry: Int, inserted: Bool) {
        let found = findOrInsert(p, n, hash: hash, value: UInt32(truncatingIfNeeded: count))
        return (Int(found.value), found.inserted)
    }

    /// Forgets every key, keeping the storage. O(entries), not O(slots): each entry's slot is found again
    /// along its probe, newest entry first (the slots before it on the probe hold older entries, which are
    /// still there), and zeroed.
    package func removeAll() {
        precondition(slotOnlyKeys == 0, "ByteKeyTable: a table filled by insertAbsent cannot be emptied")
        var e = count - 1
        while e >= 0 {
            let (tag, word) = slotWords(ofEntry: e)
            var i = Int(truncatingIfNeeded: hashes[e]) & slotMask
            while slots[2 * i] & ~Self.valueMask != tag || slots[2 * i + 1] != word { i = (i + 1) & slotMask }
            slots[2 * i] = 0
            slots[2 * i + 1] = 0
            e -= 1
        }
        hashes.shrink(to: 0)
        starts.shrink(to: 0)
        lengths.shrink(to: 0)
        values.shrink(to: 0)
        arena.shrink(to: 0)
    }

    /// Adds a key the caller knows is absent, to a table made with room for all its keys (`init(capacity:)`),
    /// as a read-only lookup table is filled once. A key of at most 8 bytes lives in its slot alone, with no
    /// entry (no arena bytes, no per-entry arrays: less memory to fill), so `count` and `key(_:)` do not
    /// see it; a longer key is added as `findOrInsert` adds it. Such a table never grows.
    package func insertAbsent(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, value: UInt32) {
        precondition((count + slotOnlyKeys + 1) * 2 <= slotMask + 1, "ByteKeyTable: insertAbsent needs room for every key up front")
        guard n <= 8 else {
            let added = findOrInsert(p, n, hash: hash, value: value)
            assert(added.inserted, "ByteKeyTable.insertAbsent: the key was present")
            return
        }
        var i = Int(truncatingIfNeeded: hash) & slotMask
        while slots[2 * i] != 0 { i = (i + 1) & slotMask }
        slots[2 * i] = Self.tagWord(hash, n) | UInt64(value)
        slots[2 * i + 1] = Self.padded(p, n)
        slotOnlyKeys += 1
    }

    @usableFromInline func grow() {
        precondition(slotOnlyKeys == 0, "ByteKeyTable: a table filled by insertAbsent cannot grow")
        rehash(slotCount: (slotMask + 1) * 2)
    }

    private func rehash(slotCount: Int) {
        free(slots)
        slots = Self.allocateSlots(slotCount)
        slotMask = slotCount - 1
        for e in 0..<count {
            let (tag, word) = slotWords(ofEntry: e)
            var i = Int(truncatingIfNeeded: hashes[e]) & slotMask
            while slots[2 * i] != 0 { i = (i + 1) & slotMask }
            slots[2 * i] = tag | UInt64(values[e])
            slots[2 * i + 1] = word
        }
    }

    /// The two words of entry `e`'s slot, its value left out of the first: the tag, and the key word.
    private func slotWords(ofEntry e: Int) -> (tag: UInt64, key: UInt64) {
        let n = Int(lengths[e]), start = starts[e]
        return (Self.tagWord(hashes[e], n),
                Self.keyWord(n, inline: n <= 8 ? Self.padded(arena.base + start, n) : 0, start: start, entry: e))
    }
}
