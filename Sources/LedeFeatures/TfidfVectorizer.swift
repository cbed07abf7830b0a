import Foundation
import LedeParallel
import LedeText

/// Fits a vocabulary and idf on a corpus and turns it into TF-IDF rows, as scikit-learn's
/// `TfidfVectorizer` does, counting and weighing documents on several threads. The matrix, vocabulary and
/// idf do not depend on the thread count.
public struct TfidfVectorizer: Sendable {
    /// How documents are turned into terms.
    public var analyzer: TextAnalyzer
    /// Weighting and pruning settings.
    public var options: TfidfOptions

    /// Creates a vectorizer; the defaults are scikit-learn's `TfidfVectorizer()`.
    public init(analyzer: TextAnalyzer = .scikitLearn(), options: TfidfOptions = TfidfOptions()) {
        self.analyzer = analyzer
        self.options = options
    }

    /// The thread count used when none is given: the active processor count.
    public static var defaultThreadCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Fits on in-memory documents and returns the model with the documents' TF-IDF matrix.
    public func fitTransform(documents: [String], threads: Int = defaultThreadCount) throws -> TfidfFit {
        try run(threads: threads, matrix: true) { try Self.count(documents, into: $0) }
    }

    /// Fits on in-memory documents and returns the model only (the documents' term counts are not kept,
    /// so it needs less memory than `fitTransform`).
    public func fit(documents: [String], threads: Int = defaultThreadCount) throws -> TfidfModel {
        try run(threads: threads, matrix: false) { try Self.count(documents, into: $0) }.model
    }

    /// Fits on documents given as UTF-8 bytes; ill-formed sequences are read as U+FFFD and counted.
    public func fitTransform(byteDocuments documents: [[UInt8]], threads: Int = defaultThreadCount) throws -> TfidfFit {
        try run(threads: threads, matrix: true) { counting in
            try counting.count(documents.count) { _, i, sequencer in
                documents[i].withUnsafeBufferPointer { sequencer.addText($0) }
            }
        }
    }

    /// Fits on documents streamed by the caller, a chunk at a time, and returns the model and matrix: the way
    /// to fit on a corpus that is not held in memory whole (`LedePipeline` streams a JSON Lines file with it).
    ///
    /// `chunks` is called once with a `count` function; it calls `count(documents, read)` for each chunk
    /// of the corpus, in order, and returns when the corpus ends. `count` calls `read(worker, index, text)`
    /// for each of the chunk's `documents` (`index` in `0..<documents`), on `threads` worker threads at
    /// once (`worker` below `threads`, which is brought into 1...1024, for per-worker state), and returns when the chunk is
    /// counted; `read` adds the document's text to `text`, in one piece or several. The chunk's data only
    /// needs to live until `count` returns, so one chunk at a time is held. Rows are in document order,
    /// and the result does not depend on how the corpus is cut into chunks or on the thread count. The
    /// first error `read` throws (in document order among those met) stops the fit and is rethrown.
    public func fitTransform(threads: Int = defaultThreadCount,
                             chunks: (_ count: (_ documents: Int, _ read: (_ worker: Int, _ index: Int, _ text: DocumentText) throws -> Void) throws -> Void) throws -> Void) throws -> TfidfFit {
        try run(threads: threads, matrix: true) { counting in
            try chunks { documents, read in
                try counting.count(documents) { w, i, sequencer in try read(w, i, DocumentText(sequencer: sequencer)) }
            }
        }
    }

    /// Where a streaming fit's reader puts one document's text, on a worker thread; valid only during the
    /// `read` call it is given to.
    public struct DocumentText {
        fileprivate let sequencer: TokenSequencer

        /// Adds a piece of the document's text as UTF-8 bytes; pieces behave as if joined by a line break.
        /// Ill-formed sequences are read as U+FFFD and counted in `TfidfFit.invalidUTF8Count`.
        public func add(_ utf8: UnsafeBufferPointer<UInt8>) {
            sequencer.addText(utf8)
        }

        /// Counts ill-formed UTF-8 sequences that the reader replaced itself before adding the text (say,
        /// to decode the record holding it), so that `TfidfFit.invalidUTF8Count` includes them.
        public func countReplacedUTF8(_ sequences: Int) {
            sequencer.invalidUTF8 += sequences
        }
    }

    /// Counts in-memory documents in chunks of about 64 MB of text, so that token ids stay a fraction of it.
    /// The first chunk is about 1 MB: it fills the dictionary with the common tokens, which later chunks
    /// then find there instead of each worker adding them again.
    private static func count(_ documents: [String], into counting: CorpusCounter) throws {
        var start = 0
        while start < documents.count {
            var end = start, bytes = 0
            let budget = start == 0 ? 1 << 20 : 64 << 20
            while end < documents.count && (end == start || bytes < budget) {
                bytes += documents[end].utf8.count
                end += 1
            }
            try counting.count(end - start) { _, i, sequencer in
                var text = documents[start + i]
                text.withUTF8 { sequencer.addText($0) }
            }
            start = end
        }
    }

