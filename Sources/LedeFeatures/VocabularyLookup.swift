import Foundation
import LedeText

/// Finds the columns of a fitted vocabulary's terms in new documents: its tokens (or character n-grams)
/// by their bytes, each with its column or -1, and its word n-grams by the bytes of their token ids, as
/// counting keys them. Read-only once built, so workers share it.
final class VocabularyLookup: @unchecked Sendable {
    /// Tokens of the vocabulary's terms → token id.
    let tokens: ByteKeyTable
    /// Column of each token id, or -1 (a token may appear only inside n-grams), or `stopWord`.
    @exclusivity(unchecked) private(set) var tokenColumn: [Int32] = []
    /// Token-id sequences of n-grams → column.
    let ngrams: ByteKeyTable
    let wordMode: Bool

    /// The `tokenColumn` of a stop word: in word mode the stop words are in `tokens` too, so that one
    /// lookup per token both finds its column and tells whether to drop it before forming n-grams.
    static let stopWord: Int32 = -2

    init(vocabulary: Vocabulary, terms: TextAnalyzer.Terms, stopWords: StopWords? = nil) {
        if case .words = terms { wordMode = true } else { wordMode = false }
        // Sized up front so that building never rehashes (a model's vocabulary is mostly n-grams).
        tokens = ByteKeyTable(capacity: vocabulary.count / 2, keyBytes: vocabulary.bytes.count / 2)
        ngrams = ByteKeyTable(capacity: wordMode ? vocabulary.count : 16, keyBytes: wordMode ? vocabulary.count * 8 : 16)
        tokenColumn.reserveCapacity(vocabulary.count / 2)
        // First the tokens, noting each n-gram's token ids; then the n-grams, each slot requested a few
        // keys ahead so that the table's cache misses overlap.
        var ngramIDs: [UInt32] = []
        var ngramKeys: [(start: Int, count: Int, column: UInt32, hash: UInt64)] = []
        if wordMode { ngramIDs.reserveCapacity(2 * vocabulary.count) }
        // Terms are sorted, so consecutive n-grams often start with the same token: remember the last
        // first token and its id rather than look it up again.
        var lastFirst = (start: 0, count: -1, id: UInt32(0))
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for column in 0..<vocabulary.count {
                let start = vocabulary.starts[column], end = vocabulary.starts[column + 1]
                let first = ngramIDs.count
                var i = start
                while i <= end {
                    var j = i
                    while j < end && (bytes[j] != 0x20 || !wordMode) { j += 1 }
                    if i == start && j - i == lastFirst.count && memcmp(base + i, base + lastFirst.start, j - i) == 0 {
                        ngramIDs.append(lastFirst.id)
                    } else {
                        let found = tokens.findOrInsert(base + i, j - i, hash: ByteHash.hash(base + i, j - i), value: UInt32(tokenColumn.count))
                        if found.inserted { tokenColumn.append(-1) }
                        ngramIDs.append(found.value)
                        if i == start { lastFirst = (i, j - i, found.value) }
                    }
                    i = j + 1
                }
                if ngramIDs.count - first == 1 {
                    tokenColumn[Int(ngramIDs[first])] = Int32(column)
                    ngramIDs.removeLast()
                } else {
                    ngramKeys.append((first, ngramIDs.count - first, UInt32(column), 0))
                }
            }
        }
        if wordMode, let stopWords {
            // No term holds a stop word (they are dropped before n-grams are formed), so none is in `tokens` yet.
            for word in stopWords.members.members {
                var bytes = Array(word.utf8)
                bytes.withUnsafeMutableBufferPointer { b in
                    let found = tokens.findOrInsert(b.baseAddress!, b.count, hash: ByteHash.hash(b.baseAddress!, b.count),
                                                    value: UInt32(tokenColumn.count))
                    if found.inserted { tokenColumn.append(Self.stopWord) }
                }
            }
        }
        ngramIDs.withUnsafeBytes { raw in
            let ids = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for k in ngramKeys.indices {
                ngramKeys[k].hash = ByteHash.hash(ids + 4 * ngramKeys[k].start, 4 * ngramKeys[k].count)
            }
            for k in ngramKeys.indices {
                if k + 12 < ngramKeys.count { ngrams.prefetch(ngramKeys[k + 12].hash) }
                let key = ngramKeys[k]
                _ = ngrams.findOrInsert(ids + 4 * key.start, 4 * key.count, hash: key.hash, value: key.column)
            }
        }
    }

    /// The token id of a token or character n-gram, or `UInt32.max` when the vocabulary has none.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        tokens.find(p, n, hash: ByteHash.hash(p, n)) ?? .max
    }
}
