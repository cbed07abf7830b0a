import Lede

/// Labels articles with a topic model and writes the label fields of `classify` and `process`
/// records: `label` (null under `threshold`), `confidence`, and with `topK` the K best labels.
struct TopicLabeler: Sendable {
    let model: TopicModel
    let topK: Int?
    let threshold: Double?

    /// One article's outcome.
    struct Labeled {
        var label: String?
        var confidence: Float
        var top: [(label: String, probability: Float)]
    }

    /// The outcome for each article, in order, computed on the calling thread.
    func label(_ articles: [Article]) -> [Labeled] {
        let labels = model.labels, k = labels.count
        let probabilities = model.probabilities(of: articles.map(\.classifierInput), threads: 1)
        return articles.indices.map { row in
            let scores = probabilities[row * k..<(row + 1) * k]
            let best = scores.indices.max { scores[$0] < scores[$1] }! - row * k
            let confidence = scores[row * k + best]
            let below = threshold.map { Double(confidence) < $0 } ?? false
            var top: [(String, Float)] = []
            if let topK {
                top = (0..<k).sorted { scores[row * k + $0] > scores[row * k + $1] }.prefix(topK).map { (labels[$0], scores[row * k + $0]) }
            }
            return Labeled(label: below ? nil : labels[best], confidence: confidence, top: top)
        }
    }

    /// The table and TSV columns after the id.
    var columns: [RecordFormatter.Column] {
        let labelWidth = max(5, model.labels.map(\.count).max() ?? 5)
        return [.init(name: "label", width: labelWidth), .init(name: "confidence", width: 10)]
            + (topK == nil ? [] : [.init(name: "top", width: nil)])
    }

    /// `,"label":…,"confidence":…[,"top":[…]]` for a JSON record.
    func jsonFields(_ labeled: Labeled) -> String {
        var fields = ",\"label\":\(labeled.label.map(JSONWriting.quoted) ?? "null"),\"confidence\":\(JSONWriting.number(labeled.confidence))"
        if topK != nil {
            fields += ",\"top\":[" + labeled.top.map {
                "{\"label\":\(JSONWriting.quoted($0.label)),\"probability\":\(JSONWriting.number($0.probability))}"
            }.joined(separator: ",") + "]"
        }
        return fields
    }

    /// The cells of `columns`.
    func cells(_ labeled: Labeled) -> [String] {
        [labeled.label ?? "", JSONWriting.number(labeled.confidence)]
            + (topK == nil ? [] : [labeled.top.map { "\($0.label):\(JSONWriting.number($0.probability))" }.joined(separator: " ")])
    }
}