    private func run(threads: Int, matrix: Bool, feed: (CorpusCounter) throws -> Void) throws -> TfidfFit {
        try options.validate()
        let threads = WorkerThreads.clamped(threads)
        let counting = CorpusCounter(analyzer: analyzer, threads: threads, keepsDocuments: matrix)
        try feed(counting)
        let n = counting.documentCount
        let counted: ClosedRange<Int>
        switch analyzer.terms {
        case .words(let sizes): counted = sizes
        case .charactersWithinWords: counted = 1...1
        }
        let chosen = try VocabularyBuilder(dictionary: counting.dictionary, tokenCounters: counting.tokenCounters,
                                           ngramCounters: counting.ngramCounters, countedOrders: counted,
                                           documentCount: n, options: options, threads: threads)
        let weighting = TfidfWeighting(options: options, documentFrequency: chosen.documentFrequency, documentCount: n)
        let model = TfidfModel(analyzer: analyzer, options: options, vocabulary: chosen.vocabulary, idf: weighting.idf,
                               documentFrequency: chosen.documentFrequency, documentCount: n)
        guard matrix else {
            return TfidfFit(model: model, matrix: CSRMatrix(columnCount: chosen.vocabulary.count), invalidUTF8Count: counting.invalidUTF8)
        }
        let csr = vectorize(counting, chosen, weighting, threads: threads)
        return TfidfFit(model: model, matrix: csr, invalidUTF8Count: counting.invalidUTF8)
    }

    /// Weighs every counted document into the matrix in two passes, workers taking batches of documents
    /// in turn: first each row's length (its terms that became columns), so that every row's place in the
    /// matrix is known; then each row gathers the document's pairs from all shards, maps them to columns,
    /// sorts and weighs them straight into its place. No copy of the rows is assembled afterwards.
    private func vectorize(_ counting: CorpusCounter, _ chosen: VocabularyBuilder, _ weighting: TfidfWeighting, threads: Int) -> CSRMatrix {
        let n = counting.documentCount
        let tokenCounters = counting.tokenCounters, ngramCounters = counting.ngramCounters
        let places = counting.documentPlaces
        let map = chosen.columns
        /// Calls `body(column, count)` for each of document `d`'s terms that became a column.
        @inline(__always) func forEachColumn(ofDocument d: Int, _ body: (UInt32, UInt32) -> Void) {
            let place = places[d]
            let tokenPairs = tokenCounters[Int(place >> 40)].pairs, row = Int(place & 0xFF_FFFF_FFFF)
            for e in tokenPairs.range(ofDocument: row) {
                let column = map.tokenColumns[Int(tokenPairs.terms[e])]
                if column >= 0 { body(UInt32(column), tokenPairs.counts[e]) }
            }
            for (s, counter) in ngramCounters.enumerated() {
                let columns = map.ngramColumns[s], chosen = map.ngramChosen[s]
                let ngramPairs = counter.pairs
                for e in ngramPairs.range(ofDocument: d) {
                    let entry = Int(ngramPairs.terms[e])
                    guard chosen[entry >> 6] & (1 << UInt64(entry & 63)) != 0 else { continue }
                    body(UInt32(columns[entry]), ngramPairs.counts[e])
                }
            }
        }
        /// Runs `body(worker, document)` for every document, workers taking batches of 64 in turn.
        func forEachDocument(_ body: (Int, Int) -> Void) {
            let batchSize = 64, batchCount = (n + batchSize - 1) / batchSize
            parallelWorkers(blocks: batchCount, threads: threads) { w, batches in
                for b in batches {
                    for d in (b * batchSize)..<min((b + 1) * batchSize, n) { body(w, d) }
                }
            }
        }

        var rowStarts = [Int](repeating: 0, count: n + 1)
        rowStarts.withUnsafeMutableBufferPointer { starts in
            let lengths = starts.baseAddress! + 1
            forEachDocument { _, d in
                var length = 0
                forEachColumn(ofDocument: d) { _, _ in length += 1 }
                lengths[d] = length
            }
        }
        for d in 0..<n { rowStarts[d + 1] += rowStarts[d] }
        let total = rowStarts[n], starts = rowStarts

        let sorters = (0..<threads).map { _ in RowSorter(columnCount: chosen.vocabulary.count) }
        let scratches = (0..<threads).map { _ in GrowableArray<Double>() }
        let pairLists = (0..<threads).map { _ in GrowableArray<UInt64>() }
        var values: [Float] = []
        let columns = [Int32](largeCapacity: total) { columnBuffer in
            values = [Float](largeCapacity: total) { valueBuffer in
                let (c, v) = (columnBuffer.baseAddress, valueBuffer.baseAddress)
                weighting.idf.withUnsafeBufferPointer { idf in
                    forEachDocument { w, d in
                        let pairs = pairLists[w]
                        pairs.shrink(to: 0)
                        forEachColumn(ofDocument: d) { column, count in pairs.append(UInt64(column) << 32 | UInt64(count)) }
                        guard pairs.count > 0, let c, let v else { return }
                        weighting.writeRow(pairs.buffer, idf: idf, sorter: sorters[w], scratch: scratches[w],
                                           columns: c + starts[d], values: v + starts[d])
                    }
                }
            }
        }
        for counter in tokenCounters { counter.pairs.release() }
        for counter in ngramCounters { counter.pairs.release() }
        return CSRMatrix(rowStarts: rowStarts, columns: columns, values: values, columnCount: chosen.vocabulary.count)
    }
}

/// The result of fitting: the model, the fitted documents' TF-IDF matrix (one row per document, in input
/// order), and how many ill-formed UTF-8 sequences were read as U+FFFD.
public struct TfidfFit: Sendable {
    /// The fitted model.
    public var model: TfidfModel
    /// The documents' TF-IDF rows (empty when only the model was asked for).
    public var matrix: CSRMatrix
    /// Ill-formed UTF-8 sequences replaced by U+FFFD.
    public var invalidUTF8Count: Int
}
