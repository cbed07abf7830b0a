import Foundation
import Testing
import LedeROUGE
import LedeTestSupport

/// Swift's ROUGE, tokenizer and stemmer against rouge-score 0.1.2 and NLTK 3.10.4 on real articles,
/// through `Tests/Parity/rouge_check.py`.
@Suite("Parity with rouge-score and NLTK")
struct ROUGEParityTests {
    struct Pair: Codable {
        var id: String
        var candidate: String
        var reference: String
    }

    struct ReferenceScores: Decodable {
        var id: String
        var rouge1: [Double]
        var rouge2: [Double]
        var rougeL: [Double]
        var rougeLsum: [Double]
    }

    /// The first three pieces of `text` split naively at ". ", one per line: a lead-3 summary.
    static func leadThree(_ text: String) -> String {
        text.components(separatedBy: ". ").prefix(3).joined(separator: ".\n")
    }

    /// Hand-made pairs at the edges: empty sides, no tokens, the characters that lower-case to ASCII,
    /// repeated tokens, blank and CRLF lines.
    static let edgePairs: [Pair] = [
        Pair(id: "edge/empty-candidate", candidate: "", reference: "Some reference text."),
        Pair(id: "edge/empty-reference", candidate: "Some candidate text.", reference: ""),
        Pair(id: "edge/punctuation", candidate: "—!? … ½", reference: "a b c"),
        Pair(id: "edge/unicode", candidate: "İSTANBUL’s 5\u{212A} run: café naïve ﬁne", reference: "Istanbul's 5k runs cafe naive fine"),
        Pair(id: "edge/repeats", candidate: "the the the the cat", reference: "the cat the cat the"),
        Pair(id: "edge/lines", candidate: "\n\nthe cat sat\n\n\nthe dog ran\n", reference: "the dog sat\r\na cat ran\n \n"),
        Pair(id: "edge/same-lines", candidate: "the cat\nthe cat", reference: "the cat the cat"),
        Pair(id: "edge/one-token", candidate: "flies", reference: "fly"),
    ]

    /// Lead-3 against the summary for every BBC test article and the first 300 CNN/DailyMail ones, plus
    /// the edge pairs; nil when a dataset is missing (after failing in CI).
    static func pairs() -> [Pair]? {
        guard let bbc = ROUGEParityHarness.requireDataset("bbc/test.jsonl"),
              let cnn = ROUGEParityHarness.requireDataset("cnndm-dev/dev.jsonl") else { return nil }
        var pairs: [Pair] = []
        for record in bbc + cnn.prefix(300) {
            guard let id = record["id"] as? String, let text = record["text"] as? String,
                  let summary = record["summary"] as? String else { continue }
            pairs.append(Pair(id: id, candidate: leadThree(text), reference: summary))
        }
        #expect(pairs.count == 718, "418 BBC + 300 CNN/DailyMail articles")
        return pairs + edgePairs
    }

