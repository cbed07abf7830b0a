import LedeROUGE

/// A summarizer scored on articles with reference summaries, beside the first-sentences baseline
/// (`lede evaluate summarizer`): each article is summarized within its budget, and both its summary and
/// as many of its leading sentences as the summary has are scored against the reference
/// (`SummaryEvaluation`). With `referenceLength`, an article whose reference is made of its own sentences
/// gets a budget of that many sentences.
public struct ReferenceEvaluation: Sendable {
    /// Each article's sentences, as the summarizer segments it (UTF-8 byte ranges of the text).
    public let sentences: [[Range<Int>]]
    /// Each reference's sentence indices in its article, when it is made of the article's own sentences.
    public let referenceSentences: [Set<Int>?]
    /// Each article's summary.
    public let summaries: [Summary]
    /// Each article's summary's ROUGE scores against its reference.
    public let scores: [ROUGEScores]
    /// The summarizer's means, and the first-sentences baseline's.
    public let means: SummaryEvaluation, baseline: SummaryEvaluation

    /// Why an evaluation cannot run.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// `referenceLength` was asked for, and no reference is made of its article's sentences.
        case noExtractiveReferences
        /// The number of texts and references differ.
        case countMismatch(texts: Int, references: Int)

        public var description: String {
            switch self {
            case .noExtractiveReferences: "budgets by reference length need references made of the articles' own sentences; none are"
            case .countMismatch(let texts, let references): "\(texts) texts but \(references) references"
            }
        }
    }

    /// Summarizes `texts` with `summarizer` within `budget` (nil: the summarizer's own) and scores each
    /// summary and the baseline against `references`, on `threads` threads.
    public init(summarizer: Summarizer, texts: [String], references: [String], budget: SummaryBudget? = nil,
                referenceLength: Bool = false, threads: Int = Summarizer.defaultThreadCount) throws(Failure) {
        guard texts.count == references.count else { throw .countMismatch(texts: texts.count, references: references.count) }
        // The summarizer's own sentences (the segmenter's, with overlong ones cut), so indices agree.
        let sentences = texts.map { summarizer.sentences($0) }
        let referenceSentences = texts.indices.map { i in
            ExtractiveReference.sentences(of: references[i], in: texts[i], segments: sentences[i])
        }
        if referenceLength && referenceSentences.allSatisfy({ $0 == nil }) { throw .noExtractiveReferences }
        let budgets: [SummaryBudget] = referenceSentences.map { reference in
            if referenceLength, let reference { return .sentences(reference.count) }
            return budget ?? summarizer.options.budget
        }
        let summaries = summarizer.summarize(batch: texts, budgets: budgets, threads: threads)
        let scorer = ROUGEScorer()
        var lede = SummaryEvaluation(), lead = SummaryEvaluation()
        var scores: [ROUGEScores] = []
        scores.reserveCapacity(texts.count)
        for i in texts.indices {
            let summary = summaries[i]
            scores.append(lede.add(picked: summary.sentences.map(\.index), summaryText: summary.sentences.map(\.text).joined(separator: "\n"),
                                   reference: references[i], referenceSentences: referenceSentences[i], scorer: scorer))
            // The baseline: as many leading sentences as the summary has.
            let first = Array(0..<min(summary.sentences.count, sentences[i].count))
            let bytes = Array(texts[i].utf8)
            let leadText = first.map { String(decoding: bytes[sentences[i][$0]], as: UTF8.self) }.joined(separator: "\n")
            lead.add(picked: first, summaryText: leadText, reference: references[i], referenceSentences: referenceSentences[i], scorer: scorer)
        }
        self.sentences = sentences
        self.referenceSentences = referenceSentences
        self.summaries = summaries
        self.scores = scores
        means = lede.means()
        baseline = lead.means()
    }
}
