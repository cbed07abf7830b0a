import LedeFeatures

/// k-fold cross-validation of the whole pipeline (vectorizer fitted on each training part, then
/// logistic regression), used to choose settings on training data only.
public enum CrossValidation {
    /// Assigns each document a fold in `0..<folds`, keeping each label's share in every fold
    /// (a seeded shuffle within each label, then dealt round-robin).
    public static func stratifiedFolds(labels: [Int32], folds: Int, seed: UInt64) -> [Int] {
        var generator = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        var byLabel: [Int32: [Int]] = [:]
        for (i, label) in labels.enumerated() { byLabel[label, default: []].append(i) }
        var next = 0
        for label in byLabel.keys.sorted() {
            var members = byLabel[label]!
            members.shuffle(using: &generator)
            for i in members {
                assignment[i] = next % folds
                next += 1
            }
        }
        return assignment
    }

    /// The accuracy of each fold when the rest trains the model.
    public static func accuracies(
        texts: [String], labels: [Int32], labelNames: [String], vectorizer: TfidfVectorizer,
        options: LogisticRegressionOptions, folds: Int = 5, seed: UInt64 = 20261129
    ) throws -> [Double] {
        let fold = stratifiedFolds(labels: labels, folds: folds, seed: seed)
        return try (0..<folds).map { f in
            let train = fold.indices.filter { fold[$0] != f }, held = fold.indices.filter { fold[$0] == f }
            let fit = try vectorizer.fitTransform(documents: train.map { texts[$0] }, threads: options.threads)
            let (model, _) = LogisticRegression.train(matrix: fit.matrix, labels: train.map { labels[$0] },
                                                      labelNames: labelNames, options: options)
            let k = labelNames.count
            let probabilities = model.probabilities(fit.model.transform(documents: held.map { texts[$0] }, threads: options.threads),
                                                    threads: options.threads)
            var correct = 0
            for (row, i) in held.enumerated() {
                if argmax(probabilities[row * k..<(row + 1) * k]) == Int(labels[i]) { correct += 1 }
            }
            return Double(correct) / Double(max(1, held.count))
        }
    }
}

/// A small seeded generator (SplitMix64), so splits and shuffles repeat exactly across runs and machines.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Starts the sequence at `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
