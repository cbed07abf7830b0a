import Foundation

/// One bin of a reliability table: the documents whose top-label confidence fell in `(lower, upper]`.
public struct ReliabilityBin: Codable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// Documents in the bin.
    public var count: Int
    /// Mean top-label probability of those documents (0 for an empty bin).
    public var meanConfidence: Double
    /// Fraction of those documents whose top label was right (0 for an empty bin).
    public var accuracy: Double
}

/// Top-label calibration: expected calibration error (ECE) over equal-width confidence bins, as
/// Guo et al. (2017) define it and most libraries compute it. A document's confidence is its largest
/// probability; bin b of B holds confidences in (b/B, (b+1)/B]; ECE = Σ_b (n_b / N)·|accuracy_b − confidence_b|.
package enum Calibration {
    /// The number of bins `lede evaluate classifier` uses.
    package static let defaultBinCount = 15

    /// ECE and the reliability table for top-label `confidences` and whether each top label was right.
    package static func reliability(confidences: [Double], correct: [Bool],
                                   binCount: Int = defaultBinCount) -> (ece: Double, bins: [ReliabilityBin]) {
        precondition(confidences.count == correct.count && binCount > 0, "Calibration.reliability: mismatched inputs")
        var count = [Int](repeating: 0, count: binCount), right = [Int](repeating: 0, count: binCount)
        var confidenceSum = [Double](repeating: 0, count: binCount)
        for (p, ok) in zip(confidences, correct) {
            // (b/B, (b+1)/B]: ceil(p·B) − 1, with 0 going to the first bin.
            let b = min(binCount - 1, max(0, Int((p * Double(binCount)).rounded(.up)) - 1))
            count[b] += 1
            confidenceSum[b] += p
            if ok { right[b] += 1 }
        }
        let n = Double(max(1, confidences.count))
        var ece = 0.0
        let bins = (0..<binCount).map { b in
            let m = Double(count[b])
            let confidence = m > 0 ? confidenceSum[b] / m : 0, accuracy = m > 0 ? Double(right[b]) / m : 0
            ece += m / n * abs(accuracy - confidence)
            return ReliabilityBin(lower: Double(b) / Double(binCount), upper: Double(b + 1) / Double(binCount),
                                  count: count[b], meanConfidence: confidence, accuracy: accuracy)
        }
        return (ece, bins)
    }

    /// ECE and the reliability table of probability rows (N×K, row-major) against true label indices
    /// (−1, a label the model does not know, counts as wrong).
    package static func reliability(probabilities: [Float], truth: [Int],
                                   binCount: Int = defaultBinCount) -> (ece: Double, bins: [ReliabilityBin]) {
        let n = truth.count, k = n > 0 ? probabilities.count / n : 0
        var confidences = [Double](), correct = [Bool]()
        confidences.reserveCapacity(n)
        correct.reserveCapacity(n)
        for i in 0..<n {
            let row = probabilities[i * k..<(i + 1) * k]
            let top = argmax(row)
            confidences.append(Double(row[i * k + top]))
            correct.append(top == truth[i])
        }
        return reliability(confidences: confidences, correct: correct, binCount: binCount)
    }
}

/// Temperature scaling (Guo et al., 2017): one number T that divides every score before the softmax,
/// fitted by minimizing log-loss on held-out scores. T > 1 softens over-confident probabilities; the
/// top label never changes.
package enum TemperatureScaling {
    /// Mean log-loss of `scores` (N×K logits, row-major) at temperature `t` against `labels`.
    package static func logLoss(scores: [Float], labels: [Int32], temperature t: Double) -> Double {
        let n = labels.count, k = scores.count / max(1, n)
        var total = 0.0
        for i in 0..<n {
            var largest = -Double.infinity
            for j in 0..<k { largest = max(largest, Double(scores[i * k + j]) / t) }
            var sum = 0.0
            for j in 0..<k { sum += exp(Double(scores[i * k + j]) / t - largest) }
            total += largest + log(sum) - Double(scores[i * k + Int(labels[i])]) / t
        }
        return total / Double(max(1, n))
    }

    /// The temperature in [0.05, 20] minimizing held-out log-loss. The loss is convex in 1/T, so a
    /// golden-section search over log T finds the minimum; to 1e-4 relative.
    package static func fit(scores: [Float], labels: [Int32]) -> Double {
        var low = log(0.05), high = log(20.0)
        let ratio = (sqrt(5.0) - 1) / 2
        func loss(_ logT: Double) -> Double { logLoss(scores: scores, labels: labels, temperature: exp(logT)) }
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = loss(a), fb = loss(b)
        while high - low > 1e-4 {
            if fa <= fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low); fa = loss(a)
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low); fb = loss(b)
            }
        }
        return exp((low + high) / 2)
    }

    /// Probability rows (N×K, row-major) from logits at temperature `t`.
    package static func probabilities(scores: [Float], classCount k: Int, temperature t: Double) -> [Float] {
        var out = scores
        out.withUnsafeMutableBufferPointer { SoftmaxRegression.softmaxRows($0, classCount: k, temperature: t) }
        return out
    }
}
