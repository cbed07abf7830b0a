import CAtomicWords
import CPrefetch
import Glibc
import LedeText

/// Every distinct token (or character n-gram) of a corpus with its id, the number of its entry: one
/// open-addressing table (linear probing, at most half full) that the workers of a chunk read and add to
/// at once, without locks. Before a chunk, `makeRoom` sets aside room for new entries (the only time the
/// table grows or moves); during the chunk a worker claims an empty slot with a compare-and-swap, and
/// when the room is used up `findOrAdd` says so and the token waits for the next `makeRoom` (the caller
/// keeps it under a provisional id).
///
/// Each slot is two words: a tag (24 bits of hash, the key length capped at 254, and the id), and the
/// key itself when it has at most 8 bytes, else its place in the arena (or its entry, for 254 bytes or
/// more). A slot being claimed holds `busy` until its key word is written. A worker that loses the race
/// for a key leaves the entry it had reserved unused (a hole: no key, never counted). Ids are entry
/// numbers, so they depend on which worker got there first; nothing after counting depends on ids
/// (terms are ordered by their bytes), so results do not.
final class TokenDictionary: @unchecked Sendable {
    private var slots: UnsafeMutablePointer<UInt64>
    private var slotMask: Int
    /// Per entry: hash, start in the arena, length (-1 for a hole).
    private var hashes: UnsafeMutablePointer<UInt64>
    private var starts: UnsafeMutablePointer<Int>
    private var lengths: UnsafeMutablePointer<Int32>
    private var arena: UnsafeMutablePointer<UInt8>
    private var entryCapacity: Int
    private var arenaCapacity: Int
    /// Entries reserved (holes included) and arena bytes used, advanced by atomic adds; each may run past
    /// its limit while a chunk is read (reservations that fail), and is brought back by `makeRoom`.
    private let used: UnsafeMutablePointer<Int64>
    /// Entries allowed before the next `makeRoom`: keeps the table at most half full.
    private var entryLimit: Int

    /// A slot whose key word is still being written (real tag words have a length field of at least 2).
    private static let busy: UInt64 = 1

    init() {
        entryCapacity = 1 << 12
        arenaCapacity = 1 << 15
        slotMask = (1 << 13) - 1
        slots = ByteKeyTable.allocateSlots(slotMask + 1)
        hashes = .allocate(capacity: entryCapacity)
        starts = .allocate(capacity: entryCapacity)
        lengths = .allocate(capacity: entryCapacity)
        arena = .allocate(capacity: arenaCapacity)
        used = .allocate(capacity: 2)
        used.initialize(repeating: 0, count: 2)
        entryLimit = entryCapacity
    }

    deinit {
        free(slots)
        hashes.deallocate()
        starts.deallocate()
        lengths.deallocate()
        arena.deallocate()
        used.deallocate()
    }

    /// One more than the largest id in use (read between chunks).
    var idLimit: Int { min(Int(used[0]), entryLimit) }

    /// The bytes of the token with this id, or nil when no token has it.
    @inline(__always) func key(_ id: Int) -> UnsafeBufferPointer<UInt8>? {
        guard id >= 0 && id < idLimit && lengths[id] >= 0 else { return nil }
        return UnsafeBufferPointer(start: arena + starts[id], count: Int(lengths[id]))
    }

    /// Sets aside room for `entries` more tokens of `bytes` bytes in all, growing the table if needed.
    /// Not thread-safe: call between chunks.
    func makeRoom(entries: Int, bytes: Int) {
        let count = idLimit, arenaUsed = min(Int(used[1]), arenaCapacity)
        used[0] = Int64(count)
        used[1] = Int64(arenaUsed)
        let needed = count + max(entries, 0)
        if needed > entryCapacity {
            var capacity = entryCapacity
            while capacity < needed { capacity *= 2 }
            hashes = Self.moved(hashes, count: count, to: capacity)
            starts = Self.moved(starts, count: count, to: capacity)
            lengths = Self.moved(lengths, count: count, to: capacity)
            entryCapacity = capacity
        }
        if arenaUsed + max(bytes, 0) > arenaCapacity {
            var capacity = arenaCapacity
            while capacity < arenaUsed + bytes { capacity *= 2 }
            arena = Self.moved(arena, count: arenaUsed, to: capacity)
            arenaCapacity = capacity
        }
        var slotCount = slotMask + 1
        while slotCount < 2 * needed + 2 { slotCount *= 2 }
        if slotCount > slotMask + 1 { rehash(slotCount: slotCount, entries: count) }
        entryLimit = min(entryCapacity, (slotMask + 1) / 2)
    }

    /// A view for the workers of a chunk: plain pointers, valid until the next `makeRoom`.
    var view: View {
        View(slots: slots, slotMask: slotMask, hashes: hashes, starts: starts, lengths: lengths, arena: arena,
             arenaCapacity: arenaCapacity, used: used, entryLimit: entryLimit)
    }

    /// Lookups and additions by several threads at once, between two `makeRoom` calls.
    struct View {
        let slots: UnsafeMutablePointer<UInt64>
        let slotMask: Int
        let hashes: UnsafeMutablePointer<UInt64>
        let starts: UnsafeMutablePointer<Int>
        let lengths: UnsafeMutablePointer<Int32>
        let arena: UnsafeMutablePointer<UInt8>
        let arenaCapacity: Int
        let used: UnsafeMutablePointer<Int64>
        let entryLimit: Int

