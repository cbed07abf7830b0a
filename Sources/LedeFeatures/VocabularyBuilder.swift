/// Chooses the columns from the shards' counts as scikit-learn's `CountVectorizer` does: the counted terms
/// whose document frequency lies in [minDF, maxDF], then at most `maxFeatures` of them by highest total
/// count, in term order (UTF-8 byte order). Word n-grams are ordered without building their text: an
/// n-gram's text order is the order of its tokens' ranks, token by token (shorter first on a tie), because
/// tokens hold no byte below the joining space. Each candidate carries what later steps need, so that
/// after sorting nothing is looked up at random.
struct VocabularyBuilder {
    /// The chosen terms in column order.
    var vocabulary: Vocabulary
    /// Column of each token id, or -1.
    var tokenColumns: [Int32]
    /// Per shard: column of each n-gram entry, or -1.
    var ngramColumns: [[Int32]]
    /// Per shard: one bit per n-gram entry, set when it has a column (a small table to test first).
    var ngramChosen: [[UInt64]]
    /// Document frequency per column.
    var documentFrequency: [Int]

    private struct Candidate {
        var key: UInt64            // sort key: token ranks (two at most), or the position in `sequences`
        var total: UInt64
        var shard: UInt32
        var reference: UInt32      // token id, or n-gram entry with bit 31 set
        var documentFrequency: UInt32
        var first: UInt32          // token ids (n-grams of two at most), or the index in `sequences`
        var second: UInt32
        var order: UInt32
    }

    static let ngramFlag: UInt32 = 1 << 31

