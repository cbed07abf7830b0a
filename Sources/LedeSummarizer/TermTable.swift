import LedeText
import LedeFeatures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings (terms) to dense ids `0..<count`, numbered in insertion order.
///
/// Open addressing with linear probing over 64-bit slots (32 bits of hash, the id + 1), kept at most
/// half full; the keys live in one arena. `removeAll()` empties it in O(entries), not O(capacity), so a
/// worker reuses one table for every article without clearing a large array. Lookups and inserts are
/// O(1) expected. Not thread-safe while it is being written; read-only use may be shared.
final class TermTable {
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var mask: Int
    /// Per entry: the key's start in `arena`, its length, its full hash and the slot that holds it.
    @exclusivity(unchecked) private var keyStart: [Int] = []
    @exclusivity(unchecked) private var keyLength: [Int32] = []
    @exclusivity(unchecked) private var keyHash: [UInt64] = []
    @exclusivity(unchecked) private var slotOf: [Int32] = []
    @exclusivity(unchecked) private var arena: [UInt8] = []

    /// Creates an empty table sized for about `capacity` keys (it grows as needed).
    init(capacity: Int = 512) {
        var slotCount = 64
        while slotCount < 2 * capacity { slotCount *= 2 }
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        mask = slotCount - 1
        arena.reserveCapacity(4096)
    }

    deinit { slots.deallocate() }

    /// Number of keys.
    var count: Int { keyStart.count }

    /// Forgets every key, keeping the storage. O(count).
    func removeAll() {
        for s in slotOf { slots[Int(s)] = 0 }
        keyStart.removeAll(keepingCapacity: true)
        keyLength.removeAll(keepingCapacity: true)
        keyHash.removeAll(keepingCapacity: true)
        slotOf.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
    }

    @inline(__always) private func equals(_ id: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard Int(keyLength[id]) == n else { return false }
        let start = keyStart[id]
        return arena.withUnsafeBufferPointer { a in
            let q = a.baseAddress! + start
            var k = 0
            while k + 8 <= n {
                if UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(q + k).loadUnaligned(as: UInt64.self) {
                    return false
                }
                k += 8
            }
            while k < n {
                if p[k] != q[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// The id of the `n` bytes at `p`, or nil. O(1) expected.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        let h = ByteHash.hash(p, n)
        let tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let w = slots[i]
            if w == 0 { return nil }
            if w >> 32 == tag {
                let id = Int(w & 0xFFFF_FFFF) - 1
                if equals(id, p, n) { return id }
            }
            i = (i + 1) & mask
        }
    }

    /// The id of the `n` bytes at `p`, inserting them as the next id when absent. O(1) expected.
    @inline(__always) func findOrInsert(_ p: UnsafePointer<UInt8>, _ n: Int) -> (id: Int, inserted: Bool) {
        let h = ByteHash.hash(p, n)
        let tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let w = slots[i]
            if w == 0 { break }
            if w >> 32 == tag {
                let id = Int(w & 0xFFFF_FFFF) - 1
                if equals(id, p, n) { return (id, false) }
            }
            i = (i + 1) & mask
        }
        let id = keyStart.count
        keyStart.append(arena.count)
        keyLength.append(Int32(n))
        keyHash.append(h)
        slotOf.append(Int32(i))
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        slots[i] = tag << 32 | UInt64(id + 1)
        if 2 * (id + 1) > mask + 1 { grow() }
        return (id, true)
    }

    private func grow() {
        let slotCount = 2 * (mask + 1)
        slots.deallocate()
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        mask = slotCount - 1
        for id in 0..<keyStart.count {
            let h = keyHash[id]
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = (h >> 32) << 32 | UInt64(id + 1)
            slotOf[id] = Int32(i)
        }
    }
}

/// A read-only map from a fitted model's single-word terms to their idf, shared by all workers.
final class ModelIDFTable: @unchecked Sendable {
    private let table: TermTable
    private let idf: [Float]
    /// The idf given to terms the model never saw: that of a term in no document, `ln(n + 1) + 1`
    /// (scikit-learn's smoothed formula with df = 0), or the model's largest idf if that is larger.
    let unseenIDF: Float

    /// Builds the map from a model's vocabulary. Word n-grams of two or more words are left out (the
    /// summarizer weighs single words), and so is every term of a character n-gram model, whose terms
    /// are not words: with such a model every word gets the same idf, so the weights are plain tf.
    init(model: TfidfModel) {
        let vocabulary = model.vocabulary
        let table = TermTable(capacity: vocabulary.count)
        var idf: [Float] = []
        idf.reserveCapacity(vocabulary.count)
        var largest: Double = 1
        var wordTerms = false
        if case .words = model.analyzer.terms { wordTerms = true }
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard wordTerms, let base = bytes.baseAddress else { return }
            for column in 0..<vocabulary.count {
                let start = vocabulary.starts[column], end = vocabulary.starts[column + 1]
                guard end > start, !bytes[start..<end].contains(0x20) else { continue }
                if table.findOrInsert(base + start, end - start).inserted { idf.append(Float(model.idf[column])) }
                largest = max(largest, model.idf[column])
            }
        }
        self.table = table
        self.idf = idf
        unseenIDF = Float(max(largest, log(Double(model.documentCount) + 1) + 1))
    }

    /// The idf of a term given as bytes.
    @inline(__always) func idf(_ p: UnsafePointer<UInt8>, _ n: Int) -> Float {
        if let id = table.find(p, n) { return idf[id] }
        return unseenIDF
    }
}
