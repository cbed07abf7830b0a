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
        // Terms go in blocks, so that the tables' cache misses overlap: each block's words are hashed and
        // their slots requested, then looked up in order, each a few ahead of the slot it waits for; then
        // the block's n-grams go in the same way.
        var block = TermBlock()
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for blockStart in stride(from: 0, to: vocabulary.count, by: TermBlock.size) {
                let columns = blockStart..<min(blockStart + TermBlock.size, vocabulary.count)
                block.split(columns, starts: vocabulary.starts, base, wordMode: wordMode)
                addTokens(of: columns, from: &block, base)
                addNGrams(from: &block)
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

    /// One block of terms on its way into the tables: their words, then their token ids and n-gram keys.
    private struct TermBlock {
        static let size = 256
        /// How many words ahead a slot is requested.
        static let ahead = 12
        /// Each term's words (a character n-gram term is one), in term order.
        var pieces: [(start: Int, count: Int, hash: UInt64)] = []
        /// Where each term's words end in `pieces`; a term with no words is left out of the lookup.
        var termEnds: [Int] = []
        /// The token ids of the block's terms, and the n-grams among them, keyed by a range of `ids`.
        var ids: [UInt32] = []
        var ngramKeys: [(start: Int, count: Int, column: UInt32, hash: UInt64)] = []
        /// The first word of the last term looked up, and its id: sorted n-grams often share it.
        var lastFirst = (start: 0, count: -1, id: UInt32(0))

        /// Splits the terms of `columns` into their words (at spaces, in word mode) and hashes them. A term
        /// that is empty or has an empty word (a space at an end, or two in a row) can never match a
        /// document's tokens, so it gets no words.
        mutating func split(_ columns: Range<Int>, starts: [Int], _ base: UnsafePointer<UInt8>, wordMode: Bool) {
            pieces.removeAll(keepingCapacity: true)
            termEnds.removeAll(keepingCapacity: true)
            for column in columns {
                let first = pieces.count, end = starts[column + 1]
                var i = starts[column]
                while i <= end {
                    var j = i
                    while j < end && (base[j] != 0x20 || !wordMode) { j += 1 }
                    if j == i {   // an empty word: the term is left out
                        pieces.removeSubrange(first...)
                        break
                    }
                    pieces.append((i, j - i, ByteHash.hash(base + i, j - i)))
                    i = j + 1
                }
                termEnds.append(pieces.count)
            }
        }
    }

    /// Looks up (adding when new) the words of the block's terms in order, noting each single-word term's
    /// column and each n-gram's key.
    private func addTokens(of columns: Range<Int>, from block: inout TermBlock, _ base: UnsafePointer<UInt8>) {
        block.ids.removeAll(keepingCapacity: true)
        block.ngramKeys.removeAll(keepingCapacity: true)
        let ahead = TermBlock.ahead, pieceCount = block.pieces.count
        for k in 0..<min(ahead, pieceCount) { tokens.prefetch(block.pieces[k].hash) }
        var k = 0
        for (t, column) in columns.enumerated() {
            let first = block.ids.count, termStart = k
            guard block.termEnds[t] > termStart else { continue }
            while k < block.termEnds[t] {
                if k + ahead < pieceCount { tokens.prefetch(block.pieces[k + ahead].hash) }
                let piece = block.pieces[k], last = block.lastFirst
                if k == termStart && piece.count == last.count && memcmp(base + piece.start, base + last.start, piece.count) == 0 {
                    block.ids.append(last.id)
                } else {
                    let found = tokens.findOrInsert(base + piece.start, piece.count, hash: piece.hash, value: UInt32(tokenColumn.count))
                    if found.inserted { tokenColumn.append(-1) }
                    block.ids.append(found.value)
                    if k == termStart { block.lastFirst = (piece.start, piece.count, found.value) }
                }
                k += 1
            }
            if block.ids.count - first == 1 {
                tokenColumn[Int(block.ids[first])] = Int32(column)
            } else {
                block.ngramKeys.append((first, block.ids.count - first, UInt32(column), 0))
            }
        }
    }

    /// Adds the block's n-grams, keyed by the bytes of their token ids.
    private func addNGrams(from block: inout TermBlock) {
        guard !block.ngramKeys.isEmpty else { return }
        let ahead = TermBlock.ahead
        block.ids.withUnsafeBytes { raw in
            let keyBytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for g in block.ngramKeys.indices {
                block.ngramKeys[g].hash = ByteHash.hash(keyBytes + 4 * block.ngramKeys[g].start, 4 * block.ngramKeys[g].count)
                if g < ahead { ngrams.prefetch(block.ngramKeys[g].hash) }
            }
            for g in block.ngramKeys.indices {
                if g + ahead < block.ngramKeys.count { ngrams.prefetch(block.ngramKeys[g + ahead].hash) }
                let key = block.ngramKeys[g]
                // Terms are unique, and so are their token-id sequences.
                ngrams.insertAbsent(keyBytes + 4 * key.start, 4 * key.count, hash: key.hash, value: key.column)
            }
        }
    }

    /// The token id of a token or character n-gram, or `UInt32.max` when the vocabulary has none.
    @inline(__always) func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        tokens.find(p, n, hash: ByteHash.hash(p, n)) ?? .max
    }
}
