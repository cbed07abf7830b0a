/// rouge-score's `rougeLsum`: summary-level LCS (section 3.2 of Lin's ROUGE paper) over texts split into
/// lines, as its `_summary_level_lcs` computes it.
enum SummaryLevelLCS {
    /// For each reference line, the union of one LCS with every candidate line (as reference positions);
    /// the tokens of that union count as hits while both texts still have that token left, so no token is
    /// counted more often than it occurs. Precision = hits / candidate tokens, recall = hits / reference
    /// tokens. O(reference tokens × candidate tokens) time; memory for the largest line pair.
    static func score(candidate: [ArraySlice<Int32>], reference: [ArraySlice<Int32>], alphabet: Int) -> ROUGEScore {
        let candidateTokens = candidate.reduce(0) { $0 + $1.count }
        let referenceTokens = reference.reduce(0) { $0 + $1.count }
        guard candidateTokens > 0 && referenceTokens > 0 else { return .zero }
        var leftInCandidate = [Int32](repeating: 0, count: alphabet)
        var leftInReference = [Int32](repeating: 0, count: alphabet)
        for line in candidate { for token in line { leftInCandidate[Int(token)] += 1 } }
        for line in reference { for token in line { leftInReference[Int(token)] += 1 } }
        var table: [Int32] = []
        var hits = 0
        for line in reference {
            var used = [Bool](repeating: false, count: line.count)
            for other in candidate {
                LongestCommonSubsequence.markPositions(reference: line, candidate: other, table: &table, used: &used)
            }
            for (offset, token) in line.enumerated() where used[offset] {
                let t = Int(token)
                if leftInCandidate[t] > 0 && leftInReference[t] > 0 {
                    hits += 1
                    leftInCandidate[t] -= 1
                    leftInReference[t] -= 1
                }
            }
        }
        return ROUGEScore(precision: Double(hits) / Double(candidateTokens), recall: Double(hits) / Double(referenceTokens))
    }
}
