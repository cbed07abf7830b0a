import LedeFeatures

/// k-fold cross-validation of the whole pipeline (vectorizer fitted on each training part, then
/// logistic regression), used to choose settings on training data only.
package enum CrossValidation {
    /// Assigns each document a fold in `0..<folds`, keeping each label's share in every fold
    /// (a seeded shuffle within each label, then dealt round-robin).
    package static func stratifiedFolds(labels: [Int32], folds: Int, seed: UInt64) -> [Int] {
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

    /// The accuracy of each fold when the rest trains the model: `gridSearch` with the one C of `options`
    /// (folds run concurrently; the accuracies do not depend on `options.threads`).
    package static func accuracies(
        texts: [String], labels: [Int32], labelNames: [String], vectorizer: TfidfVectorizer,
        options: LogisticRegressionOptions, folds: Int = 5, seed: UInt64 = 20261129
    ) throws -> [Double] {
        try gridSearch(texts: texts, labels: labels, labelNames: labelNames, vectorizer: vectorizer, grid: [options.c],
                       folds: folds, options: options, seed: seed).result.rows[0].foldAccuracies
    }
}

/// A small seeded generator (SplitMix64), so splits and shuffles repeat exactly across runs and machines.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Starts the sequence at `seed`.
    package init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
