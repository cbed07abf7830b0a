import LedeParallel
import LedeText

/// Counts a corpus chunk by chunk on several threads, in two phases per chunk:
///
/// 1. Documents are cut into batches that idle workers take in turn; each worker tokenizes its documents
///    into token-id sequences (`TokenSequencer`), adding new tokens to the shared token dictionary as it
///    meets them. Then the tokens that found no room there join it, each worker makes its provisional ids
///    final, and counts the tokens of its documents (`TokenCounter`).
/// 2. For word n-grams, each shard (one per thread) reads all the chunk's sequences in document order and
///    counts the n-grams it owns (`NGramCounter`).
///
/// Memory: the dictionary, the n-gram tables and (for a matrix) the documents' (term, count) pairs, plus
/// one chunk's token ids (4 bytes a token), dropped when the next chunk starts; the corpus text is never
/// held whole here.
final class CorpusCounter {
    let threads: Int
    /// Every token (or character n-gram) of the corpus, with its id.
    let dictionary: TokenDictionary
    let sequencers: [TokenSequencer]
    /// Per worker: its documents' token counts.
    let tokenCounters: [TokenCounter]
    /// Per shard: word n-gram counts (none without n-grams of two tokens or more).
    let ngramCounters: [NGramCounter]
    /// Per document of the corpus: the worker that counted its tokens (high 24 bits) and its row there.
    let documentPlaces = GrowableArray<UInt64>()
    private(set) var documentCount = 0

    /// `keepsDocuments`: store each document's (term, count) pairs, which a matrix needs; a model alone
    /// needs only the totals.
    init(analyzer: TextAnalyzer, threads: Int, keepsDocuments: Bool = true) {
        let workers = WorkerThreads.clamped(threads)
        self.threads = workers
        let dictionary = TokenDictionary()
        self.dictionary = dictionary
        sequencers = (0..<self.threads).map { _ in TokenSequencer(analyzer: analyzer, dictionary: dictionary) }
        tokenCounters = (0..<self.threads).map { _ in TokenCounter(keepsDocuments: keepsDocuments) }
        if case .words(let sizes) = analyzer.terms, sizes.upperBound >= 2 {
            let orders = max(2, sizes.lowerBound)...sizes.upperBound
            ngramCounters = (0..<self.threads).map { NGramCounter(shard: $0, shards: workers, orders: orders, keepsDocuments: keepsDocuments) }
        } else {
            ngramCounters = []
        }
    }

    /// Ill-formed UTF-8 sequences met by all workers.
    var invalidUTF8: Int { sequencers.reduce(0) { $0 + $1.invalidUTF8 } }

    /// Counts a chunk of `count` more documents. `read(worker, index, sequencer)` adds the text of the
    /// chunk's document `index` with `sequencer.addText` (once or several times). The first error thrown,
    /// in document order among those met, stops the work and is rethrown.
    func count(_ count: Int, batchSize: Int = 16, read: (Int, Int, TokenSequencer) throws -> Void) throws {
        guard count > 0 else { return }
        // Room for as many new tokens as the dictionary holds (at least 64 k); the rest wait for the merge.
        let room = max(1 << 16, dictionary.idLimit)
        dictionary.makeRoom(entries: room, bytes: 12 * room)
        for sequencer in sequencers { sequencer.beginChunk() }

        // Phase 1: token ids, documents spread over workers.
        let batchCount = (count + batchSize - 1) / batchSize
        let failure = LockedValue<(index: Int, error: any Error)?>(nil)
        let taken = LockedValue<[(firstDocument: Int, worker: Int, firstRow: Int, count: Int)]>([])
        parallelWorkers(blocks: batchCount, threads: threads) { w, batches in
            let sequencer = sequencers[w]
            var mine: [(firstDocument: Int, worker: Int, firstRow: Int, count: Int)] = []
            work: for b in batches {
                if failure.withLock({ $0 != nil }) { break }
                let start = b * batchSize, end = min(start + batchSize, count)
                mine.append((start, w, sequencer.documentCount, end - start))
                for d in start..<end {
                    do {
                        try read(w, d, sequencer)
                    } catch {
                        failure.withLock { if $0 == nil || $0!.index > d { $0 = (d, error) } }
                        sequencer.endDocument()
                        break work
                    }
                    sequencer.endDocument()
                }
            }
            taken.withLock { $0.append(contentsOf: mine) }
        }
        if let failed = failure.withLock({ $0 }) { throw failed.error }
        let batches = taken.withLock { $0 }.sorted { $0.firstDocument < $1.firstDocument }

        // Tokens that found no room join the dictionary now, with room made for all; provisional ids become final.
        let finalIDs = sequencers.map { GrowableArray<UInt32>(capacity: $0.newTokens.count) }
        for (w, sequencer) in sequencers.enumerated() {
            for _ in 0..<sequencer.newTokens.count { finalIDs[w].append(0) }
        }
        let arriving = sequencers.reduce(0) { $0 + $1.newTokens.count }
        if arriving > 0 {
            dictionary.makeRoom(entries: arriving, bytes: sequencers.reduce(0) { $0 + $1.newTokens.arena.count })
            let view = dictionary.view
            parallelFor(blocks: threads, threads: threads) { w in
                let fresh = sequencers[w].newTokens, map = finalIDs[w]
                let ahead = 8
                for e in 0..<fresh.count {
                    if e + ahead < fresh.count { view.prefetch(fresh.hashes[e + ahead]) }
                    let key = fresh.key(e)
                    map[e] = view.findOrAdd(key.baseAddress!, key.count, hash: fresh.hashes[e])!
                }
            }
        }
        let tokenCount = dictionary.idLimit
        let firstPlace = documentPlaces.count
        for _ in 0..<count { documentPlaces.append(0) }
        let places = documentPlaces.base + firstPlace
        parallelFor(blocks: threads, threads: threads) { w in
            let sequencer = sequencers[w], ids = sequencer.ids, map = finalIDs[w]
            if map.count > 0 {
                for i in 0..<ids.count where ids[i] & TokenSequencer.provisional != 0 {
                    ids[i] = map[Int(ids[i] & ~TokenSequencer.provisional)]
                }
            }
            let counter = tokenCounters[w]
            counter.reserveTokens(tokenCount)
            let firstRow = counter.documentCount
            for row in 0..<sequencer.documentCount {
                let start = row == 0 ? 0 : sequencer.documentEnds[row - 1]
                counter.countDocument(ids.base + start, sequencer.documentEnds[row] - start)
            }
            for batch in batches where batch.worker == w {
                for k in 0..<batch.count {
                    places[batch.firstDocument + k] = UInt64(w) << 40 | UInt64(firstRow + batch.firstRow + k)
                }
            }
        }
        // Phase 2: every shard reads every document, in order.
        if !ngramCounters.isEmpty {
            parallelFor(blocks: threads, threads: threads) { s in
                let counter = ngramCounters[s]
                for batch in batches {
                    let sequencer = sequencers[batch.worker]
                    for row in batch.firstRow..<(batch.firstRow + batch.count) {
                        let start = row == 0 ? 0 : sequencer.documentEnds[row - 1]
                        counter.countDocument(sequencer.ids.base + start, sequencer.documentEnds[row] - start)
                    }
                }
            }
        }
        documentCount += count
    }
}
