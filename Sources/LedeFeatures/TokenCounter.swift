import LedeText

/// Counts the tokens (or character n-grams) of the documents one worker tokenized, by their final ids:
/// per document its (token, count) pairs, per token its document frequency and total count. Workers'
/// counts are summed when the vocabulary is chosen; sums of integers do not depend on how documents were
/// spread over workers.
final class TokenCounter {
    /// Counts per token id.
    let counts = GrowableArray<TermCounts>()
    /// Each document's (token id, count) pairs, in the order this worker counted them.
    let pairs: DocumentPairs

    /// Makes room for the counts of token ids below `tokenCount`.
    func reserveTokens(_ tokenCount: Int) {
        counts.reserve(tokenCount)
        while counts.count < tokenCount { counts.append(TermCounts()) }
    }

    /// `keepsDocuments`: store the per-document pairs (for a matrix); without them only the totals are kept.
    init(keepsDocuments: Bool = true) {
        pairs = DocumentPairs(keeps: keepsDocuments)
    }

    /// Number of documents counted.
    var documentCount: Int { pairs.documentCount }

    /// Counts one document given as its token ids. O(tokens).
    func countDocument(_ ids: UnsafePointer<UInt32>, _ count: Int) {
        let base = counts.base, pairs = self.pairs
        for i in 0..<count {
            let id = ids[i]
            pairs.count(id, at: base + Int(id))
        }
        pairs.endDocument(termCounts: base)
    }
}
