import LedeFeatures

/// One article's topic as a model reads it: what `lede classify` writes for the article, as a value a
/// Swift program can use.
public struct TopicPrediction: Sendable, Equatable {
    /// The most probable label, or nil when its probability is under the threshold asked for.
    public var label: String?
    /// The most probable label's probability (also when `label` is nil), at the model's temperature.
    public var confidence: Float
    /// The K most probable labels with their probabilities, most probable first; empty unless asked for.
    public var top: [LabelProbability]
    /// Where the most probable label is in the model's `labels` (the first one on a tie).
    public var bestIndex: Int

    /// Creates a prediction.
    public init(label: String?, confidence: Float, top: [LabelProbability], bestIndex: Int) {
        self.label = label
        self.confidence = confidence
        self.top = top
        self.bestIndex = bestIndex
    }
}

/// A label and the probability a model gives it.
public struct LabelProbability: Sendable, Equatable {
    /// One of the model's labels.
    public var label: String
    /// Its probability, at the model's temperature.
    public var probability: Float

    /// Creates a label's probability.
    public init(label: String, probability: Float) {
        self.label = label
        self.probability = probability
    }
}

extension TopicModel {
    /// The topic of each article (title and text, read as `input(title:text:)` reads them), in order.
    /// `topK`: also list the K most probable labels; `threshold`: leave `label` nil when the best
    /// probability is under it. The work runs on `threads` threads.
    public func predict(titles: [String], texts: [String], topK: Int? = nil, threshold: Double? = nil,
                        threads: Int = TfidfVectorizer.defaultThreadCount) -> [TopicPrediction] {
        predict(features(titles: titles, texts: texts, threads: threads), topK: topK, threshold: threshold, threads: threads)
    }

    /// The topic of each row already made by `features(titles:texts:threads:)` (or by `tfidf` from model
    /// inputs), in order; `topK` and `threshold` as for `predict(titles:texts:)`.
    public func predict(_ matrix: CSRMatrix, topK: Int? = nil, threshold: Double? = nil,
                        threads: Int = TfidfVectorizer.defaultThreadCount) -> [TopicPrediction] {
        let probabilities = probabilities(matrix, threads: threads)
        let labels = labels, k = labels.count
        return (0..<matrix.rowCount).map { row in
            let scores = probabilities[row * k..<(row + 1) * k]
            let best = argmax(scores)
            let confidence = scores[row * k + best]
            var top: [LabelProbability] = []
            if let topK {
                top = (0..<k).sorted { scores[row * k + $0] > scores[row * k + $1] }.prefix(topK).map {
                    LabelProbability(label: labels[$0], probability: scores[row * k + $0])
                }
            }
            let below = threshold.map { Double(confidence) < $0 } ?? false
            return TopicPrediction(label: below ? nil : labels[best], confidence: confidence, top: top, bestIndex: best)
        }
    }
}
