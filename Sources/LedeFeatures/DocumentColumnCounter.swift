import CPrefetch
import LedeText

/// Turns documents into (column, count) pairs with a `VocabularyLookup`, one worker's share; terms not in
/// the vocabulary are skipped.
final class DocumentColumnCounter {
    private let lookup: VocabularyLookup
    private let analyzer: TextAnalyzer
    /// The analyzer tokens are read with: in word mode without stop words, which the lookup marks.
    private let tokenizer: TextAnalyzer
    private let sizes: ClosedRange<Int>
    private let buffer = TokenBuffer()
    private let ids = GrowableArray<UInt32>()
    private let hashes = GrowableArray<UInt64>()
    /// The columns met in the current document, in order, counted once all are known.
    private let columns = GrowableArray<Int32>()
    @exclusivity(unchecked) private var countOfColumn: [UInt32]
    @exclusivity(unchecked) private var touched: [Int32] = []
    private var scalarStarts: [Int] = []
    var invalidUTF8 = 0

    init(lookup: VocabularyLookup, analyzer: TextAnalyzer, columnCount: Int) {
        self.lookup = lookup
        self.analyzer = analyzer
        var tokenizer = analyzer
        if lookup.wordMode { tokenizer.stopWords = nil }
        self.tokenizer = tokenizer
        switch analyzer.terms {
        case .words(let sizes): self.sizes = sizes
        case .charactersWithinWords: self.sizes = 1...1
        }
        countOfColumn = Array(repeating: 0, count: columnCount)
    }

    /// Notes a column met (or -1 for none); they are counted after the document's lookups.
    @inline(__always) private func count(_ column: Int32) {
        if column >= 0 { columns.append(column) }
    }

    /// Counts one document's columns into `pairs` as `column << 32 | count` (unsorted).
    func count(_ text: UnsafeBufferPointer<UInt8>, into pairs: inout [UInt64]) {
        ids.shrink(to: 0)
        appendTokens(of: text)
        finishDocument(into: &pairs)
    }

    /// Counts the columns of a document made of `title` read `repeats` times, each copy followed by a line
    /// break, then `text` (a classifier's input; just the text when the title is empty), into `pairs` as
    /// `count(_:into:)` would count those bytes. In scikit-learn's word mode a token never spans a line
    /// break, so the title is tokenized and looked up once and its token ids repeated; otherwise the bytes
    /// are joined into `joined` and counted.
    func count(title: UnsafeBufferPointer<UInt8>, repeats: Int, text: UnsafeBufferPointer<UInt8>,
               joined: GrowableArray<UInt8>, into pairs: inout [UInt64]) {
        precondition(repeats >= 1, "DocumentColumnCounter: a title is read at least once")
        if title.isEmpty {
            count(text, into: &pairs)
            return
        }
        guard case .scikitLearn = analyzer.tokenization, lookup.wordMode else {
            joined.shrink(to: 0)
            for _ in 0..<repeats {
                if let base = title.baseAddress { joined.append(contentsOf: base, count: title.count) }
                joined.append(0x0A)
            }
            if let base = text.baseAddress { joined.append(contentsOf: base, count: text.count) }
            count(UnsafeBufferPointer(joined.buffer), into: &pairs)
            return
        }
        ids.shrink(to: 0)
        let invalidBefore = invalidUTF8
        appendTokens(of: title)
        invalidUTF8 += (invalidUTF8 - invalidBefore) * (repeats - 1)
        let titleTokens = ids.count
        ids.reserve(titleTokens * repeats)  // before reading `ids.base`: the copies must not move it
        for copy in 1..<repeats { (ids.base + copy * titleTokens).update(from: ids.base, count: titleTokens) }
        ids.setCount(titleTokens * repeats)
        appendTokens(of: text)
        finishDocument(into: &pairs)
    }

