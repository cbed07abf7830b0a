import Lede

/// Labels articles with a topic model and writes the label fields of `classify` and `process`
/// records: `label` (null under `threshold`), `confidence`, with `topK` the K best labels, and with
/// `explain` the terms that pushed hardest toward the best label.
struct TopicLabeler: Sendable {
    let model: TopicModel
    let topK: Int?
    let threshold: Double?
    var explain: Int? = nil

    /// One article's outcome.
    struct Labeled {
        var label: String?
        var confidence: Float
        var top: [(label: String, probability: Float)]
        var explanation: Explanation?
    }

    /// The outcome for each article, in order, computed on the calling thread.
    func label(_ articles: [Article]) -> [Labeled] {
        let labels = model.labels, k = labels.count
        let matrix = model.features(titles: articles.map(\.title), texts: articles.map(\.text), threads: 1)
        let probabilities = model.probabilities(matrix, threads: 1)
        var best: [Int] = []
        let labeled = articles.indices.map { row in
            let scores = probabilities[row * k..<(row + 1) * k]
            let bestIndex = argmax(scores)
            let confidence = scores[row * k + bestIndex]
            let below = threshold.map { Double(confidence) < $0 } ?? false
            var top: [(String, Float)] = []
            if let topK {
                top = (0..<k).sorted { scores[row * k + $0] > scores[row * k + $1] }.prefix(topK).map { (labels[$0], scores[row * k + $0]) }
            }
            best.append(bestIndex)
            return Labeled(label: below ? nil : labels[bestIndex], confidence: confidence, top: top)
        }
        guard let explain else { return labeled }
        let explanations = model.explain(matrix, count: explain) { best[$0] }
        return zip(labeled, explanations).map { labeled, explanation in
            var explained = labeled
            explained.explanation = explanation
            return explained
        }
    }

    /// The table and TSV columns after the id.
    var columns: [RecordFormatter.Column] {
        let labelWidth = max(5, model.labels.map(\.count).max() ?? 5)
        return [.init(name: "label", width: labelWidth), .init(name: "confidence", width: 10)]
            + (topK == nil ? [] : [.init(name: "top", width: explain == nil ? nil : 40)])
            + (explain == nil ? [] : [.init(name: "explain", width: nil)])
    }

    /// `,"label":…,"confidence":…[,"top":[…]]` for a JSON record.
    func jsonFields(_ labeled: Labeled) -> String {
        var fields = ",\"label\":\(labeled.label.map(JSONWriting.quoted) ?? "null"),\"confidence\":\(JSONWriting.number(labeled.confidence))"
        if topK != nil {
            fields += ",\"top\":[" + labeled.top.map {
                "{\"label\":\(JSONWriting.quoted($0.label)),\"probability\":\(JSONWriting.number($0.probability))}"
            }.joined(separator: ",") + "]"
        }
        if let explanation = labeled.explanation {
            fields += ",\"explain\":{\"score\":\(JSONWriting.number(explanation.score)),\"intercept\":\(JSONWriting.number(explanation.intercept)),\"terms\":["
                + explanation.terms.map { "{\"term\":\(JSONWriting.quoted($0.term)),\"contribution\":\(JSONWriting.number($0.contribution))}" }.joined(separator: ",")
                + "],\"rest\":\(JSONWriting.number(explanation.rest))}"
        }
        return fields
    }

    /// The cells of `columns`.
    func cells(_ labeled: Labeled) -> [String] {
        [labeled.label ?? "", JSONWriting.number(labeled.confidence)]
            + (topK == nil ? [] : [labeled.top.map { "\($0.label):\(JSONWriting.number($0.probability))" }.joined(separator: " ")])
            + (explain == nil ? [] : [labeled.explanation?.terms.map { "\($0.term):\(JSONWriting.number($0.contribution))" }.joined(separator: " ") ?? ""])
    }
}
