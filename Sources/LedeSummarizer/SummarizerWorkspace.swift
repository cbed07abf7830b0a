import LedeSentences
import LedeText
import LedeExtract
import LedeBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch space for summarizing one text at a time, reused from text to text so that the per-article
/// work allocates little: the term table, token ids, sentence vectors and the dense matrices.
///
/// Not thread-safe: give each thread its own (`Summarizer.summarize(batch:threads:)` does).
/// Memory is bounded by the longest text seen: linear in its length, plus `graphWindow`² floats.
public final class SummarizerWorkspace {
    let tokens = TokenBuffer(blockTokenLimit: 4096, blockByteLimit: 1 << 16)
    let terms = ByteKeyTable(capacity: 512)

    // Per text.
    @exclusivity(unchecked) var segments: [Range<Int>] = []
    @exclusivity(unchecked) var wordCounts: [Int32] = []
    /// Whether each segment looks like page furniture (navigation, a credit, a sign-up line): never picked.
    @exclusivity(unchecked) var isBoilerplate: [Bool] = []
    /// Whether the last `select` picked nothing because no candidate fits the word budget.
    var budgetTooSmall = false
    /// Token term ids of every sentence, in order; sentence `i` owns `tokenIDs[tokenStart[i]..<tokenStart[i+1]]`.
    @exclusivity(unchecked) var tokenIDs: [Int32] = []
    @exclusivity(unchecked) var tokenStart: [Int32] = []
    /// idf of each term (model idf only).
    @exclusivity(unchecked) var termIDF: [Float] = []
    /// Sentence indices of the candidates.
    @exclusivity(unchecked) var candidates: [Int32] = []
    /// Each candidate's vector: distinct terms (increasing) and weights; candidate `c` owns
    /// `vectorTerms[vectorStart[c]..<vectorStart[c+1]]`. Counts until weighted, then unit-length weights.
    @exclusivity(unchecked) var vectorStart: [Int32] = []
    @exclusivity(unchecked) var vectorTerms: [Int32] = []
    @exclusivity(unchecked) var vectorWeights: [Float] = []
    /// Each candidate's score.
    @exclusivity(unchecked) var scores: [Double] = []
    /// Candidates best first.
    @exclusivity(unchecked) var order: [Int32] = []
    @exclusivity(unchecked) var picked: [Int32] = []

    // Per window.
    @exclusivity(unchecked) var localOf: [Int32] = []
    @exclusivity(unchecked) var localTerms: [Int32] = []
    @exclusivity(unchecked) var documentFrequency: [Int32] = []
    @exclusivity(unchecked) var localWeight: [Float] = []
    @exclusivity(unchecked) var dense: [Float] = []
    @exclusivity(unchecked) var similarity: [Float] = []
    @exclusivity(unchecked) var transition: [Float] = []
    @exclusivity(unchecked) var rank: [Float] = []
    @exclusivity(unchecked) var nextRank: [Float] = []
    @exclusivity(unchecked) var teleport: [Float] = []
    @exclusivity(unchecked) var dangling: [Bool] = []
    @exclusivity(unchecked) var sortScratch: [Int32] = []
    /// PageRank iterations run, and the last L1 change, for the last window ranked (for tests).
    @exclusivity(unchecked) var iterations = 0
    @exclusivity(unchecked) var lastChange: Float = 0
    /// Scratch space of a learned scorer's features (`SentenceFeatures.swift`).
    let featureScratch = FeatureScratch()

    /// Creates an empty workspace.
    public init() {}

    /// Fills `segments` and `wordCounts` (after clearing them): the segmenter's sentences, each cut
    /// into pieces when it has more than `maximumSentenceWords` words.
    func segment(_ bytes: UnsafeBufferPointer<UInt8>, summarizer: Summarizer) {
        segments.removeAll(keepingCapacity: true)
        wordCounts.removeAll(keepingCapacity: true)
        let options = summarizer.options
        let pieceWords = max(1, options.maximumSentenceWords / 2)
        for range in summarizer.segmenter.segments(in: bytes) {
            let words = Words.count(bytes, range)
            if words > options.maximumSentenceWords {
                Words.split(bytes, range, words: words, pieceWords: pieceWords, into: &segments, wordCounts: &wordCounts)
            } else {
                segments.append(range)
                wordCounts.append(Int32(words))
            }
        }
    }

