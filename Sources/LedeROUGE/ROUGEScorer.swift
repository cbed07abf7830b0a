/// ROUGE-1, ROUGE-2 and ROUGE-L (and optionally ROUGE-Lsum) exactly as Google's `rouge-score` 0.1.2
/// computes them with `RougeScorer([...], use_stemmer=stemming)`: same tokens, same counts, and the same
/// floating-point operations, so the values agree bit for bit.
///
/// Stateless and `Sendable`: one scorer can serve many threads.
public struct ROUGEScorer: Sendable {
    /// Whether tokens longer than three characters are Porter-stemmed (rouge-score's `use_stemmer`).
    public var stemming: Bool
    /// Whether `score` also computes `rougeLsum` (lines split at line feeds), which costs more than `rougeL`.
    public var summaryLevel: Bool

    /// Creates a scorer; `stemming` as rouge-score's `use_stemmer`, `summaryLevel` to add `rougeLsum`.
    public init(stemming: Bool = true, summaryLevel: Bool = false) {
        self.stemming = stemming
        self.summaryLevel = summaryLevel
    }

    /// The scores of `candidate` (rouge-score's `prediction`) against `reference` (its `target`).
    /// O(bytes + n·⌈m/64⌉) for n and m ≤ n tokens (ROUGE-L is bit-parallel); with `summaryLevel`, O(n·m) more
    /// time and memory for the largest pair of lines.
    public func score(candidate: String, reference: String) -> ROUGEScores {
        var numbering = TokenNumbering(stemming: stemming)
        let referenceTokens = numbering.number(reference)
        let candidateTokens = numbering.number(candidate)
        let c = candidateTokens.ids, r = referenceTokens.ids

        let unigrams = NGramOverlap.unigramMatches(c, r, alphabet: numbering.count)
        let rouge1 = NGramOverlap.score(matches: unigrams, candidateNGrams: c.count, referenceNGrams: r.count)
        let bigrams = NGramOverlap.bigramMatches(c, r)
        let rouge2 = NGramOverlap.score(matches: bigrams, candidateNGrams: max(c.count - 1, 0), referenceNGrams: max(r.count - 1, 0))

        let rougeL: ROUGEScore
        if c.isEmpty || r.isEmpty {
            rougeL = .zero
        } else {
            let common = Double(LongestCommonSubsequence.length(c, r, alphabet: numbering.count))
            rougeL = ROUGEScore(precision: common / Double(c.count), recall: common / Double(r.count))
        }

        let rougeLsum = summaryLevel
            ? SummaryLevelLCS.score(candidate: candidateTokens.lines, reference: referenceTokens.lines, alphabet: numbering.count)
            : nil
        return ROUGEScores(rouge1: rouge1, rouge2: rouge2, rougeL: rougeL, rougeLsum: rougeLsum)
    }
}
