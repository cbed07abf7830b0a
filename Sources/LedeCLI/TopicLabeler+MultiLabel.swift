import Lede

/// The records of a multi-label model: `"labels":[{"label":…,"probability":…},…]` (the labels given,
/// most probable first; empty when none passes its threshold), `"top"` with `--top-k` as for a
/// single-label model, and with `--explain` one explanation per label given. TSV and table cells join
/// the labels, and their probabilities, with `|`.
extension TopicLabeler {
    /// Multi-label outcomes, with explanations of every label given when asked for.
    func labelSets(_ predictions: [TopicPrediction], matrix: CSRMatrix) -> [Labeled] {
        guard let explain else { return predictions.map { Labeled(prediction: $0) } }
        let explanations = model.explain(matrix, count: explain) { predictions[$0].labelIndices }
        return zip(predictions, explanations).map { Labeled(prediction: $0, labelExplanations: $1) }
    }

    /// Columns after the id: labels, probabilities[, top][, explain].
    var multiLabelColumns: [RecordFormatter.Column] {
        [.init(name: "labels", width: 30), .init(name: "probabilities", width: 20)]
            + (topK == nil ? [] : [.init(name: "top", width: explain == nil ? nil : 40)])
            + (explain == nil ? [] : [.init(name: "explain", width: nil)])
    }

    /// `,"labels":[…][,"top":[…]][,"explain":[…]]` for a JSON record.
    func multiLabelJSONFields(_ labeled: Labeled) -> String {
        func list(_ labels: [LabelProbability]) -> String {
            "[" + labels.map { "{\"label\":\(JSONWriting.quoted($0.label)),\"probability\":\(JSONWriting.number($0.probability))}" }
                .joined(separator: ",") + "]"
        }
        var fields = ",\"labels\":" + list(labeled.prediction.labels)
        if topK != nil { fields += ",\"top\":" + list(labeled.prediction.top) }
        if explain != nil {
            let explained: [String] = labeled.labelExplanations.map { e in
                let terms: [String] = e.terms.map { "{\"term\":\(JSONWriting.quoted($0.term)),\"contribution\":\(JSONWriting.number($0.contribution))}" }
                let head = "{\"label\":\(JSONWriting.quoted(model.labels[e.label])),\"score\":\(JSONWriting.number(e.score)),"
                return head + "\"intercept\":\(JSONWriting.number(e.intercept)),\"terms\":[" + terms.joined(separator: ",")
                    + "],\"rest\":\(JSONWriting.number(e.rest))}"
            }
            fields += ",\"explain\":[" + explained.joined(separator: ",") + "]"
        }
        return fields
    }

    /// The cells of `multiLabelColumns`.
    func multiLabelCells(_ labeled: Labeled) -> [String] {
        let given = labeled.prediction.labels
        var cells = [given.map(\.label).joined(separator: "|"), given.map { JSONWriting.number($0.probability) }.joined(separator: "|")]
        if topK != nil {
            cells.append(labeled.prediction.top.map { "\($0.label):\(JSONWriting.number($0.probability))" }.joined(separator: " "))
        }
        if explain != nil {
            let parts: [String] = labeled.labelExplanations.map { e in
                model.labels[e.label] + "= " + e.terms.map { "\($0.term):\(JSONWriting.number($0.contribution))" }.joined(separator: " ")
            }
            cells.append(parts.joined(separator: " | "))
        }
        return cells
    }
}
