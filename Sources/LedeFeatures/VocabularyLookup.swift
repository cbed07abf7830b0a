import LedeText

/// Finds the columns of a fitted vocabulary's terms in new documents: its tokens (or character n-grams)
/// by their bytes, each with its column or -1, and its word n-grams by the bytes of their token ids, as
/// counting keys them. Read-only once built, so workers share it.
final class VocabularyLookup: @unchecked Sendable {
    /// Tokens of the vocabulary's terms → token id.
    let tokens = ByteKeyTable()
    /// Column of each token id, or -1 (a token may appear only inside n-grams).
    @exclusivity(unchecked) private(set) var tokenColumn: [Int32] = []
    /// Token-id sequences of n-grams → column.
    let ngrams = ByteKeyTable()
    let wordMode: Bool

    init(vocabulary: Vocabulary, terms: TextAnalyzer.Terms) {
        if case .words = terms { wordMode = true } else { wordMode = false }
        var ids: [UInt32] = []
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for column in 0..<vocabulary.count {
                let start = vocabulary.starts[column], end = vocabulary.starts[column + 1]
                ids.removeAll(keepingCapacity: true)
                var i = start
                while i <= end {
                    var j = i
                    while j < end && (bytes[j] != 0x20 || !wordMode) { j += 1 }
                    let found = tokens.findOrInsert(base + i, j - i, hash: ByteHash.hash(base + i, j - i), value: UInt32(tokenColumn.count))
                    if found.inserted { tokenColumn.append(-1) }
                    ids.append(found.value)
                    i = j + 1
                }
                if ids.count == 1 {
                    tokenColumn[Int(ids[0])] = Int32(column)
                } else {
                    ids.withUnsafeBytes { raw in
                        let key = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                        _ = ngrams.findOrInsert(key, raw.count, hash: ByteHash.hash(key, raw.count), value: UInt32(column))
                    }
                }
            }
        }
    }

    /// The token id of a token or character n-gram, or `UInt32.max` when the vocabulary has none.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        tokens.find(p, n, hash: ByteHash.hash(p, n)) ?? .max
    }
}
