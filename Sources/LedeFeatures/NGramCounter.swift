import LedeText

/// Phase two of counting, one shard of the word n-grams (two tokens or more): reads every document's
/// token ids and counts the n-grams this shard owns (by a hash of their first two ids), storing per
/// document its (n-gram, count) pairs and per n-gram its document frequency and total count. Shards own
/// disjoint n-grams and see every document, so nothing is merged afterwards and the counts do not depend
/// on the thread count. An n-gram's key is the bytes of its token ids (4 per token), so any n works alike.
final class NGramCounter {
    let shard: Int
    let shards: Int
    /// The word n-gram sizes counted, two tokens or more.
    let orders: ClosedRange<Int>

    /// Word n-grams of two tokens or more, keyed by the bytes of their token ids.
    let ngrams = ByteKeyTable()
    /// Counts of each n-gram (by entry).
    let ngramCounts = GrowableArray<TermCounts>()

    /// Each document's (n-gram entry, count) pairs, for every document of the corpus, in order.
    let pairs: DocumentPairs

    private struct OwnedNGram {
        var start: UInt32
        var size: UInt32
        var hash: UInt64
    }
    private let owned = GrowableArray<OwnedNGram>()
    /// The current document's positions whose n-grams this shard owns.
    private let starts = GrowableArray<UInt32>()
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private let powerOfTwo: Bool

    /// `keepsDocuments`: store the per-document pairs (for a matrix); without them only the totals are kept.
    init(shard: Int, shards: Int, orders: ClosedRange<Int>, keepsDocuments: Bool = true) {
        precondition(orders.lowerBound >= 2)
        pairs = DocumentPairs(keeps: keepsDocuments)
        self.shard = shard
        self.shards = shards
        self.orders = orders
        powerOfTwo = shards & (shards - 1) == 0
    }

    /// The shard owning an n-gram, from its first two token ids alone (one multiply, so that shards
    /// skip the n-grams of others cheaply; the table's hash is computed only for owned ones).
    @inline(__always) static func shard(ofFirstTwo ids: UInt64, shards: Int, powerOfTwo: Bool) -> Int {
        let mixed = Int(truncatingIfNeeded: (ids &* 0x9E37_79B9_7F4A_7C15) >> 44)
        return powerOfTwo ? mixed & (shards - 1) : mixed % shards
    }

    /// Counts one document given as its token ids. O(tokens × n-gram sizes). The hashes of the n-grams are
    /// computed first, so that each lookup can start loading the slot of a lookup a few positions ahead.
    func countDocument(_ ids: UnsafePointer<UInt32>, _ count: Int) {
        let firstOrder = orders.lowerBound, lastOrder = orders.upperBound
        let positions = max(0, count - firstOrder + 1)
        // The positions whose n-grams this shard owns (every size has the owner of the first two ids),
        // picked without a branch: each shard passes over every position, and half of them are not its own.
        starts.reserve(positions)
        let mine = starts.base
        var ownedCount = 0
        if shards == 1 {
            for i in 0..<positions { mine[i] = UInt32(i) }
            ownedCount = positions
        } else {
            func pick(powerOfTwo: Bool) {
                let shard = self.shard, shards = self.shards
                for i in 0..<positions {
                    mine[ownedCount] = UInt32(i)
                    let firstTwo = UnsafeRawPointer(ids + i).loadUnaligned(as: UInt64.self)
                    ownedCount &+= Self.shard(ofFirstTwo: firstTwo, shards: shards, powerOfTwo: powerOfTwo) == shard ? 1 : 0
                }
            }
            if powerOfTwo { pick(powerOfTwo: true) } else { pick(powerOfTwo: false) }
        }
        // Their n-grams: (start, size, hash), then the lookups, each loading a later one's slot.
        owned.shrink(to: 0)
        for j in 0..<ownedCount {
            let i = Int(mine[j])
            var k = firstOrder
            while k <= lastOrder && i + k <= count {
                let hash = ByteHash.hash(UnsafeRawPointer(ids + i).assumingMemoryBound(to: UInt8.self), 4 * k)
                owned.append(OwnedNGram(start: UInt32(i), size: UInt32(k), hash: hash))
                k += 1
            }
        }
        let ahead = 6
        for j in 0..<min(ahead, owned.count) { ngrams.prefetch(owned[j].hash) }
        for j in 0..<owned.count {
            if j + ahead < owned.count { ngrams.prefetch(owned[j + ahead].hash) }
            let gram = owned[j]
            let key = UnsafeRawPointer(ids + Int(gram.start)).assumingMemoryBound(to: UInt8.self)
            let found = ngrams.findOrInsert(key, 4 * Int(gram.size), hash: gram.hash, value: UInt32(truncatingIfNeeded: ngramCounts.count))
            if found.inserted {
                precondition(ngramCounts.count < Int(UInt32.max) - 1, "NGramCounter: more than 4 billion n-grams in a shard")
                ngramCounts.append(TermCounts())
            }
            pairs.count(found.value, at: ngramCounts.base + Int(found.value))
        }
        pairs.endDocument(termCounts: ngramCounts.base)
    }
}
