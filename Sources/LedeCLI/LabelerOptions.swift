import ArgumentParser
import Lede

/// The label flags `classify` and `process` share: the K best labels, a confidence threshold, and
/// the terms that explain the label; for a multi-label model, at least one label.
struct LabelerOptions: ParsableArguments {
    @Option(name: [.customShort("k"), .long], help: "Add the K most probable labels with their probabilities.") var topK: Int?
    @Option(help: "Write a null label when the best probability is below P. For a multi-label model: give each label whose probability is at least P, instead of the model's per-label thresholds.") var threshold: Double?
    @Option(help: "Add the N terms that pushed hardest toward the label (a multi-label model: toward each label given), with their contributions to its score (which add up with the intercept and the rest).") var explain: Int?
    @Flag(help: "For a multi-label model: give the most probable label when no label reaches its threshold.") var atLeastOne = false

    func validate() throws {
        if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1") }
        if let explain, explain < 1 { throw ValidationError("--explain must be at least 1") }
        if let threshold, !(threshold >= 0 && threshold <= 1) { throw ValidationError("--threshold must be between 0 and 1") }
    }

    /// The labeler these flags describe, over `model`.
    func labeler(_ model: TopicModel) -> TopicLabeler {
        TopicLabeler(model: model, topK: topK, threshold: threshold, explain: explain, atLeastOne: atLeastOne)
    }
}
