/// How a multi-label model's per-label decision thresholds are chosen from out-of-fold probabilities
/// (every training document scored by a model that did not train on it): label j is given to a
/// document when its probability reaches the label's threshold tⱼ.
///
/// The rule. On the out-of-fold probabilities, candidate thresholds are the 0.001 steps from 0.01 to
/// 0.99. The global threshold g is the candidate that maximizes micro-F1 over all labels at once (the
/// middle of the first run of candidates that ties for the best). A label's own threshold t̂ⱼ is the
/// candidate that maximizes that label's F1 alone, chosen the same way. With nⱼ positive training
/// documents, the label's threshold is t̂ⱼ shrunk toward g,
///
///     tⱼ = (nⱼ·t̂ⱼ + m·g) / (nⱼ + m),   m = `priorStrength`,
///
/// so a label with a handful of positives (whose own best threshold is mostly noise) stays near the
/// global threshold, and a label with hundreds gets its own. A label whose out-of-fold F1 is 0 at every
/// candidate (no positives, or none ever ranked above a negative) takes g.
public struct ThresholdRule: Sendable, Codable, Equatable {
    /// m: how many positives' worth of weight the global threshold gets against a label's own.
    public var priorStrength: Double
    /// The smallest and largest candidate thresholds.
    public var lowest: Double, highest: Double

    /// The rule with `lede train`'s settings.
    public init(priorStrength: Double = MultiLabelDefaults.priorStrength, lowest: Double = 0.01, highest: Double = 0.99) {
        precondition(priorStrength >= 0 && 0 < lowest && lowest <= highest && highest < 1, "ThresholdRule: bad settings")
        self.priorStrength = priorStrength
        self.lowest = lowest
        self.highest = highest
    }
}

/// Thresholds chosen by a `ThresholdRule`, with what they were chosen from.
public struct ThresholdChoice: Sendable, Equatable {
    /// tⱼ for each label.
    public var thresholds: [Float]
    /// The global threshold g.
    public var global: Double
    /// Each label's own best threshold t̂ⱼ (nil when its F1 is 0 at every candidate).
    public var own: [Double?]
    /// Each label's positive documents nⱼ.
    public var positives: [Int]
}

/// Chooses per-label decision thresholds (`ThresholdRule`) from out-of-fold probabilities.
public enum DecisionThresholds {
    /// Candidate steps per unit of probability.
    static let resolution = 1000

    /// The thresholds `rule` gives for `probabilities` (N×K, row-major, each label's own probability) of
    /// documents with these true label sets. O(N·K + K·resolution).
    public static func choose(probabilities: [Float], labelSets: LabelSets, labelCount k: Int,
                              rule: ThresholdRule = ThresholdRule()) -> ThresholdChoice {
        let n = labelSets.count
        precondition(probabilities.count == n * k, "one probability row per document")
        let bins = resolution
        // positive[j][b], negative[j][b]: documents whose probability for label j falls in bin b = ⌊p·bins⌋.
        var positive = [[Int]](repeating: [Int](repeating: 0, count: bins + 1), count: k)
        var negative = [[Int]](repeating: [Int](repeating: 0, count: bins + 1), count: k)
        var isPositive = [Bool](repeating: false, count: k)
        for i in 0..<n {
            for j in labelSets[i] { isPositive[Int(j)] = true }
            for j in 0..<k {
                let b = bin(probabilities[i * k + j])
                if isPositive[j] { positive[j][b] += 1 } else { negative[j][b] += 1 }
            }
            for j in labelSets[i] { isPositive[Int(j)] = false }
        }
        let low = Int((rule.lowest * Double(bins)).rounded()), high = Int((rule.highest * Double(bins)).rounded())
        var pooledPositive = [Int](repeating: 0, count: bins + 1), pooledNegative = [Int](repeating: 0, count: bins + 1)
        for j in 0..<k {
            for b in 0...bins {
                pooledPositive[b] += positive[j][b]
                pooledNegative[b] += negative[j][b]
            }
        }
        let global = best(positive: pooledPositive, negative: pooledNegative, low: low, high: high) ?? 0.5
        let counts = labelSets.positives(labelCount: k)
        let own = (0..<k).map { best(positive: positive[$0], negative: negative[$0], low: low, high: high) }
        let thresholds = (0..<k).map { j -> Float in
            guard let mine = own[j] else { return Float(global) }
            let nj = Double(counts[j])
            return Float((nj * mine + rule.priorStrength * global) / (nj + rule.priorStrength))
        }
        return ThresholdChoice(thresholds: thresholds, global: global, own: own, positives: counts)
    }

    /// The bin of a probability: ⌊p·resolution⌋, so that p ≥ b/resolution exactly when its bin is ≥ b.
    @inline(__always)
    static func bin(_ p: Float) -> Int {
        guard p.isFinite else { return 0 }
        return max(0, min(resolution, Int(Double(p) * Double(resolution))))
    }

    /// The threshold (a candidate b/resolution, b in `low...high`) of best F1 for documents whose
    /// probabilities fall in the bins as counted: the middle of the first run of candidates tying for
    /// the best. Nil when F1 is 0 at every candidate.
    static func best(positive: [Int], negative: [Int], low: Int, high: Int) -> Double? {
        let total = positive.reduce(0, +)
        guard total > 0 else { return nil }
        // Counts at or above each bin, from the top down.
        var tp = 0, fp = 0
        var f1 = [Double](repeating: 0, count: positive.count)
        for b in stride(from: positive.count - 1, through: 0, by: -1) {
            tp += positive[b]
            fp += negative[b]
            f1[b] = tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + (total - tp))
        }
        var bestValue = 0.0, runStart = -1, runEnd = -1
        for b in low...high {
            if f1[b] > bestValue {
                bestValue = f1[b]
                runStart = b
                runEnd = b
            } else if f1[b] == bestValue && runEnd == b - 1 && bestValue > 0 {
                runEnd = b
            }
        }
        guard bestValue > 0 else { return nil }
        return Double(runStart + runEnd) / 2 / Double(resolution)
    }
}
