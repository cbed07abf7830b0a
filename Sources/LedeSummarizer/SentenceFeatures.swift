#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-sentence features a learned `SentenceScorer` weighs: position, length, and TextRank's
/// centrality taken apart as PacSum does (similarity to earlier and to later sentences), all cheap to
/// compute from what ranking already built (the cosine matrix and the PageRank scores).
///
/// Positions count candidates (sentences that may be picked: datelines and furniture are not), so a
/// byline or a "(CNN)" line before the story does not push the first real sentence back.
public enum SentenceFeature: String, CaseIterable, Sendable, Codable {
    /// 1 for the first candidate, else 0.
    case first
    /// 1 for the second candidate, else 0.
    case second
    /// 1 for the third candidate, else 0.
    case third
    /// ln(1 + candidate index).
    case logPosition = "log_position"
    /// Candidate index / candidates (0 for the first, toward 1 for the last).
    case relativePosition = "relative_position"
    /// ln(words).
    case logWords = "log_words"
    /// Words / 30, capped at 4 (with `log_words`, a concave length preference).
    case words
    /// PageRank score × candidates (1 on average).
    case pageRank = "pagerank"
    /// Σ cosine with earlier candidates / (candidates − 1): how much the sentence repeats what came before.
    case centralityEarlier = "centrality_earlier"
    /// Σ cosine with later candidates / (candidates − 1): how much of what follows the sentence announces
    /// (PacSum's forward centrality).
    case centralityLater = "centrality_later"
    /// Cosine with the first candidate (1 for the first itself).
    case similarityFirst = "similarity_first"
    /// The largest cosine with any other candidate.
    case maximumSimilarity = "maximum_similarity"
    /// 1 when the sentence holds a quotation mark (straight or curly double quote), else 0.
    case quote
    /// 1 when the sentence ends with a question mark (possibly before a closing quote), else 0.
    case question
}

/// The feature pass's scratch arrays, one per workspace, reused from text to text.
final class FeatureScratch {
    @exclusivity(unchecked) var earlierSum: [Double] = []
    @exclusivity(unchecked) var laterSum: [Double] = []
    @exclusivity(unchecked) var firstSimilarity: [Double] = []
    @exclusivity(unchecked) var maximumSimilarity: [Double] = []
    /// The candidates' feature rows (row-major).
    @exclusivity(unchecked) var featureRows: [Double] = []
}