    @Test(.needsDatasets("bbc/test.jsonl", "cnndm-dev/dev.jsonl"), .needs(ROUGEParityHarness.python)) func rougeMatchesRougeScore() throws {
        guard let python = ROUGEParityHarness.python.require(), let pairs = Self.pairs() else { return }
        let output = try ROUGEParityHarness.runScript(python, mode: "--rouge", input: ROUGEParityHarness.jsonLines(pairs))
        let expected = try SharedDatasets.decodeJSONLines(output, as: ReferenceScores.self)
        try #require(expected.count == pairs.count)

        let scorer = ROUGEScorer(summaryLevel: true)
        let names = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
        var maxDifference = [Double](repeating: 0, count: 4), sumDifference = [Double](repeating: 0, count: 4)
        var exactPairs = 0
        var worst: [(difference: Double, line: String)] = []
        for (pair, reference) in zip(pairs, expected) {
            #expect(pair.id == reference.id)
            let s = scorer.score(candidate: pair.candidate, reference: pair.reference)
            let mine = [s.rouge1, s.rouge2, s.rougeL, s.rougeLsum ?? .zero]
            let theirs = [reference.rouge1, reference.rouge2, reference.rougeL, reference.rougeLsum]
            var pairDifference = 0.0
            for k in 0..<4 {
                let values = [mine[k].precision, mine[k].recall, mine[k].f1]
                let difference = zip(values, theirs[k]).map { abs($0 - $1) }.max() ?? 0
                #expect(difference <= 0.005, "\(pair.id) \(names[k]): Swift \(values), rouge-score \(theirs[k])")
                maxDifference[k] = max(maxDifference[k], difference)
                sumDifference[k] += difference
                pairDifference = max(pairDifference, difference)
            }
            if pairDifference == 0 {
                exactPairs += 1
            } else {
                worst.append((pairDifference, "\(pair.id): Swift \(mine), rouge-score \(theirs)"))
            }
        }
        for k in 0..<4 {
            let mean = sumDifference[k] / Double(pairs.count)
            #expect(mean <= 0.001, "\(names[k]): mean difference \(mean)")
            print("◇ \(names[k]): max |difference| \(maxDifference[k]), mean \(mean)")
        }
        print("◇ ROUGE parity: \(exactPairs) of \(pairs.count) pairs exactly equal (P, R, F of rouge1, rouge2, rougeL, rougeLsum)")
        for entry in worst.sorted(by: { $0.difference > $1.difference }).prefix(5) {
            print("◇ differs by \(entry.difference): \(entry.line)")
        }
    }

    @Test(.needsDatasets("bbc/test.jsonl"), .needs(ROUGEParityHarness.python)) func stemmerMatchesNLTKOnEveryBBCToken() throws {
        guard let python = ROUGEParityHarness.python.require(),
              let bbc = ROUGEParityHarness.requireDataset("bbc/test.jsonl") else { return }
        let tokenizer = ROUGETokenizer(stemming: false)
        var distinct = Set<String>()
        for record in bbc {
            for field in ["title", "text", "summary"] {
                if let value = record[field] as? String { distinct.formUnion(tokenizer.tokens(value)) }
            }
        }
        let words = distinct.sorted()
        let output = try ROUGEParityHarness.runScript(python, mode: "--stem", input: Data(words.map { $0 + "\n" }.joined().utf8))
        let stems = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(stems.count == words.count)
        let stemmer = PorterStemmer()
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where stemmer.stem(word) != expected {
            mismatches.append("\(word): Swift \(stemmer.stem(word)), NLTK \(expected)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(words.count) words differ: \(mismatches.prefix(20))")
        print("◇ stemmer parity: \(words.count - mismatches.count) of \(words.count) distinct BBC test tokens stem as NLTK does")
    }

    @Test(.needsDatasets("bbc/test.jsonl", "cnndm-dev/dev.jsonl"), .needs(ROUGEParityHarness.python)) func tokenizerMatchesRougeScore() throws {
        struct Text: Codable { var id: String; var text: String }
        struct Tokens: Decodable { var id: String; var tokens: [String] }
        guard let python = ROUGEParityHarness.python.require(), let pairs = Self.pairs() else { return }
        let texts = pairs.flatMap { [Text(id: $0.id + "/candidate", text: $0.candidate), Text(id: $0.id + "/reference", text: $0.reference)] }
        let output = try ROUGEParityHarness.runScript(python, mode: "--tokenize", input: ROUGEParityHarness.jsonLines(texts))
        let expected = try SharedDatasets.decodeJSONLines(output, as: Tokens.self)
        try #require(expected.count == texts.count)
        let tokenizer = ROUGETokenizer()
        var differing = 0
        for (text, reference) in zip(texts, expected) where tokenizer.tokens(text.text) != reference.tokens {
            differing += 1
            if differing <= 3 { Issue.record("\(text.id): tokens differ") }
        }
        #expect(differing == 0)
    }
}
