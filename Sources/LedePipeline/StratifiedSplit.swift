import LedeClassifier

/// Splits a labeled corpus in two, keeping each label's share, reproducibly.
public enum StratifiedSplit {
    /// Moves about `fraction` of each label's documents (chosen by a seeded shuffle) into the second part.
    /// A multi-label corpus is stratified by each document's first label (`labels`).
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
        kept.isMultiLabel = corpus.isMultiLabel
        held.isMultiLabel = corpus.isMultiLabel
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
        labelSets.append(other.labelSets[i])
        ids.append(other.ids[i])
    }

    /// Appends a document with a label set (which makes the corpus multi-label).
    public mutating func append(title: String = "", text: String, labelSet: [String], id: String? = nil) {
        titles.append(title)
        texts.append(text)
        labels.append(labelSet.first ?? "")
        labelSets.append(labelSet)
        ids.append(id)
        isMultiLabel = true
    }

    /// A multi-label corpus of articles already in memory: one title (or none: "") and one label set per
    /// text, no ids. Its `sha256` digests each set's labels joined by `|`, a tab, the title, a newline, the
    /// text and a newline, in order (without titles: each set, a tab, the text and a newline).
    public init(titles: [String]? = nil, texts: [String], labelSets: [[String]]) {
        precondition(texts.count == labelSets.count, "LabeledCorpus: \(texts.count) texts but \(labelSets.count) label sets")
        precondition(titles == nil || titles!.count == texts.count, "LabeledCorpus: \(titles?.count ?? 0) titles but \(texts.count) texts")
        self.init()
        var digest = SHA256()
        for (i, (text, set)) in zip(texts, labelSets).enumerated() {
            append(title: titles?[i] ?? "", text: text, labelSet: set)
            digest.update(set.joined(separator: "|") + "\t" + (titles.map { $0[i] + "\n" } ?? "") + text + "\n")
        }
        isMultiLabel = true
        sha256 = digest.hexDigest()
    }
}
