/// Precision, recall and F1 of one ROUGE measure, as rouge-score's `Score` (`fmeasure` is `f1` here).
public struct ROUGEScore: Sendable, Hashable, CustomStringConvertible {
    /// Matches over the candidate's count.
    public var precision: Double
    /// Matches over the reference's count.
    public var recall: Double
    /// The harmonic mean of precision and recall; 0 when both are 0.
    public var f1: Double

    /// Creates a score from its three values.
    public init(precision: Double, recall: Double, f1: Double) {
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }

    /// All zero: what rouge-score returns when a text has no tokens.
    public static let zero = ROUGEScore(precision: 0, recall: 0, f1: 0)

    /// A score from precision and recall, with F1 computed in rouge-score's order of operations,
    /// `2 * p * r / (p + r)`, so that it is bit-for-bit the same.
    public init(precision: Double, recall: Double) {
        self.init(precision: precision, recall: recall, f1: Self.f1(precision: precision, recall: recall))
    }

    /// rouge-score's `fmeasure`: `2 * p * r / (p + r)`, or 0 when `p + r` is not positive.
    public static func f1(precision: Double, recall: Double) -> Double {
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// "P=… R=… F1=…".
    public var description: String {
        "P=\(precision) R=\(recall) F1=\(f1)"
    }
}