    init(dictionary: TokenDictionary, tokenCounters: [TokenCounter], ngramCounters: [NGramCounter],
         countedOrders: ClosedRange<Int>, documentCount n: Int, options: TfidfOptions) throws {
        try options.validate()

        // Ranks of the tokens by their bytes: by the first 8 bytes (big-endian), then runs of equal prefixes byte by byte.
        let tokenCount = dictionary.idLimit
        var byBytes: [(leading: UInt64, token: Int32)] = []
        byBytes.reserveCapacity(dictionary.count)
        for t in 0..<tokenCount {
            guard let b = dictionary.key(t) else { continue }
            var key: UInt64 = 0
            for k in 0..<8 { key = key << 8 | UInt64(k < b.count ? b[k] : 0) }
            byBytes.append((key, Int32(t)))
        }
        byBytes.withUnsafeMutableBufferPointer { if $0.count > 0 { Sorting.sort($0.baseAddress!, $0.count) { $0.leading } } }
        var runStart = 0
        while runStart < byBytes.count {
            var runEnd = runStart + 1
            while runEnd < byBytes.count && byBytes[runEnd].leading == byBytes[runStart].leading { runEnd += 1 }
            if runEnd - runStart > 1 {
                byBytes[runStart..<runEnd].sort { dictionary.key(Int($0.token))!.lexicographicallyPrecedes(dictionary.key(Int($1.token))!) }
            }
            runStart = runEnd
        }
        var rank = [UInt32](repeating: 0, count: tokenCount)
        for (r, t) in byBytes.enumerated() { rank[Int(t.token)] = UInt32(r) }
        byBytes = []

        // Candidates: counted terms within the document-frequency bounds.
        let high = TfidfOptions.documents(options.maxDF, of: n)
        let low = TfidfOptions.documents(options.minDF, of: n)
        let maxOrder = countedOrders.upperBound
        var anyCounted = false
        var candidates: [Candidate] = []
        var sequences: [[UInt32]] = []   // token ids of each candidate, when n-grams exceed two tokens
        if countedOrders.lowerBound == 1 {
            for id in 0..<tokenCount {
                var counts = TermCounts()
                for counter in tokenCounters where id < counter.counts.count {
                    counts.documentFrequency += counter.counts[id].documentFrequency
                    counts.total += counter.counts[id].total
                }
                guard counts.documentFrequency > 0 else { continue }
                anyCounted = true
                let df = Double(counts.documentFrequency)
                guard df <= high && df >= low else { continue }
                var c = Candidate(key: UInt64(rank[id] + 1) << 32, total: counts.total, shard: 0, reference: UInt32(id),
                                  documentFrequency: counts.documentFrequency, first: UInt32(id), second: 0, order: 1)
                if maxOrder > 2 {
                    c.first = UInt32(sequences.count)
                    sequences.append([UInt32(id)])
                }
                candidates.append(c)
            }
        }
        for counter in ngramCounters {
            let s = UInt32(counter.shard)
            for e in 0..<counter.ngramCounts.count {
                let counts = counter.ngramCounts[e]
                anyCounted = true
                let df = Double(counts.documentFrequency)
                guard df <= high && df >= low else { continue }
                let key = counter.ngrams.key(e)
                let raw = UnsafeRawPointer(key.baseAddress!)
                var c = Candidate(key: 0, total: counts.total, shard: s, reference: Self.ngramFlag | UInt32(e),
                                  documentFrequency: counts.documentFrequency, first: 0, second: 0, order: UInt32(key.count / 4))
                if maxOrder <= 2 {
                    c.first = raw.loadUnaligned(as: UInt32.self)
                    c.second = raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
                    c.key = UInt64(rank[Int(c.first)] + 1) << 32 | UInt64(rank[Int(c.second)] + 1)
                } else {
                    c.first = UInt32(sequences.count)
                    sequences.append((0..<(key.count / 4)).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self) })
                }
                candidates.append(c)
            }
        }
        guard anyCounted else {
            throw VectorizerError(.emptyVocabulary, "empty vocabulary: the documents have no terms (perhaps only stop words)")
        }
        guard high >= low else {
            throw VectorizerError(.invalidOptions, "maxDF corresponds to fewer documents than minDF")
        }

        // Term order.
        if maxOrder <= 2 {
            candidates.withUnsafeMutableBufferPointer { if $0.count > 0 { Sorting.sort($0.baseAddress!, $0.count) { $0.key } } }
        } else {
            candidates.sort { a, b in
                let sa = sequences[Int(a.first)], sb = sequences[Int(b.first)]
                for k in 0..<min(sa.count, sb.count) where sa[k] != sb[k] {
                    return rank[Int(sa[k])] < rank[Int(sb[k])]
                }
                return sa.count < sb.count
            }
        }

        // max_features: highest total counts (document frequencies when binary), ties to the earlier term.
        if let limit = options.maxFeatures, candidates.count > limit {
            let binary = options.binary
            func weight(_ c: Candidate) -> UInt64 { binary ? UInt64(c.documentFrequency) : c.total }
            var positions = Array(0..<candidates.count)
            positions.sort { a, b in
                let wa = weight(candidates[a]), wb = weight(candidates[b])
                return wa != wb ? wa > wb : a < b
            }
            candidates = positions.prefix(limit).sorted().map { candidates[$0] }
        }
        guard !candidates.isEmpty else {
            throw VectorizerError(.noTermsRemain, "after pruning, no terms remain: try a lower minDF or a higher maxDF")
        }

        // Columns and the vocabulary's text.
        var tokenColumns = [Int32](repeating: -1, count: tokenCount)
        var ngramColumns = ngramCounters.map { [Int32](repeating: -1, count: $0.ngramCounts.count) }
        var ngramChosen = ngramCounters.map { [UInt64](repeating: 0, count: ($0.ngramCounts.count + 63) / 64) }
        var documentFrequency = [Int](repeating: 0, count: candidates.count)
        var starts = [Int](repeating: 0, count: candidates.count + 1)
        var size = 0
        for (column, c) in candidates.enumerated() {
            if maxOrder <= 2 {
                size += dictionary.key(Int(c.first))!.count + (c.order == 2 ? 1 + dictionary.key(Int(c.second))!.count : 0)
            } else {
                size += sequences[Int(c.first)].reduce(-1) { $0 + 1 + dictionary.key(Int($1))!.count }
            }
            starts[column + 1] = size
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var at = 0
            func put(_ token: UInt32) {
                let key = dictionary.key(Int(token))!
                if key.count > 0 { (buffer.baseAddress! + at).initialize(from: key.baseAddress!, count: key.count) }
                at += key.count
            }
            for (column, c) in candidates.enumerated() {
                let s = Int(c.shard)
                documentFrequency[column] = Int(c.documentFrequency)
                if c.reference & Self.ngramFlag == 0 {
                    tokenColumns[Int(c.reference)] = Int32(column)
                } else {
                    let e = Int(c.reference & ~Self.ngramFlag)
                    ngramColumns[s][e] = Int32(column)
                    ngramChosen[s][e >> 6] |= 1 << UInt64(e & 63)
                }
                if maxOrder <= 2 {
                    put(c.first)
                    if c.order == 2 {
                        buffer[at] = 0x20
                        at += 1
                        put(c.second)
                    }
                } else {
                    for (k, token) in sequences[Int(c.first)].enumerated() {
                        if k > 0 {
                            buffer[at] = 0x20
                            at += 1
                        }
                        put(token)
                    }
                }
            }
            initialized = at
        }
        self.vocabulary = Vocabulary(bytes: bytes, starts: starts)
        self.tokenColumns = tokenColumns
        self.ngramColumns = ngramColumns
        self.ngramChosen = ngramChosen
        self.documentFrequency = documentFrequency
    }
}
