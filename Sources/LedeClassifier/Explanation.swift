import LedeFeatures

/// Why a topic model gave a document a label: the terms that pushed hardest toward it, each with its
/// contribution (its TF-IDF weight times the label's weight for it). The label's score (before the
/// softmax and any temperature, or for a multi-label model before the label's sigmoid) is exactly
/// `intercept + Σ terms' contributions + rest`.
public struct Explanation: Sendable, Equatable {
    /// One term's push toward the label.
    public struct Term: Sendable, Equatable {
        public var term: String
        public var contribution: Float
    }

    /// The label explained, by index into the model's labels.
    public var label: Int
    /// The label's score: what the softmax (a multi-label model: the sigmoid) turns into its probability.
    public var score: Float
    /// The label's intercept.
    public var intercept: Float
    /// The terms with the largest contributions, largest first.
    public var terms: [Term]
    /// The sum of every other term's contribution.
    public var rest: Float
}

extension TopicModel {
    /// Explanations of `label(row)` for each row of `matrix` (the model's TF-IDF rows of some texts),
    /// naming at most `count` terms each.
    public func explain(_ matrix: CSRMatrix, count: Int, label: (Int) -> Int) -> [Explanation] {
        (0..<matrix.rowCount).map { explain(matrix, row: $0, label: label($0), count: count) }
    }

    /// Explanations of each label of `labels(row)` (a multi-label model's labels given to the row), for
    /// each row of `matrix`, naming at most `count` terms each.
    public func explain(_ matrix: CSRMatrix, count: Int, labels: (Int) -> [Int]) -> [[Explanation]] {
        (0..<matrix.rowCount).map { row in labels(row).map { explain(matrix, row: row, label: $0, count: count) } }
    }

    /// The explanation of label `j` for one row of `matrix`.
    func explain(_ matrix: CSRMatrix, row: Int, label j: Int, count: Int) -> Explanation {
        let k = labels.count, intercepts = classifier.featureCount * k
        return classifier.parameters.withUnsafeBufferPointer { theta in
            var pushes: [(column: Int32, contribution: Float)] = []
            for e in matrix.entries(ofRow: row) {
                let column = matrix.columns[e]
                pushes.append((column, matrix.values[e] * theta[Int(column) * k + j]))
            }
            // Summed in column order, as the scores are, so the parts add up to the score.
            let score = pushes.reduce(theta[intercepts + j]) { $0 + $1.contribution }
            let top = pushes.sorted { ($0.contribution, $1.column) > ($1.contribution, $0.column) }.prefix(max(0, count))
            let shown = top.reduce(Float(0)) { $0 + $1.contribution }
            return Explanation(label: j, score: score, intercept: theta[intercepts + j],
                               terms: top.map { Explanation.Term(term: tfidf.vocabulary[Int($0.column)], contribution: $0.contribution) },
                               rest: score - theta[intercepts + j] - shown)
        }
    }
}
