import Testing
import LedeROUGE

/// ROUGE on small texts, with values worked out by hand (and checked with rouge-score 0.1.2).
@Suite("ROUGE scorer")
struct ROUGEScorerTests {
    let scorer = ROUGEScorer(summaryLevel: true)

    /// A score from fractions: precision a/b, recall c/d.
    func score(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> ROUGEScore {
        ROUGEScore(precision: Double(a) / Double(b), recall: Double(c) / Double(d))
    }

    @Test func readmeExample() {
        // candidate: the quick brown dog jump on the log (8); reference: the quick brown fox jump over the lazi dog (9).
        let s = scorer.score(candidate: "The quick brown dog jumps on the log.", reference: "The quick brown fox jumps over the lazy dog")
        #expect(s.rouge1 == score(6, 8, 6, 9))  // the ×2, quick, brown, dog, jump
        #expect(s.rouge2 == score(2, 7, 2, 8))  // the quick, quick brown
        #expect(s.rougeL == score(5, 8, 5, 9))  // the quick brown jump the
        #expect(s.rougeLsum == score(5, 8, 5, 9))
        #expect(abs(s.rouge1.f1 - 0.7058823529411765) < 1e-15)
    }

    @Test func emptyOrTokenlessTextsScoreZero() {
        for (candidate, reference) in [("", "some text"), ("some text", ""), ("!!! ...", "a b"), ("\n\nthe\n\n", "\n\n")] {
            let s = scorer.score(candidate: candidate, reference: reference)
            #expect(s == ROUGEScores(rouge1: .zero, rouge2: .zero, rougeL: .zero, rougeLsum: .zero))
        }
    }

    @Test func identicalTextsScoreOne() {
        let s = scorer.score(candidate: "Cats are here.", reference: "cats ARE here")
        let one = ROUGEScore(precision: 1, recall: 1, f1: 1)
        #expect(s == ROUGEScores(rouge1: one, rouge2: one, rougeL: one, rougeLsum: one))
    }

    @Test func stemmingMakesPluralsMatch() {
        let stemmed = scorer.score(candidate: "cat", reference: "cats")
        #expect(stemmed.rouge1 == score(1, 1, 1, 1))
        #expect(stemmed.rouge2 == .zero)  // no bigrams on either side: 0 / max(0, 1)
        #expect(stemmed.rougeL == score(1, 1, 1, 1))
        let plain = ROUGEScorer(stemming: false).score(candidate: "cat", reference: "cats")
        #expect(plain.rouge1 == .zero && plain.rougeL == .zero && plain.rougeLsum == nil)
    }

    @Test func countsAreClipped() {
        let s = scorer.score(candidate: "the the the the", reference: "the cat the")
        #expect(s.rouge1 == score(2, 4, 2, 3))
        #expect(s.rouge2 == .zero)
        #expect(s.rougeL == score(2, 4, 2, 3))
        #expect(s.rougeL.f1 == 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3))
    }

    @Test func orderMattersOnlyForBigramsAndLCS() {
        let s = scorer.score(candidate: "a b c d e", reference: "e d c b a")
        #expect(s.rouge1 == score(5, 5, 5, 5))
        #expect(s.rouge2 == .zero)
        #expect(s.rougeL == score(1, 5, 1, 5))
    }

    @Test func summaryLevelUnitesLineLCSs() {
        // Reference line "the dog sat": LCS with "the cat sat" at {the, sat}, with "the dog ran" at
        // {the, dog} → 3 hits; "a cat ran": {cat} and {ran} → 2 hits. ROUGE-L over whole texts: "the … ran".
        let s = scorer.score(candidate: "the cat sat\nthe dog ran", reference: "the dog sat\na cat ran")
        #expect(s.rougeLsum == score(5, 6, 5, 6))
        #expect(s.rougeL == score(3, 6, 3, 6))
        #expect(s.rouge2 == score(1, 5, 1, 5))  // "the dog"; bigrams run across lines
    }

    @Test func summaryLevelCountsEachTokenOnce() {
        // Both candidate lines match reference positions {2, 3}; the union holds two tokens.
        let s = scorer.score(candidate: "the cat\nthe cat", reference: "the cat the cat")
        #expect(s.rougeLsum == score(2, 4, 2, 4))
        #expect(s.rougeL == score(4, 4, 4, 4))
        let clipped = scorer.score(candidate: "the", reference: "the the\nthe")
        #expect(clipped.rougeLsum == score(1, 1, 1, 3))
    }

    @Test func onlyLineFeedsSplitLines() {
        let s = scorer.score(candidate: "the\n\ncat", reference: "the\r\ncat")
        #expect(s.rougeLsum == score(2, 2, 2, 2))
    }

    @Test func f1IsZeroWhenNothingMatches() {
        #expect(ROUGEScore.f1(precision: 0, recall: 0) == 0)
        #expect(ROUGEScore(precision: 0.5, recall: 0.25).f1 == 2 * 0.5 * 0.25 / 0.75)
    }

    @Test func longTextsWithManyRepeatedTokens() {
        let words = (0..<3_000).map { "w\($0 % 700)" }
        let s = ROUGEScorer().score(candidate: words.joined(separator: " "), reference: words.reversed().joined(separator: " "))
        #expect(s.rouge1 == score(3_000, 3_000, 3_000, 3_000))
        #expect(s.rougeL.precision > 0 && s.rougeL.precision < 1)
    }
}
