/// What a multi-label model's file records about its labels and thresholds (`ModelProvenance.multiLabel`),
/// shown by `lede inspect`.
public struct MultiLabelProvenance: Codable, Sendable, Equatable {
    /// Training documents with each label.
    public var positives: [String: Int]
    /// Training documents with no label at all.
    public var documentsWithoutLabels: Int
    /// The labels with fewer than `MultiLabelDefaults.fewPositives` positive documents: they are trained,
    /// but their scores rest on a handful of examples and their thresholds are mostly the global one.
    public var rareLabels: [String]
    /// How the thresholds were chosen: the rule, on out-of-fold probabilities of `folds` folds; nil when
    /// they were not (every threshold 0.5, `lede train --no-calibrate`).
    public var thresholdRule: ThresholdRule?
    public var folds: Int?
    /// The global threshold g of the rule.
    public var globalThreshold: Double?

    public init(positives: [String: Int], documentsWithoutLabels: Int, rareLabels: [String], thresholdRule: ThresholdRule? = nil,
                folds: Int? = nil, globalThreshold: Double? = nil) {
        self.positives = positives
        self.documentsWithoutLabels = documentsWithoutLabels
        self.rareLabels = rareLabels
        self.thresholdRule = thresholdRule
        self.folds = folds
        self.globalThreshold = globalThreshold
    }
}
