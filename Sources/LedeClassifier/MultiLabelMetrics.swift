/// How well predicted label sets match true ones: micro- and macro-averaged precision, recall and F1,
/// per-label precision, recall, F1 and support, Hamming loss and the exact-match ratio.
///
/// Micro averages pool every (document, label) decision; macro averages are the mean over the labels
/// that occur in the true sets (support > 0), as the Reuters-21578 literature reports them. Labels of the
/// true sets that the model does not know are rows of their own, with nothing predicted (so they count
/// as misses). Precision of a label never predicted, and recall of a label that never occurs, are 0.
public struct MultiLabelMetrics: Sendable, Codable, Equatable {
    /// Scores of one label.
    public struct LabelScores: Sendable, Codable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Documents whose true set has the label.
        public var support: Int
        /// Documents given the label.
        public var predicted: Int
    }

    /// Documents scored.
    public var count: Int
    public var microPrecision: Double, microRecall: Double, microF1: Double
    public var macroPrecision: Double, macroRecall: Double, macroF1: Double
    /// Wrong (document, label) decisions over documents × labels (the model's labels and any other true ones).
    public var hammingLoss: Double
    /// Documents whose predicted set is exactly the true set.
    public var exactMatch: Double
    /// The model's labels in order, then the true sets' other labels, sorted.
    public var perLabel: [LabelScores]

    /// Scores `predicted` label sets (indices into `labels`) against `truth` (label names).
    public init(labels: [String], truth: [[String]], predicted: LabelSets) {
        precondition(truth.count == predicted.count, "one predicted set per document")
        var names = labels
        var index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        for set in truth {
            for name in set where index[name] == nil {
                index[name] = -1
            }
        }
        for name in index.filter({ $0.value == -1 }).keys.sorted() {
            index[name] = names.count
            names.append(name)
        }
        let l = names.count
        var tp = [Int](repeating: 0, count: l), support = [Int](repeating: 0, count: l), given = [Int](repeating: 0, count: l)
        var exact = 0, wrong = 0
        for (i, set) in truth.enumerated() {
            let true_ = Set(set.map { index[$0]! })
            let guessed = Set(predicted[i].map { Int($0) })
            for j in true_ { support[j] += 1 }
            for j in guessed { given[j] += 1 }
            let hits = true_.intersection(guessed).count
            for j in true_.intersection(guessed) { tp[j] += 1 }
            wrong += true_.count + guessed.count - 2 * hits
            if true_ == guessed { exact += 1 }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
        func f1(_ p: Double, _ r: Double) -> Double { p + r > 0 ? 2 * p * r / (p + r) : 0 }
        perLabel = (0..<l).map { j in
            let p = ratio(tp[j], given[j]), r = ratio(tp[j], support[j])
            return LabelScores(label: names[j], precision: p, recall: r, f1: f1(p, r), support: support[j], predicted: given[j])
        }
        let allTP = tp.reduce(0, +), allGiven = given.reduce(0, +), allSupport = support.reduce(0, +)
        count = truth.count
        microPrecision = ratio(allTP, allGiven)
        microRecall = ratio(allTP, allSupport)
        microF1 = f1(microPrecision, microRecall)
        let present = perLabel.filter { $0.support > 0 }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        macroPrecision = mean(present.map(\.precision))
        macroRecall = mean(present.map(\.recall))
        macroF1 = mean(present.map(\.f1))
        hammingLoss = ratio(wrong, truth.count * l)
        exactMatch = ratio(exact, truth.count)
    }
}
