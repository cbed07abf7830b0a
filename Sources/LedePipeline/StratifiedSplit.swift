import LedeClassifier

/// Splits a labeled corpus in two, keeping each label's share, reproducibly.
public enum StratifiedSplit {
    /// Moves about `fraction` of each label's documents (chosen by a seeded shuffle) into the second part.
    public static func split(_ corpus: LabeledCorpus, fraction: Double, seed: UInt64) -> (kept: LabeledCorpus, heldOut: LabeledCorpus) {
        var byLabel: [String: [Int]] = [:]
        for (i, label) in corpus.labels.enumerated() { byLabel[label, default: []].append(i) }
        var generator = SplitMix64(seed: seed)
        var heldOut = Set<Int>()
        for label in byLabel.keys.sorted() {
            var members = byLabel[label]!
            members.shuffle(using: &generator)
            heldOut.formUnion(members.prefix(Int((Double(members.count) * fraction).rounded())))
        }
        var kept = LabeledCorpus(), held = LabeledCorpus()
        for i in 0..<corpus.count {
            if heldOut.contains(i) {
                held.append(corpus, i)
            } else {
                kept.append(corpus, i)
            }
        }
        kept.sha256 = corpus.sha256
        held.sha256 = corpus.sha256
        return (kept, held)
    }
}

extension LabeledCorpus {
    /// An empty corpus, to fill with `append`.
    public init() {}

    /// Appends document `i` of `other`.
    public mutating func append(_ other: LabeledCorpus, _ i: Int) {
        titles.append(other.titles[i])
        texts.append(other.texts[i])
        labels.append(other.labels[i])
        ids.append(other.ids[i])
    }
}