    /// Reads the text: segments (cut when overlong), word counts, token term ids.
    func read(_ bytes: UnsafeBufferPointer<UInt8>, summarizer: Summarizer) {
        let options = summarizer.options
        tokenIDs.removeAll(keepingCapacity: true)
        tokenStart.removeAll(keepingCapacity: true)
        termIDF.removeAll(keepingCapacity: true)
        terms.removeAll()

        segment(bytes, summarizer: summarizer)
        isBoilerplate.removeAll(keepingCapacity: true)
        for range in segments { isBoilerplate.append(BoilerplateSentence.looksLikeBoilerplate(utf8: UnsafeBufferPointer(rebasing: bytes[range]))) }

        let analyzer = options.analyzer
        let model = summarizer.modelIDF
        tokenStart.append(0)
        let keepPossessives = options.possessivesAsDistinctTerms
        if keepPossessives { findPossessives(bytes) }
        var nextPossessive = 0
        for range in segments {
            let onBlock: (TokenBuffer) -> Void = { block in
                for t in 0..<block.tokenCount {
                    let token = block.token(t)
                    let p = token.baseAddress!, n = token.count
                    let term = self.terms.intern(p, n, hash: ByteHash.hash(p, n))
                    if term.inserted, let model { self.termIDF.append(model.idf(p, n)) }
                    self.tokenIDs.append(Int32(term.entry))
                }
            }
            if keepPossessives && joinPossessives(bytes, range, next: &nextPossessive) {
                possessiveScratch.withUnsafeBufferPointer { _ = analyzer.tokenize($0, into: tokens, onBlock: onBlock) }
            } else {
                _ = analyzer.tokenize(UnsafeBufferPointer(rebasing: bytes[range]), into: tokens, onBlock: onBlock)
            }
            tokenStart.append(Int32(tokenIDs.count))
        }
    }

    @exclusivity(unchecked) var possessiveScratch: [UInt8] = []
    /// Where each possessive apostrophe of the text starts, and its width in bytes, increasing.
    @exclusivity(unchecked) var possessives: [Int] = []

    /// Finds the possessive apostrophes of the text: "'" or "’" after a letter and before an "s" or
    /// "S" that ends the word ("BBC's", "Jones’s"), found with `memchr`. Each is stored as
    /// `offset << 2 | width`.
    func findPossessives(_ bytes: UnsafeBufferPointer<UInt8>) {
        possessives.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress, bytes.count >= 3 else { return }
        let n = bytes.count
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { let l = b | 0x20; return (l >= 0x61 && l <= 0x7A) || b >= 0x80 }
        @inline(__always) func isPossessive(_ i: Int, _ width: Int) -> Bool {
            let s = i + width
            guard i > 0, s < n, isLetter(bytes[i - 1]), bytes[s] | 0x20 == 0x73 else { return false }
            return s + 1 >= n || !isLetter(bytes[s + 1])
        }
        var straight: [Int] = []
        var i = 0
        while i < n, let hit = memchr(base + i, 0x27, n - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if isPossessive(at, 1) { straight.append(at << 2 | 1) }
            i = at + 1
        }
        var curly: [Int] = []
        i = 0
        while i < n, let hit = memchr(base + i, 0xE2, n - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if at + 2 < n && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x99 && isPossessive(at, 3) { curly.append(at << 2 | 3) }
            i = at + 1
        }
        if curly.isEmpty {
            possessives = straight
        } else {
            possessives = (straight + curly).sorted()
        }
    }

