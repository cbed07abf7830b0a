import LedeROUGE
import LedeSentences

/// Scores extractive summaries against references: ROUGE-1, ROUGE-2 and ROUGE-L F1 as Google's
/// `rouge-score` computes them (Porter stemming), and, for references made of the article's own
/// sentences, sentence precision, recall and F1 (a pick is right when it is a reference sentence).
/// Means are over articles; sentence scores over the articles whose reference could be matched.
public struct SummaryEvaluation: Sendable, Codable {
    public var count = 0
    public var rouge1 = 0.0
    public var rouge2 = 0.0
    public var rougeL = 0.0
    /// Articles whose reference is a concatenation of whole sentences of the article.
    public var extractiveCount = 0
    public var sentencePrecision = 0.0
    public var sentenceRecall = 0.0
    public var sentenceF1 = 0.0

    public init() {}

    /// Adds one article: its picked sentence indices and text, the reference, and the reference's
    /// sentence indices when it is extractive. Returns the article's ROUGE scores.
    @discardableResult
    public mutating func add(picked: [Int], summaryText: String, reference: String, referenceSentences: Set<Int>?,
                             scorer: ROUGEScorer) -> ROUGEScores {
        let scores = scorer.score(candidate: summaryText, reference: reference)
        count += 1
        rouge1 += scores.rouge1.f1
        rouge2 += scores.rouge2.f1
        rougeL += scores.rougeL.f1
        if let referenceSentences, !referenceSentences.isEmpty {
            let right = Double(picked.filter { referenceSentences.contains($0) }.count)
            let precision = picked.isEmpty ? 0 : right / Double(picked.count)
            let recall = right / Double(referenceSentences.count)
            extractiveCount += 1
            sentencePrecision += precision
            sentenceRecall += recall
            sentenceF1 += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
        return scores
    }

    /// The means (call once, after the last `add`).
    public func means() -> SummaryEvaluation {
        var m = self
        let n = Double(max(1, count)), e = Double(max(1, extractiveCount))
        m.rouge1 /= n
        m.rouge2 /= n
        m.rougeL /= n
        m.sentencePrecision /= e
        m.sentenceRecall /= e
        m.sentenceF1 /= e
        return m
    }
}
