/// The terms whose weights push hardest toward each label: what `lede inspect` shows.
public enum TopTerms {
    /// For each label, the `count` terms with the largest weight for it, best first. O(V·K·log count).
    public static func perLabel(_ model: TopicModel, count: Int) -> [(label: String, terms: [(term: String, weight: Float)])] {
        let k = model.labels.count, v = model.classifier.featureCount
        guard count > 0 else { return model.labels.map { ($0, []) } }
        return model.labels.enumerated().map { j, label in
            // A small sorted list of the best so far; V is large and count small.
            var best: [(Int, Float)] = []
            model.classifier.parameters.withUnsafeBufferPointer { theta in
                for t in 0..<v {
                    let w = theta[t * k + j]
                    if best.count < count || w > best[best.count - 1].1 {
                        let at = best.firstIndex { $0.1 < w } ?? best.count
                        best.insert((t, w), at: at)
                        if best.count > count { best.removeLast() }
                    }
                }
            }
            return (label, best.map { (model.tfidf.vocabulary[$0.0], $0.1) })
        }
    }
}
