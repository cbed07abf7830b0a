import Foundation
import LedeParallel
import LedeSentences
import LedeText
import LedeFeatures
import LedeBLAS
import LedeExtract

/// Extractive summaries by TextRank over sentences.
///
/// For each text:
/// 1. **Sentences.** `SentenceSegmenter` splits the text into UTF-8 byte ranges; a segment of more
///    than `maximumSentenceWords` words (text with no sentence punctuation) is cut at white space into
///    pieces of at most half that. The title is not part of the text and is never a candidate.
/// 2. **Candidates.** Sentences of fewer than `minimumWords` words (datelines, "Picture: AP", "He
///    said.") are left out of the graph and never picked, unless the text has at most two sentences or
///    no sentence that long. A sentence that looks like page furniture (navigation, a credit, a sign-up
///    or share line: `BoilerplateSentence`) is never a candidate, so a text of nothing else gets an
///    empty summary.
/// 3. **Vectors.** Each candidate is a vector of its terms (the analyzer's tokens) weighted
///    tf × idf^`idfExponent`, of unit length; the idf comes from the candidates themselves taken as
///    documents, or from a fitted model (`IDFSource`).
/// 4. **Graph.** The article's terms are mapped to a compact local index, the candidates' vectors
///    become a dense sentence × term matrix `X`, and one `gemm` gives the cosine matrix `X·Xᵀ`.
/// 5. **PageRank** by power iteration with `gemv`: damping 0.85, teleport uniform or tilted toward
///    early sentences, edges optionally directed toward earlier sentences (`PositionWeighting`),
///    stopping when the scores change by less than `tolerance` (1e-6, in L1 norm; they sum to 1) or
///    after `maxIterations` (100).
/// 6. **A learned scorer** (optional, `SentenceScorer`): each candidate's features (position,
///    length, PageRank, centrality toward earlier and later sentences, …) weighed by logistic
///    regression trained on human highlights; its probabilities replace the PageRank scores.
/// 7. **Selection.** Candidates best first (ties: earlier first) within the budget; one whose cosine
///    with a sentence already picked is ≥ `redundancyThreshold` (0.9) is skipped; the summary is
///    returned in document order. A text with any candidate never gets an empty summary.
///
/// **Long texts.** The graph holds at most `graphWindow` (256) candidates: a longer text is ranked in
/// consecutive windows of nearly equal size, each with its own local terms, gemm and PageRank, and
/// each window's scores are scaled by its share of the candidates so they compare across windows.
/// Time and memory are then linear in the length of the text (a 5,000-sentence text builds twenty
/// 250² graphs, not one 5,000² graph).
///
/// **Threads.** A `Summarizer` is immutable and may be shared; the scratch space is a
/// `SummarizerWorkspace` per thread. `summarize(batch:threads:)` runs texts in parallel and returns
/// the summaries in input order.
public struct Summarizer: Sendable {
    /// The settings.
    public let options: SummarizerOptions
    /// The sentence segmenter.
    public let segmenter: SentenceSegmenter
    /// The idf of a fitted model, when one was given.
    let modelIDF: ModelIDFTable?
    /// A learned sentence scorer that ranks candidates instead of PageRank (which becomes one of its
    /// features), when one was given (see `SummarizerModel`).
    package let scorer: SentenceScorer?

    /// Creates a summarizer that ranks sentences by TextRank with `options.position`; throws `SummarizerError`
    /// when a setting is out of range.
    public init(options: SummarizerOptions = SummarizerOptions(), idf: IDFSource = .sentences,
                segmenter: SentenceSegmenter = SentenceSegmenter()) throws {
        try self.init(options: options, idf: idf, segmenter: segmenter, scorer: nil)
    }

    /// Creates a summarizer; with a `scorer`, candidates are ranked by its probabilities (selection is unchanged).
    package init(options: SummarizerOptions, idf: IDFSource, segmenter: SentenceSegmenter, scorer: SentenceScorer?) throws {
        try options.validate()
        self.options = options
        self.segmenter = segmenter
        self.scorer = scorer
        switch idf {
        case .sentences: modelIDF = nil
        case .model(let model): modelIDF = ModelIDFTable(model: model)
        }
    }

