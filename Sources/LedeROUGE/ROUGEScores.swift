/// The ROUGE measures of one candidate against one reference.
public struct ROUGEScores: Sendable, Hashable {
    /// Unigram overlap (rouge-score's `rouge1`).
    public var rouge1: ROUGEScore
    /// Bigram overlap (`rouge2`).
    public var rouge2: ROUGEScore
    /// Longest common subsequence of the whole token sequences (`rougeL`).
    public var rougeL: ROUGEScore
    /// Summary-level LCS over lines (`rougeLsum`); nil unless the scorer was asked for it.
    public var rougeLsum: ROUGEScore?

    /// Creates the scores from their parts.
    public init(rouge1: ROUGEScore, rouge2: ROUGEScore, rougeL: ROUGEScore, rougeLsum: ROUGEScore? = nil) {
        self.rouge1 = rouge1
        self.rouge2 = rouge2
        self.rougeL = rougeL
        self.rougeLsum = rougeLsum
    }
}
