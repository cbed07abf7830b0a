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
        [.init(name: "labels", width: 30), .init(name: "probabilities", width: 20)] + optionalColumns
    }

    /// `,"labels":[…][,"top":[…]][,"explain":[…]]` for a JSON record.
    func multiLabelJSONFields(_ labeled: Labeled) -> String {
        var fields = ",\"labels\":" + Self.probabilitiesJSON(labeled.prediction.labels)
        if topK != nil { fields += ",\"top\":" + Self.probabilitiesJSON(labeled.prediction.top) }
        if explain != nil {
            fields += ",\"explain\":[" + labeled.labelExplanations.map { Self.explanationJSON($0, label: model.labels[$0.label]) }
                .joined(separator: ",") + "]"
        }
        return fields
    }

    /// The cells of `multiLabelColumns`.
    func multiLabelCells(_ labeled: Labeled) -> [String] {
        let given = labeled.prediction.labels
        var cells = [given.map(\.label).joined(separator: "|"), given.map { JSONWriting.number($0.probability) }.joined(separator: "|")]
        if topK != nil { cells.append(Self.probabilitiesCell(labeled.prediction.top)) }
        if explain != nil {
            cells.append(labeled.labelExplanations.map { model.labels[$0.label] + "= " + Self.termsCell($0) }.joined(separator: " | "))
        }
        return cells
    }
}
