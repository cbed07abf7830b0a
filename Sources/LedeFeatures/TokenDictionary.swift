import LedeText

/// Every distinct token (or character n-gram) of a corpus with its id, split into shards by hash so that
/// new tokens can be added by several threads at once, each shard by one. A token's id is
/// `index in its shard × shards + shard`, so ids stay nearly dense. Read-only while documents are tokenized.
final class TokenDictionary {
    let shards: Int
    let tables: [ByteKeyTable]

    init(shards: Int) {
        self.shards = max(1, shards)
        tables = (0..<self.shards).map { _ in ByteKeyTable(capacity: 1 << 13) }
    }

    /// The shard that holds a token with this hash (16 bits of it scaled to the shard count: no division).
    @inline(__always) func shard(ofHash hash: UInt64) -> Int {
        Self.shard(ofHash: hash, shards: shards)
    }

    @inline(__always) static func shard(ofHash hash: UInt64, shards: Int) -> Int {
        Int(truncatingIfNeeded: (((hash >> 44) & 0xFFFF) &* UInt64(shards)) >> 16)
    }

    /// One more than the largest id in use.
    var idLimit: Int {
        var limit = 0
        for (s, table) in tables.enumerated() where table.count > 0 { limit = max(limit, (table.count - 1) * shards + s + 1) }
        return limit
    }

    /// The id of a token, or nil when it is not here.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
        lookup.find(p, n, hash: hash)
    }

    /// The shards as plain pointers, for lookups in hot loops while the dictionary does not change.
    var lookup: Lookup { Lookup(shards: shards, tables: tables.map(\.lookup)) }

    /// Lookups in a dictionary that does not change meanwhile (no reference counting per lookup).
    struct Lookup {
        let shards: Int
        let tables: [ByteKeyTable.Lookup]

        /// The id of a token, or nil when it is not here.
        @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
            let s = TokenDictionary.shard(ofHash: hash, shards: shards)
            guard let index = tables[s].find(p, n, hash: hash) else { return nil }
            return index &* UInt32(shards) &+ UInt32(s)
        }
    }

    /// Adds a token to shard `s` (which must be the shard of its hash) if absent; returns its id.
    @inline(__always) func add(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, shard s: Int) -> UInt32 {
        let table = tables[s]
        let index = table.findOrInsert(p, n, hash: hash, value: UInt32(truncatingIfNeeded: table.count)).value
        precondition(Int(index) * shards + s < Int(TokenSequencer.provisional), "TokenDictionary: more than 2 billion distinct tokens")
        return index &* UInt32(shards) &+ UInt32(s)
    }

    /// The bytes of the token with this id, or nil when no token has it.
    @inline(__always) func key(_ id: Int) -> UnsafeBufferPointer<UInt8>? {
        let table = tables[id % shards], index = id / shards
        return index < table.count ? table.key(index) : nil
    }
}
