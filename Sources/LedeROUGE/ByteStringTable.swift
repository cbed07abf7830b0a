/// Numbers distinct byte strings 0, 1, 2, … in order of first appearance: an open-addressing hash table
/// over one byte arena. Interning is O(length) expected; the table doubles when half full.
struct ByteStringTable {
    /// The bytes of every string, one after another.
    private var arena: [UInt8] = []
    /// `ends[id]` is where string `id` ends in the arena; it starts where string `id - 1` ends.
    private var ends: [Int] = []
    /// Each string's hash, to compare hashes before bytes and to rehash without rereading.
    private var hashes: [UInt64] = []
    /// Slot → id + 1, or 0 when the slot is empty.
    private var slots: [Int32]

    /// Creates an empty table sized for about `expected` strings.
    init(expected: Int = 64) {
        var size = 16
        while size < 2 * expected { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        arena.reserveCapacity(expected * 8)
        ends.reserveCapacity(expected)
        hashes.reserveCapacity(expected)
    }

    /// Number of distinct strings.
    var count: Int { ends.count }

    /// The bytes of string `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> {
        arena[(id == 0 ? 0 : ends[id - 1])..<ends[id]]
    }

    /// A hash of the bytes, eight at a time (multiply–xorshift rounds; the tail as one zero-padded word).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0x9E37_79B9_7F4A_7C15 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            for k in i..<count { tail |= UInt64(base[k]) << UInt64(8 * (k - i)) }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The number of `bytes`, and whether it was new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        let h = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let id = entry - 1
            if hashes[id] == h && equals(id, bytes) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        hashes.append(h)
        slots[slot] = Int32(id + 1)
        if 2 * ends.count > slots.count { grow() }
        return (Int32(id), true)
    }

    /// Whether string `id` is `bytes`.
    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { stored in
            let mine = UnsafeRawPointer(stored.baseAddress! + start), theirs = UnsafeRawPointer(other)
            var k = 0
            while k + 8 <= bytes.count {
                if mine.loadUnaligned(fromByteOffset: k, as: UInt64.self) != theirs.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
                k += 8
            }
            while k < bytes.count {
                if mine.load(fromByteOffset: k, as: UInt8.self) != theirs.load(fromByteOffset: k, as: UInt8.self) { return false }
                k += 1
            }
            return true
        }
    }

    /// Doubles the slots and reinserts every string by its stored hash.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }
}