    /// Fits a TF-IDF model on a batch of texts (each text one document) with this summarizer's
    /// analyzer, for `IDFSource.model`: idf "from the whole input".
    public static func batchIDF(texts: [String], options: SummarizerOptions = SummarizerOptions(),
                                threads: Int = Summarizer.defaultThreadCount) throws -> TfidfModel {
        try TfidfVectorizer(analyzer: options.analyzer).fit(documents: texts, threads: threads)
    }

    /// The default thread count for batches: the active processor count.
    public static var defaultThreadCount: Int { TfidfVectorizer.defaultThreadCount }

    // MARK: One text

    /// The summary of `text` within `budget` (default: the options' budget).
    public func summarize(_ text: String, budget: SummaryBudget? = nil,
                          workspace: SummarizerWorkspace? = nil) -> Summary {
        var text = text
        return text.withUTF8 { summarize(utf8: $0, budget: budget, workspace: workspace) }
    }

    /// The summary of UTF-8 bytes within `budget` (default: the options' budget); sentence ranges are
    /// offsets into `bytes`.
    public func summarize(utf8 bytes: UnsafeBufferPointer<UInt8>, budget: SummaryBudget? = nil,
                          workspace: SummarizerWorkspace? = nil) -> Summary {
        let work = workspace ?? SummarizerWorkspace()
        work.read(bytes, summarizer: self)
        work.score(summarizer: self)
        if let scorer { work.applyScorer(scorer, bytes: bytes, summarizer: self) }
        work.select(budget: budget ?? options.budget, summarizer: self)
        var sentences: [SummarySentence] = []
        sentences.reserveCapacity(work.picked.count)
        for c in work.picked {
            let index = Int(work.candidates[Int(c)])
            let range = work.segments[index]
            sentences.append(SummarySentence(
                index: index, range: range,
                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                score: work.scores[Int(c)]))
        }
        return Summary(sentences: sentences, sentenceCount: work.segments.count, budgetTooSmall: work.budgetTooSmall)
    }

    /// The sentences summaries are made of, as UTF-8 byte ranges of `text`: the segmenter's, with
    /// overlong ones cut, exactly as `summarize` and `rank` see them (without ranking them).
    public func sentences(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            let work = SummarizerWorkspace()
            work.segment(bytes, summarizer: self)
            return work.segments
        }
    }

    /// Every sentence of `text` with its score and the candidates' order, best first.
    public func rank(_ text: String, workspace: SummarizerWorkspace? = nil) -> SentenceRanking {
        var text = text
        return text.withUTF8 { bytes in
            let work = workspace ?? SummarizerWorkspace()
            work.read(bytes, summarizer: self)
            work.score(summarizer: self)
            if let scorer { work.applyScorer(scorer, bytes: bytes, summarizer: self) }
            let n = work.segments.count
            var scores = [Double](repeating: 0, count: n)
            var isCandidate = [Bool](repeating: false, count: n)
            for (c, sentence) in work.candidates.enumerated() {
                scores[Int(sentence)] = work.scores[c]
                isCandidate[Int(sentence)] = true
            }
            return SentenceRanking(sentences: work.segments, scores: scores, isCandidate: isCandidate,
                                   order: work.order.map { Int(work.candidates[Int($0)]) },
                                   wordCounts: work.wordCounts.map(Int.init))
        }
    }

    // MARK: Batches

    /// The summaries of `texts`, in input order, computed on `threads` threads (default: all cores),
    /// each within its own budget when `budgets` is given (one per text), else the options' budget.
    /// The result does not depend on the thread count.
    public func summarize(batch texts: [String], budgets: [SummaryBudget]? = nil,
                          threads: Int = Summarizer.defaultThreadCount) -> [Summary] {
        precondition(budgets == nil || budgets!.count == texts.count, "summarize(batch:): one budget per text")
        let count = texts.count
        guard count > 0 else { return [] }
        let chunk = 8
        return [Summary](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = buffer.baseAddress!
            parallelWorkers(blocks: (count + chunk - 1) / chunk, threads: threads) { _, chunks in
                let workspace = SummarizerWorkspace()
                for c in chunks {
                    for i in (c * chunk)..<min((c + 1) * chunk, count) {
                        (out + i).initialize(to: summarize(texts[i], budget: budgets?[i], workspace: workspace))
                    }
                }
            }
            initialized = count
        }
    }
}