    /// Copies `bytes[range]` into `possessiveScratch` without the possessive apostrophes from
    /// `possessives[next...]` that fall inside it ("BBC's" → "BBCs"), so that the tokenizer keeps a
    /// possessive as its own term; advances `next`. Returns false when the range holds none.
    func joinPossessives(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, next: inout Int) -> Bool {
        while next < possessives.count && possessives[next] >> 2 < range.lowerBound { next += 1 }
        guard next < possessives.count && possessives[next] >> 2 < range.upperBound else { return false }
        possessiveScratch.removeAll(keepingCapacity: true)
        var from = range.lowerBound
        while next < possessives.count && possessives[next] >> 2 < range.upperBound {
            let at = possessives[next] >> 2, width = possessives[next] & 3
            possessiveScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<at]))
            from = at + width
            next += 1
        }
        possessiveScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<range.upperBound]))
        return true
    }

    /// Scores every candidate sentence (after `read`).
    func score(summarizer: Summarizer) {
        let options = summarizer.options
        let n = segments.count
        candidates.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        guard n > 0 else { return }
        if n > 2 {
            for i in 0..<n where Int(wordCounts[i]) >= options.minimumWords && !isBoilerplate[i] { candidates.append(Int32(i)) }
        }
        if candidates.isEmpty {
            for i in 0..<n where !isBoilerplate[i] { candidates.append(Int32(i)) }
        }
        let m = candidates.count
        guard m > 0 else { return }
        buildVectors()
        scores.append(contentsOf: repeatElement(1 / Double(m), count: m))
        if m > 2 {
            // Windows of nearly equal size, at most `graphWindow` candidates each.
            let windows = (m + options.graphWindow - 1) / options.graphWindow
            var start = 0
            for w in 0..<windows {
                let size = (m - start) / (windows - w)
                rankWindow(start..<(start + size), summarizer: summarizer)
                start += size
            }
        } else {
            // Too few to rank, but `select` still compares them: weigh them so the cosine is one.
            _ = weighWindow(0..<m, summarizer: summarizer)
        }
        // Best first; ties go to the earlier sentence.
        order.append(contentsOf: (0..<Int32(m)))
        scores.withUnsafeBufferPointer { s in
            order.sort { a, b in s[Int(a)] > s[Int(b)] || (s[Int(a)] == s[Int(b)] && a < b) }
        }
    }

    /// Each candidate's distinct terms with their counts, terms increasing.
    private func buildVectors() {
        vectorStart.removeAll(keepingCapacity: true)
        vectorTerms.removeAll(keepingCapacity: true)
        vectorWeights.removeAll(keepingCapacity: true)
        vectorStart.append(0)
        for sentence in candidates {
            let from = Int(tokenStart[Int(sentence)]), to = Int(tokenStart[Int(sentence) + 1])
            sortScratch.removeAll(keepingCapacity: true)
            sortScratch.append(contentsOf: tokenIDs[from..<to])
            sortScratch.withUnsafeMutableBufferPointer { ids in
                // Insertion sort: sentences hold tens of tokens.
                for i in 1..<max(1, ids.count) {
                    let v = ids[i]
                    var j = i - 1
                    while j >= 0 && ids[j] > v {
                        ids[j + 1] = ids[j]
                        j -= 1
                    }
                    ids[j + 1] = v
                }
            }
            var k = 0
            while k < sortScratch.count {
                let term = sortScratch[k]
                var run = 1
                while k + run < sortScratch.count && sortScratch[k + run] == term { run += 1 }
                vectorTerms.append(term)
                vectorWeights.append(Float(run))
                k += run
            }
            vectorStart.append(Int32(vectorTerms.count))
        }
    }

    /// Weighs the vectors of candidates `window`, builds their cosine matrix with one gemm over the
    /// window's own terms, and runs PageRank; writes the scores, scaled by the window's share.
    private func rankWindow(_ window: Range<Int>, summarizer: Summarizer) {
        let options = summarizer.options
        let w = window.count
        let m = candidates.count
        let windowSize = Double(w)
        let t = weighWindow(window, summarizer: summarizer)

        // Cosine similarities: S = X·Xᵀ, one gemm.
        similarity.removeAll(keepingCapacity: true)
        similarity.append(contentsOf: repeatElement(0, count: w * w))
        if t > 0 {
            dense.withUnsafeBufferPointer { x in
                similarity.withUnsafeMutableBufferPointer { sim in
                    options.blas.gemm(.none, .transposed, m: w, n: w, k: t, alpha: 1, a: x, b: x, beta: 0, c: sim)
                }
            }
        }

        // Transition matrix: row j holds where sentence j passes its rank; an edge toward a later
        // sentence weighs `forwardWeight` times its cosine; no self-loops; rows sum to 1.
        let forward = Float(options.position.forwardWeight)
        transition.removeAll(keepingCapacity: true)
        transition.append(contentsOf: repeatElement(0, count: w * w))
        dangling.removeAll(keepingCapacity: true)
        similarity.withUnsafeBufferPointer { sim in
            transition.withUnsafeMutableBufferPointer { p in
                for j in 0..<w {
                    var sum: Float = 0
                    for i in 0..<w where i != j {
                        var value = max(0, sim[j * w + i])
                        if i > j { value *= forward }
                        p[j * w + i] = value
                        sum += value
                    }
                    if sum > 0 {
                        let inverse = 1 / sum
                        for i in 0..<w { p[j * w + i] *= inverse }
                    }
                    dangling.append(!(sum > 0))
                }
            }
        }

        // Teleport vector: uniform, plus the prior on early candidates (global positions).
        teleport.removeAll(keepingCapacity: true)
        let position = options.position
        if position.priorShare > 0 {
            let decay = position.decay
            let ratio = exp(-1 / decay)
            // Total prior mass over all m candidates, to weigh later windows' prior by their share.
            let total = (1 - pow(ratio, Double(m))) / (1 - ratio)
            var windowMass = 0.0
            for c in window { windowMass += exp(-Double(c) / decay) }
            let share = position.priorShare * windowMass / total
            for c in window {
                // share × (the candidate's part of the window's prior mass) = priorShare × its part of the total.
                teleport.append(Float((1 - share) / windowSize + position.priorShare * exp(-Double(c) / decay) / total))
            }
        } else {
            teleport.append(contentsOf: repeatElement(Float(1 / windowSize), count: w))
        }

        let damping = Float(options.damping)
        rank.removeAll(keepingCapacity: true)
        rank.append(contentsOf: repeatElement(Float(1 / windowSize), count: w))
        nextRank.removeAll(keepingCapacity: true)
        nextRank.append(contentsOf: repeatElement(0, count: w))
        let tolerance = Float(options.tolerance)
        lastChange = .infinity
        iterations = 0
        transition.withUnsafeBufferPointer { p in
            for _ in 0..<options.maxIterations {
                iterations += 1
                var danglingMass: Float = 0
                for j in 0..<w where dangling[j] { danglingMass += rank[j] }
                rank.withUnsafeBufferPointer { r in
                    nextRank.withUnsafeMutableBufferPointer { next in
                        options.blas.gemv(.transposed, rows: w, columns: w, alpha: damping, a: p, x: r, beta: 0, y: next)
                    }
                }
                let jump = damping * danglingMass + (1 - damping)
                var change: Float = 0
                for i in 0..<w {
                    let value = nextRank[i] + jump * teleport[i]
                    nextRank[i] = value
                    change += abs(value - rank[i])
                }
                swap(&rank, &nextRank)
                lastChange = change
                if change < tolerance { break }
            }
        }
        let scale = windowSize / Double(m)
        for (row, c) in window.enumerated() { scores[c] = Double(rank[row]) * scale }
    }

    /// Weighs the vectors of candidates `window` in place (tf × idf^s, then unit length, so that
    /// `cosine` is a true cosine) and fills `dense`, the window's sentence × local-term matrix.
    /// Returns the number of local terms (the matrix's columns).
    private func weighWindow(_ window: Range<Int>, summarizer: Summarizer) -> Int {
        let options = summarizer.options
        let w = window.count
        if localOf.count < terms.count {
            localOf.append(contentsOf: repeatElement(-1, count: terms.count - localOf.count))
        }
        // Local term index and document frequencies over the window's sentences.
        localTerms.removeAll(keepingCapacity: true)
        documentFrequency.removeAll(keepingCapacity: true)
        for c in window {
            for e in Int(vectorStart[c])..<Int(vectorStart[c + 1]) {
                let term = Int(vectorTerms[e])
                if localOf[term] < 0 {
                    localOf[term] = Int32(localTerms.count)
                    localTerms.append(Int32(term))
                    documentFrequency.append(0)
                }
                documentFrequency[Int(localOf[term])] += 1
            }
        }
        let t = localTerms.count

        // Weights: tf × idf^s, rows of unit length; then the dense sentence × term matrix.
        let s = options.idfExponent
        let useModel = summarizer.modelIDF != nil
        let windowSize = Double(w)
        localWeight.removeAll(keepingCapacity: true)
        for (local, term) in localTerms.enumerated() {
            let idf = useModel
                ? Double(termIDF[Int(term)])
                : log((1 + windowSize) / (1 + Double(documentFrequency[local]))) + 1
            localWeight.append(Float(s == 0 ? 1 : s == 1 ? idf : s == 0.5 ? idf.squareRoot() : pow(idf, s)))
        }
        dense.removeAll(keepingCapacity: true)
        dense.append(contentsOf: repeatElement(0, count: w * t))
        for (row, c) in window.enumerated() {
            let from = Int(vectorStart[c]), to = Int(vectorStart[c + 1])
            var norm: Float = 0
            for e in from..<to {
                let term = Int(vectorTerms[e])
                var tf = vectorWeights[e]
                if options.sublinearTF { tf = 1 + logf(tf) }
                let weight = tf * localWeight[Int(localOf[term])]
                vectorWeights[e] = weight
                norm += weight * weight
            }
            if norm > 0 {
                let inverse = 1 / norm.squareRoot()
                for e in from..<to {
                    vectorWeights[e] *= inverse
                    dense[row * t + Int(localOf[Int(vectorTerms[e])])] = vectorWeights[e]
                }
            }
        }
        for term in localTerms { localOf[Int(term)] = -1 }
        return t
    }

    /// The cosine of two candidates' weighted vectors (after scoring).
    func cosine(_ a: Int, _ b: Int) -> Float {
        var i = Int(vectorStart[a]), j = Int(vectorStart[b])
        let iEnd = Int(vectorStart[a + 1]), jEnd = Int(vectorStart[b + 1])
        var dot: Float = 0
        while i < iEnd && j < jEnd {
            let ti = vectorTerms[i], tj = vectorTerms[j]
            if ti == tj {
                dot += vectorWeights[i] * vectorWeights[j]
                i += 1
                j += 1
            } else if ti < tj {
                i += 1
            } else {
                j += 1
            }
        }
        return dot
    }

    /// Picks candidates best first within the budget, skipping near-duplicates of earlier picks;
    /// leaves them in `picked` in document order. At least one when there is any candidate.
    func select(budget: SummaryBudget, summarizer: Summarizer) {
        picked.removeAll(keepingCapacity: true)
        budgetTooSmall = false
        guard !order.isEmpty else { return }
        let threshold = Float(summarizer.options.redundancyThreshold)
        var wordLimit = Int.max
        var sentenceLimit = Int.max
        // A word budget is hard: a sentence that does not fit is skipped, even the best one. A ratio
        // budget always keeps the best sentence.
        var hardWordLimit = false
        switch budget {
        case .sentences(let n): sentenceLimit = max(1, n)
        case .words(let n):
            wordLimit = max(1, n)
            hardWordLimit = true
        case .ratio(let r):
            var total = 0
            for count in wordCounts { total += Int(count) }
            wordLimit = max(1, Int((r * Double(total)).rounded()))
        }
        var words = 0
        for c in order {
            if picked.count >= sentenceLimit || words >= wordLimit { break }
            let count = Int(wordCounts[Int(candidates[Int(c)])])
            if (!picked.isEmpty || hardWordLimit) && words + count > wordLimit { continue }
            var redundant = false
            for p in picked where cosine(Int(c), Int(p)) >= threshold {
                redundant = true
                break
            }
            if redundant { continue }
            picked.append(c)
            words += count
        }
        picked.sort()
        budgetTooSmall = picked.isEmpty
    }
}
