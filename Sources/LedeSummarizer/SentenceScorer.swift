#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learned sentence scorer: logistic regression over standardized `SentenceFeature`s, giving each
/// candidate the probability that it belongs in a summary. A summarizer with a scorer ranks by these
/// probabilities instead of PageRank; selection (budget, redundancy rule) is unchanged.
package struct SentenceScorer: Sendable, Equatable {
    /// The features, in the order of the other arrays.
    package let features: [SentenceFeature]
    /// Each feature's mean on the training sentences (subtracted first).
    package let mean: [Double]
    /// Each feature's standard deviation on the training sentences (divided by next; 1 for a constant feature).
    package let scale: [Double]
    /// Each standardized feature's weight.
    package let weights: [Double]
    /// The intercept.
    package let bias: Double

    /// Creates a scorer; the arrays must have one value per feature, the scales be positive and
    /// everything finite (`SummarizerError` otherwise).
    package init(features: [SentenceFeature], mean: [Double], scale: [Double], weights: [Double], bias: Double) throws {
        let f = features.count
        func fail(_ message: String) -> SummarizerError { SummarizerError(.invalidOptions, message) }
        guard f > 0 else { throw fail("a sentence scorer needs at least one feature") }
        guard Set(features).count == f else { throw fail("a sentence scorer's features must be distinct") }
        guard mean.count == f, scale.count == f, weights.count == f else {
            throw fail("a sentence scorer needs one mean, scale and weight per feature (\(f)), found \(mean.count), \(scale.count), \(weights.count)")
        }
        guard (mean + weights + [bias]).allSatisfy(\.isFinite) else { throw fail("a sentence scorer's means, weights and bias must be finite") }
        guard scale.allSatisfy({ $0.isFinite && $0 > 0 }) else { throw fail("a sentence scorer's scales must be finite and positive") }
        self.features = features
        self.mean = mean
        self.scale = scale
        self.weights = weights
        self.bias = bias
    }

    /// The weight applied to each raw feature value (weight / scale), and the matching intercept.
    var folded: (weights: [Double], bias: Double) {
        var b = bias
        var w = [Double](repeating: 0, count: features.count)
        for k in features.indices {
            w[k] = weights[k] / scale[k]
            b -= w[k] * mean[k]
        }
        return (w, b)
    }

    /// The logit of the raw feature values `rows[row ..< row + features.count]`.
    @inline(__always)
    func logit(_ rows: [Double], row: Int) -> Double {
        var z = bias
        for k in 0..<features.count { z += weights[k] * (rows[row + k] - mean[k]) / scale[k] }
        return z
    }

    /// The probability for the raw feature values `rows[row ..< row + features.count]`.
    @inline(__always)
    func probability(_ rows: [Double], row: Int) -> Double {
        1 / (1 + exp(-logit(rows, row: row)))
    }
}
