import Foundation
import Testing
import LedeSummarizer
import LedeTestSupport

/// The shared data sets' articles (found through LedeTestSupport's `SharedDatasets`). When they are
/// missing, quality tests are skipped, or fail when `CI` is "true".
enum Datasets {
    /// One JSON Lines record.
    struct Article: Decodable, Sendable {
        let id: String
        let title: String?
        let text: String
        let summary: String
    }

    static func load(_ relativePath: String) throws -> [Article] {
        try SharedDatasets.decodeJSONLines(Data(contentsOf: SharedDatasets.url(relativePath)), as: Article.self)
    }
}

/// Sentence-level scoring against extractive references.
enum ExtractiveReference {
    /// The indices of the segments of `text` that make up `summary`: the segments whose concatenation,
    /// in any order and without white space, is the summary (a bounded depth-first search); when no
    /// such cover exists, the segments found whole inside the summary.
    static func referenceSentences(text: String, segments: [Range<Int>], summary: String) -> Set<Int> {
        let bytes = Array(text.utf8)
        let pieces = segments.map { withoutWhiteSpace(bytes, $0) }
        let summaryBytes = Array(summary.utf8)
        let target = withoutWhiteSpace(summaryBytes, 0..<summaryBytes.count)
        var candidatesByFirstByte = [[Int]](repeating: [], count: 256)
        for (i, piece) in pieces.enumerated() where !piece.isEmpty {
            candidatesByFirstByte[Int(piece[0])].append(i)
        }
        var used = [Bool](repeating: false, count: pieces.count)
        var chosen: [Int] = []
        var steps = 0
        func cover(_ at: Int) -> Bool {
            if at == target.count { return true }
            steps += 1
            if steps > 100_000 { return false }
            for i in candidatesByFirstByte[Int(target[at])] where !used[i] {
                let piece = pieces[i]
                guard at + piece.count <= target.count, target[at..<(at + piece.count)].elementsEqual(piece) else { continue }
                used[i] = true
                chosen.append(i)
                if cover(at + piece.count) { return true }
                used[i] = false
                chosen.removeLast()
            }
            return false
        }
        if cover(0) { return Set(chosen) }
        // Fallback: segments (of at least 20 bytes, to avoid chance matches) found inside the summary.
        var found = Set<Int>()
        for (i, piece) in pieces.enumerated() where piece.count >= 20 {
            if contains(target, piece) { found.insert(i) }
        }
        return found
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// Sentence precision, recall and F1 of picks against reference sentences, averaged over articles.
struct SentenceScores {
    var precision = 0.0
    var recall = 0.0
    var f1 = 0.0
    var articles = 0
    /// Correct picks and picks over all articles (micro average).
    var correct = 0
    var picks = 0
    var referenceTotal = 0

    mutating func add(picked: [Int], reference: Set<Int>) {
        let right = picked.filter { reference.contains($0) }.count
        let p = picked.isEmpty ? 0 : Double(right) / Double(picked.count)
        let r = reference.isEmpty ? 0 : Double(right) / Double(reference.count)
        precision += p
        recall += r
        f1 += p + r > 0 ? 2 * p * r / (p + r) : 0
        articles += 1
        correct += right
        picks += picked.count
        referenceTotal += reference.count
    }

    var meanPrecision: Double { precision / Double(max(1, articles)) }
    var meanRecall: Double { recall / Double(max(1, articles)) }
    var meanF1: Double { f1 / Double(max(1, articles)) }
    /// F1 of the pooled counts.
    var microF1: Double {
        let p = Double(correct) / Double(max(1, picks)), r = Double(correct) / Double(max(1, referenceTotal))
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}

/// An evaluation of a summarizer on BBC-style extractive references: sentence F1 with as many
/// sentences as the reference, and precision of three sentences.
struct ExtractiveEvaluation {
    var atReferenceLength = SentenceScores()
    var atThree = SentenceScores()
    /// Picks at reference length, per article (for ROUGE, scored outside).
    var picksAtReferenceLength: [[String]] = []

    init(summarizer: Summarizer, articles: [Datasets.Article], threads: Int = Summarizer.defaultThreadCount) {
        let texts = articles.map(\.text)
        // Segments as the summarizer sees them (the budget does not change them).
        let rankings = texts.map { summarizer.rank($0) }
        let references = zip(articles, rankings).map {
            ExtractiveReference.referenceSentences(text: $0.text, segments: $1.sentences, summary: $0.summary)
        }
        let budgets = references.map { SummaryBudget.sentences(max(1, $0.count)) }
        let atK = summarizer.summarize(batch: texts, budgets: budgets, threads: threads)
        let at3 = summarizer.summarize(batch: texts, budgets: Array(repeating: .sentences(3), count: texts.count), threads: threads)
        for i in 0..<articles.count {
            atReferenceLength.add(picked: atK[i].sentences.map(\.index), reference: references[i])
            atThree.add(picked: at3[i].sentences.map(\.index), reference: references[i])
            picksAtReferenceLength.append(atK[i].sentences.map(\.text))
        }
    }
}
