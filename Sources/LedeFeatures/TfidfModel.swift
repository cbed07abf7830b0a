import Foundation
import LedeParallel
import LedeText

/// A fitted TF-IDF vectorizer: the analyzer, the options, the vocabulary (one term per column) and the idf
/// of each column. Turns new documents into rows of the same columns, on several threads.
public struct TfidfModel: Sendable {
    /// How documents are turned into terms.
    public let analyzer: TextAnalyzer
    /// Weighting and pruning settings the model was fitted with.
    public let options: TfidfOptions
    /// The terms, one per column.
    public let vocabulary: Vocabulary
    /// The idf of each column (all 1 when `options.useIDF` is false).
    public let idf: [Double]
    /// The document frequency of each column in the fitted corpus.
    public let documentFrequency: [Int]
    /// Number of documents the model was fitted on.
    public let documentCount: Int

    private let lookupCache = LookupCache()

    /// Creates a model from its parts (for instance, read from a model file).
    public init(analyzer: TextAnalyzer, options: TfidfOptions, vocabulary: Vocabulary, idf: [Double],
                documentFrequency: [Int], documentCount: Int) {
        precondition(idf.count == vocabulary.count && documentFrequency.count == vocabulary.count,
                     "TfidfModel: idf, document frequencies and vocabulary differ in length")
        self.analyzer = analyzer
        self.options = options
        self.vocabulary = vocabulary
        self.idf = idf
        self.documentFrequency = documentFrequency
        self.documentCount = documentCount
    }

    /// The lookup, built once by whichever thread needs it first; the others sleep on the lock (a
    /// pthread mutex, which waits in the kernel rather than spinning) until it is ready.
    private final class LookupCache: @unchecked Sendable {
        private let built = LockedValue<VocabularyLookup?>(nil)

        /// Per-worker buffers of finished `transform` calls, kept for the next calls: a counter's
        /// per-column array is as long as the vocabulary, too costly to allocate for every small batch.
        private let idleWorkspaces = LockedValue<[TransformWorkspace]>([])

        func get(_ build: () -> VocabularyLookup) -> VocabularyLookup {
            built.withLock { built in
                if let built { return built }
                let lookup = build()
                built = lookup
                return lookup
            }
        }

        func takeWorkspace(_ make: () -> TransformWorkspace) -> TransformWorkspace {
            idleWorkspaces.withLock { $0.popLast() } ?? make()
        }

        func giveBack(_ workspace: TransformWorkspace) {
            idleWorkspaces.withLock { if $0.count < 64 { $0.append(workspace) } }
        }
    }

    /// One worker's reusable buffers for `transform`.
    final class TransformWorkspace {
        let counter: DocumentColumnCounter
        let sorter: RowSorter
        let scratch = GrowableArray<Double>()
        /// A titled document's bytes, when its title cannot be tokenized apart from its text.
        let joined = GrowableArray<UInt8>()
        var pairs: [UInt64] = []

        init(lookup: VocabularyLookup, analyzer: TextAnalyzer, columnCount: Int) {
            counter = DocumentColumnCounter(lookup: lookup, analyzer: analyzer, columnCount: columnCount)
            sorter = RowSorter(columnCount: columnCount)
        }
    }

    private var lookup: VocabularyLookup {
        lookupCache.get { VocabularyLookup(vocabulary: vocabulary, terms: analyzer.terms, stopWords: analyzer.stopWords) }
    }

    /// Starts building, on background threads, the tables `transform` needs (the vocabulary lookup and
    /// the analyzer's Unicode tables), so that they are ready or nearly so at the first call; a call
    /// that comes sooner waits for them. Returns at once.
    public func prepareInBackground() {
        let model = self
        // A thread the system refuses only leaves the work to the first call.
        runDetached { _ = model.lookup }
        runDetached { model.analyzer.prepare() }
    }

    /// The TF-IDF rows of `documents` (terms outside the vocabulary are ignored), computed on `threads`
    /// threads; the result does not depend on the thread count.
    public func transform(documents: [String], threads: Int = TfidfVectorizer.defaultThreadCount) -> CSRMatrix {
        transform(count: documents.count, threads: threads) { i, workspace, pairs in
            var text = documents[i]
            text.withUTF8 { workspace.counter.count($0, into: &pairs) }
        }
    }

    /// The TF-IDF rows of documents given as UTF-8 bytes (ill-formed sequences read as U+FFFD).
    public func transform(byteDocuments documents: [[UInt8]], threads: Int = TfidfVectorizer.defaultThreadCount) -> CSRMatrix {
        transform(count: documents.count, threads: threads) { i, workspace, pairs in
            documents[i].withUnsafeBufferPointer { workspace.counter.count($0, into: &pairs) }
        }
    }

    /// The TF-IDF rows of titled documents, each read as its title `titleRepeats` times, each copy followed
    /// by a line break, then its text (just the text when the title is empty): the same rows as
    /// `transform(documents:)` of those joined strings, without joining them (with scikit-learn's
    /// tokenization, the title is also tokenized only once).
    public func transform(titles: [String], texts: [String], titleRepeats: Int,
                          threads: Int = TfidfVectorizer.defaultThreadCount) -> CSRMatrix {
        precondition(titles.count == texts.count, "TfidfModel.transform: one title per text")
        precondition(titleRepeats >= 1, "TfidfModel.transform: a title is read at least once")
        return transform(count: texts.count, threads: threads) { i, workspace, pairs in
            var title = titles[i], text = texts[i]
            title.withUTF8 { title in
                text.withUTF8 { text in
                    workspace.counter.count(title: title, repeats: titleRepeats, text: text, joined: workspace.joined, into: &pairs)
                }
            }
        }
    }

    private func transform(count: Int, threads: Int,
                           countDocument: (Int, TransformWorkspace, inout [UInt64]) -> Void) -> CSRMatrix {
        let threads = min(WorkerThreads.clamped(threads), max(1, count))
        let lookup = self.lookup
        let weighting = TfidfWeighting(options: options, idf: idf)
        let sinks = (0..<threads).map { _ in RowSink() }
        let batchSize = 32
        let batchCount = (count + batchSize - 1) / batchSize
        idf.withUnsafeBufferPointer { idf in
            parallelWorkers(blocks: batchCount, threads: threads) { w, batches in
                let workspace = lookupCache.takeWorkspace {
                    TransformWorkspace(lookup: lookup, analyzer: analyzer, columnCount: vocabulary.count)
                }
                defer { lookupCache.giveBack(workspace) }
                let (sorter, scratch) = (workspace.sorter, workspace.scratch)
                let sink = sinks[w]
                var pairs = workspace.pairs
                defer { workspace.pairs = pairs }
                for b in batches {
                    let start = b * batchSize, end = min(start + batchSize, count)
                    sink.batches.append(RowSink.Batch(firstDocument: start, firstRow: sink.rowCount, count: end - start))
                    for d in start..<end {
                        countDocument(d, workspace, &pairs)
                        let before = sink.columns.count
                        pairs.withUnsafeMutableBufferPointer {
                            weighting.appendRow($0, idf: idf, sorter: sorter, scratch: scratch, columns: sink.columns, values: sink.values)
                        }
                        sink.rowLengths.append(Int32(sink.columns.count - before))
                    }
                }
            }
        }
        return assembleCSR(sinks, documentCount: count, columnCount: vocabulary.count, threads: threads)
    }
}
