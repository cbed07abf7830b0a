/// The settings `lede train` uses for a multi-label model unless told otherwise, chosen by 5-fold
/// cross-validation on Reuters-21578's training split only (micro-F1 of the whole pipeline, thresholds
/// chosen inside each fold; measured 2026-12-07): the single-label model's features (1–2-grams, min_df
/// 2, English stop words, sublinear tf, the title three times; each of these beat its alternative by
/// 0.003–0.006), C = 100 (0.8975, against 0.8958 at C = 30 and 0.8917 at C = 10), and a threshold prior of
/// 5 positives (0.8975; 3: 0.8971; 10 at C = 30: 0.8955; 30: 0.8944).
public enum MultiLabelDefaults {
    /// Inverse regularization strength of a multi-label model.
    public static let c = 100.0
    /// The `ThresholdRule` prior strength m: how many positives' worth of weight the global threshold has.
    public static let priorStrength = 5.0
    /// A label with fewer positive training documents than this is reported as rare.
    public static let fewPositives = 5
}