extension SummarizerWorkspace {
    /// The features of every candidate (after `score`), row-major: candidate `c`'s `features.count`
    /// values at `c * features.count`. O(m² + bytes) for m candidates (O(m · window) for long texts).
    func computeFeatures(_ features: [SentenceFeature], bytes: UnsafeBufferPointer<UInt8>, summarizer: Summarizer,
                         into out: inout [Double]) {
        let scratch = featureScratch
        let m = candidates.count
        let f = features.count
        out.removeAll(keepingCapacity: true)
        guard m > 0 else { return }
        out.append(contentsOf: repeatElement(0, count: m * f))

        // Centrality sums: from `similarity` when it holds the one window of all candidates, else
        // from the sparse vectors, window by window as ranking grouped them.
        scratch.earlierSum.removeAll(keepingCapacity: true)
        scratch.earlierSum.append(contentsOf: repeatElement(0, count: m))
        scratch.laterSum.removeAll(keepingCapacity: true)
        scratch.laterSum.append(contentsOf: repeatElement(0, count: m))
        scratch.firstSimilarity.removeAll(keepingCapacity: true)
        scratch.firstSimilarity.append(contentsOf: repeatElement(0, count: m))
        scratch.maximumSimilarity.removeAll(keepingCapacity: true)
        scratch.maximumSimilarity.append(contentsOf: repeatElement(0, count: m))
        let window = summarizer.options.graphWindow
        if m > 2 && m <= window && similarity.count == m * m {
            similarity.withUnsafeBufferPointer { sim in
                for a in 0..<m {
                    var before: Float = 0, after: Float = 0, largest: Float = 0
                    let row = a * m
                    for b in 0..<a { let s = max(0, sim[row + b]); before += s; largest = max(largest, s) }
                    for b in (a + 1)..<m { let s = max(0, sim[row + b]); after += s; largest = max(largest, s) }
                    scratch.earlierSum[a] = Double(before)
                    scratch.laterSum[a] = Double(after)
                    scratch.maximumSimilarity[a] = Double(largest)
                    scratch.firstSimilarity[a] = a == 0 ? 1 : Double(max(0, sim[row]))
                }
            }
        } else {
            let windows = max(1, (m + window - 1) / window)
            var start = 0
            for w in 0..<windows {
                let size = (m - start) / (windows - w)
                for a in start..<(start + size) {
                    for b in (a + 1)..<(start + size) {
                        let s = Double(max(0, cosine(a, b)))
                        scratch.laterSum[a] += s
                        scratch.earlierSum[b] += s
                        scratch.maximumSimilarity[a] = max(scratch.maximumSimilarity[a], s)
                        scratch.maximumSimilarity[b] = max(scratch.maximumSimilarity[b], s)
                    }
                }
                start += size
            }
            scratch.firstSimilarity[0] = 1
            for a in 1..<m { scratch.firstSimilarity[a] = a < window ? Double(max(0, cosine(0, a))) : 0 }
        }

        let count = Double(m)
        let pairs = Double(max(1, m - 1))
        for c in 0..<m {
            let sentence = Int(candidates[c])
            let words = Double(max(1, wordCounts[sentence]))
            let row = c * f
            for (k, feature) in features.enumerated() {
                let value: Double
                switch feature {
                case .first: value = c == 0 ? 1 : 0
                case .second: value = c == 1 ? 1 : 0
                case .third: value = c == 2 ? 1 : 0
                case .logPosition: value = log(1 + Double(c))
                case .relativePosition: value = Double(c) / count
                case .logWords: value = log(words)
                case .words: value = min(4, words / 30)
                case .pageRank: value = scores[c] * count
                case .centralityEarlier: value = scratch.earlierSum[c] / pairs
                case .centralityLater: value = scratch.laterSum[c] / pairs
                case .similarityFirst: value = scratch.firstSimilarity[c]
                case .maximumSimilarity: value = scratch.maximumSimilarity[c]
                case .quote: value = Self.hasQuote(bytes, segments[sentence]) ? 1 : 0
                case .question: value = Self.endsWithQuestion(bytes, segments[sentence]) ? 1 : 0
                }
                out[row + k] = value
            }
        }
    }

    /// Whether `bytes[range]` holds `"`, `“` or `”`.
    static func hasQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x22 { return true }
            if b == 0xE2 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9D) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether `bytes[range]` ends with "?", possibly followed by closing quotes.
    static func endsWithQuestion(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.upperBound - 1
        var steps = 0
        while i >= range.lowerBound && steps < 4 {
            let b = bytes[i]
            if b == 0x3F { return true }
            // ", ', or the last byte of ” / ’ (0x9D / 0x99 after E2 80).
            if b == 0x22 || b == 0x27 || b == 0x9D || b == 0x99 || b == 0x80 || b == 0xE2 { i -= 1; steps += 1; continue }
            return false
        }
        return false
    }

    /// Replaces the candidates' scores by `scorer`'s probabilities and re-sorts `order` (after `score`).
    func applyScorer(_ scorer: SentenceScorer, bytes: UnsafeBufferPointer<UInt8>, summarizer: Summarizer) {
        let scratch = featureScratch
        let m = candidates.count
        guard m > 0 else { return }
        computeFeatures(scorer.features, bytes: bytes, summarizer: summarizer, into: &scratch.featureRows)
        let f = scorer.features.count
        for c in 0..<m {
            scores[c] = scorer.probability(scratch.featureRows, row: c * f)
        }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: (0..<Int32(m)))
        scores.withUnsafeBufferPointer { s in
            order.sort { a, b in s[Int(a)] > s[Int(b)] || (s[Int(a)] == s[Int(b)] && a < b) }
        }
    }
}
