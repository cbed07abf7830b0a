import LedeParallel
import LedeText

/// Chooses the columns from the counts as scikit-learn's `CountVectorizer` does: the counted terms whose
/// document frequency lies in [minDF, maxDF], then at most `maxFeatures` of them by highest total count, in
/// term order (UTF-8 byte order). Word n-grams are ordered without building their text: an n-gram's text
/// order is the order of its tokens' ranks, token by token (shorter first on a tie), because tokens hold no
/// byte below the joining space. The work is split into parts (the tokens, and each n-gram shard) that
/// threads build and sort at once before one merge; each candidate carries what later steps need, so that
/// nothing is looked up at random after sorting.
struct VocabularyBuilder {
    /// The chosen terms in column order.
    var vocabulary: Vocabulary
    /// Where each counted term landed.
    var columns: ColumnMap
    /// Document frequency per column.
    var documentFrequency: [Int]

    static let ngramFlag: UInt32 = 1 << 31

    private struct Candidate {
        var key: UInt64            // sort key when n-grams have two tokens at most: their ranks
        var total: UInt64
        var reference: UInt32      // token id, or n-gram entry with bit 31 set
        var documentFrequency: UInt32
        var first: UInt32          // token ids (n-grams of two at most), or the index in the part's `sequences`
        var second: UInt32
        var order: UInt16
        var part: UInt16           // below `tokenParts`: a range of token ids; then one per n-gram shard
    }

    private struct Part {
        var candidates: [Candidate] = []
        var sequences: [[UInt32]] = []   // token ids of each candidate, when n-grams exceed two tokens
        var anyCounted = false
    }

    init(dictionary: TokenDictionary, tokenCounters: [TokenCounter], ngramCounters: [NGramCounter],
         countedOrders: ClosedRange<Int>, documentCount n: Int, options: TfidfOptions, threads: Int) throws {
        try options.validate()
        let threads = WorkerThreads.clamped(threads)
        let tokenCount = dictionary.idLimit
        let rank = Self.tokenRanks(dictionary, threads: threads)

        // Candidates: counted terms within the document-frequency bounds, per part, each part sorted.
        let high = TfidfOptions.documents(options.maxDF, of: n)
        let low = TfidfOptions.documents(options.minDF, of: n)
        let maxOrder = countedOrders.upperBound
        let countsTokens = countedOrders.lowerBound == 1
        let tokenParts = threads
        let partCount = tokenParts + ngramCounters.count
        let built = LockedValue<[Part]>(Array(repeating: Part(), count: partCount))
        parallelFor(blocks: partCount, threads: threads) { p in
            var part = Part()
            if p < tokenParts {
                if countsTokens {
                    for id in (tokenCount * p / tokenParts)..<(tokenCount * (p + 1) / tokenParts) {
                        var counts = TermCounts()
                        for counter in tokenCounters where id < counter.counts.count {
                            counts.documentFrequency += counter.counts[id].documentFrequency
                            counts.total += counter.counts[id].total
                        }
                        guard counts.documentFrequency > 0 else { continue }
                        part.anyCounted = true
                        let df = Double(counts.documentFrequency)
                        guard df <= high && df >= low else { continue }
                        var c = Candidate(key: UInt64(rank[id] + 1) << 32, total: counts.total, reference: UInt32(id),
                                          documentFrequency: counts.documentFrequency, first: UInt32(id), second: 0, order: 1,
                                          part: UInt16(p))
                        if maxOrder > 2 {
                            c.first = UInt32(part.sequences.count)
                            part.sequences.append([UInt32(id)])
                        }
                        part.candidates.append(c)
                    }
                }
            } else {
                let counter = ngramCounters[p - tokenParts]
                part.anyCounted = counter.ngramCounts.count > 0
                for e in 0..<counter.ngramCounts.count {
                    let counts = counter.ngramCounts[e]
                    let df = Double(counts.documentFrequency)
                    guard df <= high && df >= low else { continue }
                    let key = counter.ngrams.key(e)
                    let raw = UnsafeRawPointer(key.baseAddress!)
                    var c = Candidate(key: 0, total: counts.total, reference: Self.ngramFlag | UInt32(e),
                                      documentFrequency: counts.documentFrequency, first: 0, second: 0,
                                      order: UInt16(key.count / 4), part: UInt16(p))
                    if maxOrder <= 2 {
                        c.first = raw.loadUnaligned(as: UInt32.self)
                        c.second = raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
                        c.key = UInt64(rank[Int(c.first)] + 1) << 32 | UInt64(rank[Int(c.second)] + 1)
                    } else {
                        c.first = UInt32(part.sequences.count)
                        part.sequences.append((0..<(key.count / 4)).map { raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self) })
                    }
                    part.candidates.append(c)
                }
            }
            if maxOrder <= 2 {
                part.candidates.withUnsafeMutableBufferPointer { if $0.count > 1 { Sorting.radixSort($0.baseAddress!, $0.count) { $0.key } } }
            } else {
                let sequences = part.sequences
                part.candidates.sort { Self.precedes(sequences[Int($0.first)], sequences[Int($1.first)], rank) }
            }
            let finished = part
            built.withLock { $0[p] = finished }
        }
        let parts = built.withLock { $0 }
        guard parts.contains(where: \.anyCounted) else {
            throw VectorizerError(.emptyVocabulary, "empty vocabulary: the documents have no terms (perhaps only stop words)")
        }
        guard high >= low else {
            throw VectorizerError(.invalidOptions, "maxDF corresponds to fewer documents than minDF")
        }

