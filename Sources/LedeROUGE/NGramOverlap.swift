/// ROUGE-N: the n-grams two token sequences share, each counted at most as often as it occurs in both
/// (rouge-score's `_score_ngrams`).
enum NGramOverlap {
    /// Shared unigrams, clipped. Tokens are numbers below `alphabet`. O(n + m + alphabet).
    static func unigramMatches(_ candidate: [Int32], _ reference: [Int32], alphabet: Int) -> Int {
        var available = [Int32](repeating: 0, count: alphabet)
        return available.withUnsafeMutableBufferPointer { available in
            for token in reference { available[Int(token)] += 1 }
            var matches = 0
            for token in candidate where available[Int(token)] > 0 {
                available[Int(token)] -= 1
                matches += 1
            }
            return matches
        }
    }

    /// Shared bigrams, clipped: both lists of bigrams (two 32-bit numbers packed in one 64-bit key) are
    /// sorted and merged. O((n + m) log(n + m)).
    static func bigramMatches(_ candidate: [Int32], _ reference: [Int32]) -> Int {
        let a = sortedBigrams(candidate), b = sortedBigrams(reference)
        var i = 0, j = 0, matches = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                matches += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return matches
    }

    /// The bigrams of `tokens` as sorted packed keys.
    private static func sortedBigrams(_ tokens: [Int32]) -> [UInt64] {
        guard tokens.count > 1 else { return [] }
        var keys = [UInt64]()
        keys.reserveCapacity(tokens.count - 1)
        for k in 1..<tokens.count {
            keys.append(UInt64(UInt32(bitPattern: tokens[k - 1])) << 32 | UInt64(UInt32(bitPattern: tokens[k])))
        }
        keys.sort()
        return keys
    }

    /// rouge-score's n-gram score: precision = matches / max(candidate n-grams, 1), recall = matches /
    /// max(reference n-grams, 1), so a side without n-grams scores 0, not NaN.
    static func score(matches: Int, candidateNGrams: Int, referenceNGrams: Int) -> ROUGEScore {
        ROUGEScore(precision: Double(matches) / Double(max(candidateNGrams, 1)),
                   recall: Double(matches) / Double(max(referenceNGrams, 1)))
    }
}
