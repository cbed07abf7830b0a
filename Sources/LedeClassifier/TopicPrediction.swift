import LedeFeatures

/// One article's topic as a model reads it: what `lede classify` writes for the article, as a value a
/// Swift program can use.
public struct TopicPrediction: Sendable, Equatable {
    /// The most probable label, or nil when its probability is under the threshold asked for (for a
    /// multi-label model: when no label passes).
    public var label: String?
    /// The most probable label's probability (also when `label` is nil), at the model's temperature.
    public var confidence: Float
    /// The K most probable labels with their probabilities, most probable first; empty unless asked for.
    public var top: [LabelProbability]
    /// Where the most probable label is in the model's `labels` (the first one on a tie).
    public var bestIndex: Int
    /// For a multi-label model, the labels given: those whose probability reaches their threshold, most
    /// probable first (the first of them is `label`). Empty for a single-label model.
    public var labels: [LabelProbability]
    /// Where each of `labels` is in the model's `labels`.
    public var labelIndices: [Int]

    /// Creates a prediction.
    public init(label: String?, confidence: Float, top: [LabelProbability], bestIndex: Int,
                labels: [LabelProbability] = [], labelIndices: [Int] = []) {
        precondition(labels.count == labelIndices.count, "TopicPrediction: one index per label")
        self.label = label
        self.confidence = confidence
        self.top = top
        self.bestIndex = bestIndex
        self.labels = labels
        self.labelIndices = labelIndices
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
    ///
    /// For a multi-label model, `labels` lists the labels whose probability reaches their threshold (the
    /// model's, or `threshold` for every label when given); with `atLeastOne`, the most probable label
    /// when none does.
    public func predict(titles: [String], texts: [String], topK: Int? = nil, threshold: Double? = nil,
                        atLeastOne: Bool = false, threads: Int = TfidfVectorizer.defaultThreadCount) -> [TopicPrediction] {
        predict(features(titles: titles, texts: texts, threads: threads), topK: topK, threshold: threshold, atLeastOne: atLeastOne,
                threads: threads)
    }

    /// The topic of each row already made by `features(titles:texts:threads:)` (or by `tfidf` from model
    /// inputs), in order; `topK`, `threshold` and `atLeastOne` as for `predict(titles:texts:)`.
    public func predict(_ matrix: CSRMatrix, topK: Int? = nil, threshold: Double? = nil, atLeastOne: Bool = false,
                        threads: Int = TfidfVectorizer.defaultThreadCount) -> [TopicPrediction] {
        if let thresholds {
            return predictLabelSets(probabilities(matrix, threads: threads), rows: matrix.rowCount, topK: topK,
                                    thresholds: threshold.map { [Float](repeating: Float($0), count: thresholds.count) } ?? thresholds,
                                    atLeastOne: atLeastOne)
        }
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

extension TopicModel {
    /// Multi-label predictions from probability rows (N×K): the labels reaching `thresholds`, most probable
    /// first (ties in label order), or with `atLeastOne` the most probable label when none does.
    func predictLabelSets(_ probabilities: [Float], rows: Int, topK: Int?, thresholds: [Float], atLeastOne: Bool) -> [TopicPrediction] {
        let labels = labels, k = labels.count
        return (0..<rows).map { row in
            let scores = probabilities[row * k..<(row + 1) * k]
            let best = argmax(scores)
            let byProbability = { (a: Int, b: Int) in
                scores[row * k + a] > scores[row * k + b] || (scores[row * k + a] == scores[row * k + b] && a < b)
            }
            var given = (0..<k).filter { scores[row * k + $0] >= thresholds[$0] }.sorted(by: byProbability)
            if given.isEmpty && atLeastOne { given = [best] }
            var top: [LabelProbability] = []
            if let topK {
                top = (0..<k).sorted(by: byProbability).prefix(topK).map {
                    LabelProbability(label: labels[$0], probability: scores[row * k + $0])
                }
            }
            return TopicPrediction(label: given.first.map { labels[$0] }, confidence: scores[row * k + best], top: top, bestIndex: best,
                                   labels: given.map { LabelProbability(label: labels[$0], probability: scores[row * k + $0]) },
                                   labelIndices: given)
        }
    }
}
