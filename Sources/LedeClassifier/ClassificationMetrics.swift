import Foundation

/// How well predicted labels match true ones: accuracy, macro-F1, per-label precision, recall,
/// F1 and support, the confusion matrix, log-loss of the predicted probabilities, and their calibration
/// (expected calibration error and a reliability table, see `Calibration`).
public struct ClassificationMetrics: Sendable, Codable {
    /// Scores of one label.
    public struct LabelScores: Sendable, Codable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    public var count: Int
    public var accuracy: Double
    public var macroF1: Double
    /// Mean of −log p(true label), with p clipped at 1e-15 as scikit-learn does.
    public var logLoss: Double
    public var perLabel: [LabelScores]
    /// `confusion[t][p]`: documents of true label t predicted as p.
    public var confusion: [[Int]]
    /// Expected calibration error of the top label over 15 equal-width confidence bins.
    public var ece: Double
    /// The 15 bins ECE is computed from.
    public var reliability: [ReliabilityBin]

    /// Scores predictions given as probability rows (N×K, row-major) against true label indices;
    /// a true label of -1 (not one of the model's) counts as a miss with probability 0.
    public init(labels: [String], truth: [Int], probabilities: [Float]) {
        let k = labels.count, n = truth.count
        precondition(probabilities.count == n * k, "one probability row per document")
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        var correct = 0, loss = 0.0
        for i in 0..<n {
            let row = probabilities[i * k..<(i + 1) * k]
            let predicted = argmax(row)
            guard truth[i] >= 0 else {
                loss += -log(1e-15)
                continue
            }
            confusion[truth[i]][predicted] += 1
            if predicted == truth[i] { correct += 1 }
            loss += -log(max(Double(row[i * k + truth[i]]), 1e-15))
        }
        perLabel = (0..<k).map { j in
            let tp = Double(confusion[j][j])
            let predictedCount = Double((0..<k).reduce(0) { $0 + confusion[$1][j] })
            let support = confusion[j].reduce(0, +)
            let precision = predictedCount > 0 ? tp / predictedCount : 0
            let recall = support > 0 ? tp / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            return LabelScores(label: labels[j], precision: precision, recall: recall, f1: f1, support: support)
        }
        let present = perLabel.filter { $0.support > 0 }
        self.count = n
        self.accuracy = n > 0 ? Double(correct) / Double(n) : 0
        self.macroF1 = present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
        self.logLoss = n > 0 ? loss / Double(n) : 0
        self.confusion = confusion
        (ece, reliability) = Calibration.reliability(probabilities: probabilities, truth: truth)
    }
}
