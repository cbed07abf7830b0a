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
        // Terms go in blocks, and each block in three passes, so that the tables' cache misses overlap:
        // every token of the block is hashed and its slot requested; the tokens are looked up (added when
        // new) in order, each a few ahead of the slot it waits for; then the block's n-grams, keyed by the
        // bytes of their token ids, go in the same way. Terms are sorted, so consecutive n-grams often start
        // with the same token: the last first token and its id are remembered rather than looked up again.
        var lastFirst = (start: 0, count: -1, id: UInt32(0))
        var pieces: [(start: Int, count: Int, hash: UInt64)] = []
        var termEnds: [Int] = []
        var ids: [UInt32] = []
        var ngramKeys: [(start: Int, count: Int, column: UInt32, hash: UInt64)] = []
        let block = 256, ahead = 12
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for blockStart in stride(from: 0, to: vocabulary.count, by: block) {
                let blockEnd = min(blockStart + block, vocabulary.count)
                pieces.removeAll(keepingCapacity: true)
                termEnds.removeAll(keepingCapacity: true)
                ids.removeAll(keepingCapacity: true)
                ngramKeys.removeAll(keepingCapacity: true)
                for column in blockStart..<blockEnd {
                    let end = vocabulary.starts[column + 1]
                    var i = vocabulary.starts[column]
                    while i <= end {
                        var j = i
                        while j < end && (bytes[j] != 0x20 || !wordMode) { j += 1 }
                        pieces.append((i, j - i, ByteHash.hash(base + i, j - i)))
                        i = j + 1
                    }
                    termEnds.append(pieces.count)
                }
                for k in 0..<min(ahead, pieces.count) { tokens.prefetch(pieces[k].hash) }
                var k = 0
                for (t, column) in (blockStart..<blockEnd).enumerated() {
                    let first = ids.count, termStart = k
                    while k < termEnds[t] {
                        if k + ahead < pieces.count { tokens.prefetch(pieces[k + ahead].hash) }
                        let piece = pieces[k]
                        if k == termStart && piece.count == lastFirst.count && memcmp(base + piece.start, base + lastFirst.start, piece.count) == 0 {
                            ids.append(lastFirst.id)
                        } else {
                            let found = tokens.findOrInsert(base + piece.start, piece.count, hash: piece.hash, value: UInt32(tokenColumn.count))
                            if found.inserted { tokenColumn.append(-1) }
                            ids.append(found.value)
                            if k == termStart { lastFirst = (piece.start, piece.count, found.value) }
                        }
                        k += 1
                    }
                    if ids.count - first == 1 {
                        tokenColumn[Int(ids[first])] = Int32(column)
                    } else {
                        ngramKeys.append((first, ids.count - first, UInt32(column), 0))
                    }
                }
                guard !ngramKeys.isEmpty else { continue }
                ids.withUnsafeBytes { raw in
                    let keyBytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    for g in ngramKeys.indices {
                        ngramKeys[g].hash = ByteHash.hash(keyBytes + 4 * ngramKeys[g].start, 4 * ngramKeys[g].count)
                        if g < ahead { ngrams.prefetch(ngramKeys[g].hash) }
                    }
                    for g in ngramKeys.indices {
                        if g + ahead < ngramKeys.count { ngrams.prefetch(ngramKeys[g + ahead].hash) }
                        let key = ngramKeys[g]
                        // Terms are unique, and so are their token-id sequences.
                        ngrams.insertAbsent(keyBytes + 4 * key.start, 4 * key.count, hash: key.hash, value: key.column)
                    }
                }
            }
        }
        if wordMode, let stopWords {
            // No term holds a stop word (they are dropped before n-grams are formed), so none is in `tokens` yet.
            for word in stopWords.members.members where !word.isEmpty {   // an empty one never meets a token
                var bytes = Array(word.utf8)
                bytes.withUnsafeMutableBufferPointer { b in
                    let found = tokens.findOrInsert(b.baseAddress!, b.count, hash: ByteHash.hash(b.baseAddress!, b.count),
                                                    value: UInt32(tokenColumn.count))
                    if found.inserted { tokenColumn.append(Self.stopWord) }
                }
            }
        }
    }

    /// The token id of a token or character n-gram, or `UInt32.max` when the vocabulary has none.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        tokens.find(p, n, hash: ByteHash.hash(p, n)) ?? .max
    }
}