        /// Asks for the first slot a key with this hash probes, without waiting.
        @inline(__always) func prefetch(_ hash: UInt64) {
            lede_prefetch(slots + 2 * (Int(truncatingIfNeeded: hash) & slotMask))
        }

        /// The slot's tag word, once no worker is still writing its key.
        @inline(__always) private func settledTag(_ i: Int) -> UInt64 {
            var w0 = lede_load_acquire(slots + 2 * i)
            while w0 == TokenDictionary.busy { w0 = lede_load_acquire(slots + 2 * i) }
            return w0
        }

        /// The id of the `n` bytes at `p` (whose hash is `hash`), or nil when they are absent. O(1) expected.
        @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
            probe(p, n, hash: hash).id
        }

        /// The id of the `n` bytes at `p` (whose hash is `hash`), adding them when absent; nil when they
        /// are absent and the room set aside for this chunk is used up. O(1) expected.
        @inline(__always) func findOrAdd(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
            let probed = probe(p, n, hash: hash)
            if let id = probed.id { return id }
            return add(p, n, hash: hash, tag: probed.tag, inline: probed.inline, at: probed.slot)
        }

        /// Probes for a key: its id, or (id nil) the empty slot where the probe ended; with the key's tag
        /// word and padded bytes.
        @inline(__always) private func probe(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64)
            -> (id: UInt32?, slot: Int, tag: UInt64, inline: UInt64) {
            let tag = ByteKeyTable.tagWord(hash, n)
            let inline = n <= 8 ? ByteKeyTable.padded(p, n) : 0
            var i = Int(truncatingIfNeeded: hash) & slotMask
            while true {
                let w0 = settledTag(i)
                if w0 == 0 { return (nil, i, tag, inline) }
                if w0 & ~ByteKeyTable.valueMask == tag && matches(lede_load_acquire(slots + 2 * i + 1), p, n, inline) {
                    return (UInt32(truncatingIfNeeded: w0), i, tag, inline)
                }
                i = (i + 1) & slotMask
            }
        }

        /// Adds a key whose probe reached the empty slot `i`: claims it, or, when another worker claimed it
        /// first, probes on (finding the key there if that worker added the same one).
        @inline(never) private func add(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, tag: UInt64, inline: UInt64,
                                        at slot: Int) -> UInt32? {
            guard let (reserved, start) = reserve(p, n, hash: hash) else { return nil }
            var i = slot
            while true {
                var w0 = settledTag(i)
                if w0 == 0 {
                    if lede_compare_exchange(slots + 2 * i, 0, TokenDictionary.busy) {
                        lede_store_release(slots + 2 * i + 1, ByteKeyTable.keyWord(n, inline: inline, start: start, entry: reserved))
                        lede_store_release(slots + 2 * i, tag | UInt64(reserved))
                        return UInt32(reserved)
                    }
                    w0 = settledTag(i)  // another worker claimed this slot first
                }
                if w0 & ~ByteKeyTable.valueMask == tag && matches(lede_load_acquire(slots + 2 * i + 1), p, n, inline) {
                    lengths[reserved] = -1  // the same key was added by another worker: the entry stays a hole
                    return UInt32(truncatingIfNeeded: w0)
                }
                i = (i + 1) & slotMask
            }
        }

        /// Reserves an entry and its arena bytes and writes the key there; nil when the room is used up.
        @inline(__always) private func reserve(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> (entry: Int, start: Int)? {
            precondition(n > 0 && n <= Int(Int32.max), "TokenDictionary: empty or oversized token")
            let start = Int(lede_fetch_add(used + 1, Int64(n)))
            guard start + n <= arenaCapacity else { return nil }
            let e = Int(lede_fetch_add(used, 1))
            guard e < entryLimit else { return nil }  // the bytes stay unused
            (arena + start).update(from: p, count: n)
            hashes[e] = hash
            starts[e] = start
            lengths[e] = Int32(n)
            return (e, start)
        }

        @inline(__always) private func matches(_ word: UInt64, _ p: UnsafePointer<UInt8>, _ n: Int, _ inline: UInt64) -> Bool {
            ByteKeyTable.keyMatches(word, p, n, inline, arena: arena, starts: starts, lengths: lengths)
        }
    }

    private func rehash(slotCount: Int, entries count: Int) {
        free(slots)
        slots = ByteKeyTable.allocateSlots(slotCount)
        slotMask = slotCount - 1
        for e in 0..<count where lengths[e] >= 0 {
            let hash = hashes[e], n = Int(lengths[e]), start = starts[e]
            var i = Int(truncatingIfNeeded: hash) & slotMask
            while slots[2 * i] != 0 { i = (i + 1) & slotMask }
            slots[2 * i] = ByteKeyTable.tagWord(hash, n) | UInt64(e)
            slots[2 * i + 1] = ByteKeyTable.keyWord(n, inline: n <= 8 ? ByteKeyTable.padded(arena + start, n) : 0, start: start, entry: e)
        }
    }

    /// `old`'s first `count` elements in a new buffer of `capacity`; `old` is freed.
    private static func moved<T>(_ old: UnsafeMutablePointer<T>, count: Int, to capacity: Int) -> UnsafeMutablePointer<T> {
        let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        new.moveInitialize(from: old, count: count)
        old.deallocate()
        return new
    }
}