        // Term order: merge the sorted parts.
        func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
            maxOrder <= 2 ? a.key < b.key
                : Self.precedes(parts[Int(a.part)].sequences[Int(a.first)], parts[Int(b.part)].sequences[Int(b.first)], rank)
        }
        var candidates: [Candidate]
        if maxOrder <= 2 {
            candidates = Self.mergeByKey(parts.map(\.candidates), threads: threads)
        } else {
            candidates = []
            candidates.reserveCapacity(parts.reduce(0) { $0 + $1.candidates.count })
            var heads = [Int](repeating: 0, count: partCount)
            while true {
                var best = -1
                for p in 0..<partCount where heads[p] < parts[p].candidates.count {
                    if best < 0 || precedes(parts[p].candidates[heads[p]], parts[best].candidates[heads[best]]) { best = p }
                }
                if best < 0 { break }
                candidates.append(parts[best].candidates[heads[best]])
                heads[best] += 1
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

        // Columns, document frequencies and the vocabulary's text, written by several threads at disjoint places.
        func tokens(of c: Candidate) -> [UInt32] {
            if maxOrder > 2 { return parts[Int(c.part)].sequences[Int(c.first)] }
            return c.order == 2 ? [c.first, c.second] : [c.first]
        }
        let count = candidates.count
        var starts = [Int](repeating: 0, count: count + 1)
        starts.withUnsafeMutableBufferPointer { starts in
            let sizes = starts.baseAddress! + 1
            parallelFor(blocks: threads, threads: threads) { w in
                for column in (count * w / threads)..<(count * (w + 1) / threads) {
                    let c = candidates[column]
                    var size: Int
                    if maxOrder <= 2 {
                        size = dictionary.key(Int(c.first))!.count
                        if c.order == 2 { size += 1 + dictionary.key(Int(c.second))!.count }
                    } else {
                        size = tokens(of: c).reduce(-1) { $0 + 1 + dictionary.key(Int($1))!.count }
                    }
                    sizes[column] = size
                }
            }
            for column in 0..<count { starts[column + 1] += starts[column] }
        }
        let map = ColumnMap(tokenCount: tokenCount, ngramCounts: ngramCounters.map(\.ngramCounts.count), threads: threads)
        var documentFrequency = [Int](repeating: 0, count: count)
        let all = candidates, offsets = starts
        let bytes = [UInt8](unsafeUninitializedCapacity: offsets[count]) { buffer, initialized in
            documentFrequency.withUnsafeMutableBufferPointer { df in
                let (text, frequencies) = (buffer.baseAddress, df.baseAddress!)
                parallelFor(blocks: threads, threads: threads) { w in
                    // Text and document frequencies by column range.
                    let from = count * w / threads, to = count * (w + 1) / threads
                    for column in from..<to {
                        let c = all[column]
                        frequencies[column] = Int(c.documentFrequency)
                        var at = offsets[column]
                        func write(_ token: UInt32, spaced: Bool) {
                            if spaced {
                                text![at] = 0x20
                                at += 1
                            }
                            let key = dictionary.key(Int(token))!
                            if key.count > 0 { (text! + at).initialize(from: key.baseAddress!, count: key.count) }
                            at += key.count
                        }
                        if maxOrder <= 2 {
                            write(c.first, spaced: false)
                            if c.order == 2 { write(c.second, spaced: true) }
                        } else {
                            for (k, token) in tokens(of: c).enumerated() { write(token, spaced: k > 0) }
                        }
                    }
                    // Columns of the terms in this thread's column range (disjoint places).
                    for column in from..<to {
                        let c = all[column]
                        if c.reference & Self.ngramFlag == 0 {
                            map.tokenColumns[Int(c.reference)] = Int32(column)
                        } else {
                            map.ngramColumns[Int(c.part) - tokenParts][Int(c.reference & ~Self.ngramFlag)] = Int32(column)
                        }
                    }
                }
            }
            initialized = offsets[count]
        }
        map.markChosenNGrams(threads: threads)
        self.vocabulary = Vocabulary(bytes: bytes, starts: starts)
        self.columns = map
        self.documentFrequency = documentFrequency
    }

    /// Whether token-id sequence `a` sorts before `b`: token by token by rank, the shorter first on a tie.
    private static func precedes(_ a: [UInt32], _ b: [UInt32], _ rank: [UInt32]) -> Bool {
        for k in 0..<min(a.count, b.count) where a[k] != b[k] {
            return rank[Int(a[k])] < rank[Int(b[k])]
        }
        return a.count < b.count
    }

    /// Merges lists sorted by distinct keys into one sorted list. With several threads the key space is cut
    /// at quantiles of the longest list, and each thread merges one slice of every list into its place.
    private static func mergeByKey(_ lists: [[Candidate]], threads: Int) -> [Candidate] {
        let total = lists.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let longest = lists.max { $0.count < $1.count }!
        let slices = max(1, min(threads, total / 10_000))
        // Slice r holds keys in [bounds[r], bounds[r + 1]).
        var bounds: [UInt64] = [0]
        for r in 1..<slices { bounds.append(longest[longest.count * r / slices].key) }
        func lowerBound(_ list: [Candidate], _ key: UInt64) -> Int {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid].key < key { low = mid + 1 } else { high = mid }
            }
            return low
        }
        // cuts[r][l]: where slice r starts in list l.
        let cuts = (0...slices).map { r in lists.map { r == 0 ? 0 : (r == slices ? $0.count : lowerBound($0, bounds[r])) } }
        let outputStarts = cuts.map { $0.reduce(0, +) }
        return withBuffers(lists) { buffers in
            [Candidate](unsafeUninitializedCapacity: total) { buffer, initialized in
                let (out, lists) = (buffer.baseAddress!, buffers)
                parallelFor(blocks: slices, threads: slices) { r in
                    let m = lists.count
                    // Plain pointers to each list's next candidate and end, so that the loop below does
                    // no array bookkeeping (and shares no reference counts with the other threads).
                    let heads = UnsafeMutablePointer<UnsafePointer<Candidate>>.allocate(capacity: m)
                    let ends = UnsafeMutablePointer<UnsafePointer<Candidate>>.allocate(capacity: m)
                    defer { heads.deallocate(); ends.deallocate() }
                    for l in 0..<m {
                        let base = lists[l].baseAddress ?? UnsafePointer(out)  // an empty list's cuts are 0
                        heads[l] = base + cuts[r][l]
                        ends[l] = base + cuts[r + 1][l]
                    }
                    var at = out + outputStarts[r]
                    while true {
                        var best = -1
                        for l in 0..<m where heads[l] < ends[l] {
                            if best < 0 || heads[l].pointee.key < heads[best].pointee.key { best = l }
                        }
                        if best < 0 { break }
                        at.initialize(to: heads[best].pointee)
                        at += 1
                        heads[best] += 1
                    }
                }
                initialized = total
            }
        }
    }

    /// Calls `body` with a buffer pointer to each of `lists`, all valid for the call.
    private static func withBuffers<R>(_ lists: [[Candidate]], _ body: ([UnsafeBufferPointer<Candidate>]) -> R) -> R {
        var buffers: [UnsafeBufferPointer<Candidate>] = []
        func nest(_ i: Int) -> R {
            if i == lists.count { return body(buffers) }
            return lists[i].withUnsafeBufferPointer { buffer in
                buffers.append(buffer)
                return nest(i + 1)
            }
        }
        return nest(0)
    }

    /// The rank of each token id among all tokens sorted by their bytes (0 for unused ids). The ids are
    /// split in ranges sorted at once (by the first 8 bytes, big-endian, then ties byte by byte), then merged.
    private static func tokenRanks(_ dictionary: TokenDictionary, threads: Int) -> [UInt32] {
        let limit = dictionary.idLimit
        typealias Keyed = (leading: UInt64, token: Int32)
        func less(_ a: Keyed, _ b: Keyed) -> Bool {
            a.leading != b.leading ? a.leading < b.leading
                : dictionary.key(Int(a.token))!.lexicographicallyPrecedes(dictionary.key(Int(b.token))!)
        }
        let ranges = max(1, min(threads, limit / 50_000))
        let sorted = LockedValue<[[Keyed]]>(Array(repeating: [], count: ranges))
        parallelFor(blocks: ranges, threads: ranges) { r in
            var part: [Keyed] = []
            for t in (limit * r / ranges)..<(limit * (r + 1) / ranges) {
                guard let b = dictionary.key(t) else { continue }
                // The first 8 bytes, zero-padded, as a big-endian integer: integer order is byte order.
                let key = b.isEmpty ? 0 : ByteKeyTable.padded(b.baseAddress!, min(b.count, 8)).byteSwapped
                part.append((key, Int32(t)))
            }
            part.withUnsafeMutableBufferPointer { if $0.count > 1 { Sorting.radixSort($0.baseAddress!, $0.count) { $0.leading } } }
            var runStart = 0
            while runStart < part.count {
                var runEnd = runStart + 1
                while runEnd < part.count && part[runEnd].leading == part[runStart].leading { runEnd += 1 }
                if runEnd - runStart > 1 { part[runStart..<runEnd].sort(by: less) }
                runStart = runEnd
            }
            let finished = part
            sorted.withLock { $0[r] = finished }
        }
        let parts = sorted.withLock { $0 }
        var rank = [UInt32](repeating: 0, count: limit)
        var heads = [Int](repeating: 0, count: ranges)
        var next: UInt32 = 0
        while true {
            var best = -1
            for r in 0..<ranges where heads[r] < parts[r].count {
                if best < 0 || less(parts[r][heads[r]], parts[best][heads[best]]) { best = r }
            }
            if best < 0 { break }
            rank[Int(parts[best][heads[best]].token)] = next
            next += 1
            heads[best] += 1
        }
        return rank
    }
}
