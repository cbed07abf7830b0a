import Lede

/// Labels articles with a topic model and writes the label fields of `classify` and `process`
/// records: `label` (null under `threshold`), `confidence`, with `topK` the K best labels, and with
/// `explain` the terms that pushed hardest toward the best label. A multi-label model's records are
/// written as `TopicLabeler+MultiLabel.swift` says.
struct TopicLabeler: Sendable {
    let model: TopicModel
    let topK: Int?
    let threshold: Double?
    var explain: Int? = nil
    /// A multi-label model gives its most probable label when no label passes.
    var atLeastOne = false

    /// One article's outcome: the library's prediction, and with `explain` the terms behind it (behind
    /// each label given, for a multi-label model).
    struct Labeled {
        var prediction: TopicPrediction
        var explanation: Explanation?
        var labelExplanations: [Explanation] = []
    }

    /// The outcome for each article, in order, computed on the calling thread.
    func label(_ articles: [Article]) -> [Labeled] {
        let matrix = model.features(titles: articles.map(\.title), texts: articles.map(\.text), threads: 1)
        let predictions = model.predict(matrix, topK: topK, threshold: threshold, atLeastOne: atLeastOne, threads: 1)
        if model.isMultiLabel { return labelSets(predictions, matrix: matrix) }
        guard let explain else { return predictions.map { Labeled(prediction: $0) } }
        let explanations = model.explain(matrix, count: explain) { predictions[$0].bestIndex }
        return zip(predictions, explanations).map { Labeled(prediction: $0, explanation: $1) }
    }

    /// The table and TSV columns after the id.
    var columns: [RecordFormatter.Column] {
        if model.isMultiLabel { return multiLabelColumns }
        let labelWidth = max(5, model.labels.map(\.count).max() ?? 5)
        return [.init(name: "label", width: labelWidth), .init(name: "confidence", width: 10)] + optionalColumns
    }

    /// The columns `--top-k` and `--explain` add, after the label columns.
    var optionalColumns: [RecordFormatter.Column] {
        (topK == nil ? [] : [.init(name: "top", width: explain == nil ? nil : 40)])
            + (explain == nil ? [] : [.init(name: "explain", width: nil)])
    }

    /// `,"label":…,"confidence":…[,"top":[…]]` for a JSON record.
    func jsonFields(_ labeled: Labeled) -> String {
        if model.isMultiLabel { return multiLabelJSONFields(labeled) }
        let prediction = labeled.prediction
        var fields = ",\"label\":\(prediction.label.map(JSONWriting.quoted) ?? "null"),\"confidence\":\(JSONWriting.number(prediction.confidence))"
        if topK != nil { fields += ",\"top\":" + Self.probabilitiesJSON(prediction.top) }
        if let explanation = labeled.explanation { fields += ",\"explain\":" + Self.explanationJSON(explanation) }
        return fields
    }

    /// `[{"label":…,"probability":…},…]`.
    static func probabilitiesJSON(_ labels: [LabelProbability]) -> String {
        "[" + labels.map { "{\"label\":\(JSONWriting.quoted($0.label)),\"probability\":\(JSONWriting.number($0.probability))}" }
            .joined(separator: ",") + "]"
    }

    /// `{["label":…,]"score":…,"intercept":…,"terms":[{"term":…,"contribution":…},…],"rest":…}`.
    static func explanationJSON(_ explanation: Explanation, label: String? = nil) -> String {
        "{" + (label.map { "\"label\":\(JSONWriting.quoted($0))," } ?? "")
            + "\"score\":\(JSONWriting.number(explanation.score)),\"intercept\":\(JSONWriting.number(explanation.intercept)),\"terms\":["
            + explanation.terms.map { "{\"term\":\(JSONWriting.quoted($0.term)),\"contribution\":\(JSONWriting.number($0.contribution))}" }
                .joined(separator: ",")
            + "],\"rest\":\(JSONWriting.number(explanation.rest))}"
    }

    /// A TSV or table cell of labels and probabilities: `label:p label:p …`.
    static func probabilitiesCell(_ labels: [LabelProbability]) -> String {
        labels.map { "\($0.label):\(JSONWriting.number($0.probability))" }.joined(separator: " ")
    }

    /// A TSV or table cell of an explanation's terms: `term:contribution …`.
    static func termsCell(_ explanation: Explanation) -> String {
        explanation.terms.map { "\($0.term):\(JSONWriting.number($0.contribution))" }.joined(separator: " ")
    }

    /// The cells of `columns`.
    func cells(_ labeled: Labeled) -> [String] {
        if model.isMultiLabel { return multiLabelCells(labeled) }
        let prediction = labeled.prediction
        return [prediction.label ?? "", JSONWriting.number(prediction.confidence)]
            + (topK == nil ? [] : [Self.probabilitiesCell(prediction.top)])
            + (explain == nil ? [] : [labeled.explanation.map(Self.termsCell) ?? ""])
    }
}