    /// Appends the token ids of `text` (`.max` for tokens outside the vocabulary; stop words dropped).
    private func appendTokens(of text: UnsafeBufferPointer<UInt8>) {
        invalidUTF8 += tokenizer.tokenize(text, into: buffer) { buffer in
            if !lookup.wordMode {
                for t in 0..<buffer.tokenCount {
                    forEachCharacterNGram(ofToken: t, in: buffer, sizes: analyzer.characterSizes, scalarStarts: &scalarStarts) { p, n in
                        ids.append(lookup.find(p, n))
                    }
                }
                return
            }
            // Hashes first, each slot requested at once, so that the table's cache misses overlap;
            // then the lookups. Stop words are dropped here, before n-grams are formed.
            hashes.shrink(to: 0)
            for t in 0..<buffer.tokenCount {
                let token = buffer.token(t)
                let hash = ByteHash.hash(token.baseAddress!, token.count)
                hashes.append(hash)
                lookup.tokens.prefetch(hash)
            }
            let tokenColumn = lookup.tokenColumn, tokens = lookup.tokens.lookup
            for t in 0..<buffer.tokenCount {
                let token = buffer.token(t)
                let id = tokens.find(token.baseAddress!, token.count, hash: hashes[t]) ?? .max
                if id != .max && tokenColumn[Int(id)] == VocabularyLookup.stopWord { continue }
                ids.append(id)
            }
        }
    }

    /// Counts the n-grams of the document's token ids and writes its pairs.
    private func finishDocument(into pairs: inout [UInt64]) {
        let n = ids.count
        let tokenColumn = lookup.tokenColumn
        // Request the slots of the document's n-grams of the smallest size ahead, as for tokens, keeping
        // their hashes (in `hashes`, by start) for the lookups below.
        let smallest = max(2, sizes.lowerBound)
        hashes.shrink(to: 0)
        if sizes.upperBound >= smallest {
            var i = 0
            while i + smallest <= n {
                let key = UnsafeRawPointer(ids.base + i).assumingMemoryBound(to: UInt8.self)
                let hash = ByteHash.hash(key, 4 * smallest)
                hashes.append(hash)
                lookup.ngrams.prefetch(hash)
                i += 1
            }
        }
        let ngrams = lookup.ngrams.lookup
        for i in 0..<n {
            let id = ids[i]
            if sizes.lowerBound == 1 && id != .max { count(tokenColumn[Int(id)]) }
            var k = smallest
            while k <= sizes.upperBound && i + k <= n {
                if ids[i + k - 1] == .max { break }   // every longer n-gram from i holds it too
                if (i..<(i + k - 1)).contains(where: { ids[$0] == .max }) { break }
                let key = UnsafeRawPointer(ids.base + i).assumingMemoryBound(to: UInt8.self)
                let hash = k == smallest ? hashes[i] : ByteHash.hash(key, 4 * k)
                if let column = ngrams.find(key, 4 * k, hash: hash) { count(Int32(column)) }
                k += 1
            }
        }
        // The per-column counts are scattered over an array as long as the vocabulary: request every
        // count's cache line first, then count, so that the misses overlap.
        countOfColumn.withUnsafeMutableBufferPointer { counts in
            for c in 0..<columns.count { lede_prefetch(counts.baseAddress! + Int(columns[c])) }
            for c in 0..<columns.count {
                let column = Int(columns[c])
                if counts[column] == 0 { touched.append(Int32(column)) }
                counts[column] &+= 1
            }
        }
        columns.shrink(to: 0)
        pairs.removeAll(keepingCapacity: true)
        for column in touched {
            pairs.append(UInt64(UInt32(column)) << 32 | UInt64(countOfColumn[Int(column)]))
            countOfColumn[Int(column)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }
}

extension TextAnalyzer {
    /// The character n-gram sizes (1...1 for word terms).
    var characterSizes: ClosedRange<Int> {
        if case .charactersWithinWords(let sizes) = terms { return sizes }
        return 1...1
    }
}
