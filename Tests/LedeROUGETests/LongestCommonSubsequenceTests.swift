import Testing
@testable import LedeROUGE
import LedeTestSupport

/// The bit-parallel LCS length against the classic dynamic programme and against rouge-score's full
/// table, on random sequences over small alphabets (many matches) of lengths around word boundaries.
@Suite("Longest common subsequence")
struct LongestCommonSubsequenceTests {

    /// The length by rouge-score's full (n+1)×(m+1) table, written independently.
    func tableLength(_ a: [Int32], _ b: [Int32]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }

    @Test(arguments: [2, 3, 8, 50])
    func bitParallelAgreesWithTheTable(alphabet: Int) {
        var random = SplitMix64(state: UInt64(alphabet))
        for _ in 0..<150 {
            let lengths = [0, 1, 5, 63, 64, 65, 127, 128, 129, 200]
            let a = (0..<lengths.randomElement(using: &random)!).map { _ in Int32.random(in: 0..<Int32(alphabet), using: &random) }
            let b = (0..<lengths.randomElement(using: &random)!).map { _ in Int32.random(in: 0..<Int32(alphabet), using: &random) }
            let expected = tableLength(a, b)
            #expect(LongestCommonSubsequence.length(a, b, alphabet: alphabet) == expected)
            #expect(LongestCommonSubsequence.length(b, a, alphabet: alphabet) == expected)
            #expect(LongestCommonSubsequence.length(a, b, alphabet: alphabet, maskWordLimit: 0) == expected)
            #expect(LongestCommonSubsequence.classicLength(a, b) == expected)
        }
    }

    @Test func marksTheSubsequenceRougeScoreBacktracks() {
        // rouge-score's backtrack from the end: "the cat" against "the cat the cat" takes positions 2 and 3.
        var table: [Int32] = [], used = [Bool](repeating: false, count: 4)
        LongestCommonSubsequence.markPositions(reference: [0, 1, 0, 1], candidate: [0, 1], table: &table, used: &used)
        #expect(used == [false, false, true, true])
    }
}
