/// Counts the tokens (or character n-grams) of the documents one worker tokenized, by their final ids:
/// per document its (token, count) pairs, per token its document frequency and total count. Workers'
/// counts are summed when the vocabulary is chosen; sums of integers do not depend on how documents were
/// spread over workers.
final class TokenCounter {
    /// Counts per token id.
    let counts = GrowableArray<TermCounts>()
    /// Per stored pair: token id and count; per document this worker counted (in its order): where its pairs end.
    let entryToken = GrowableArray<UInt32>()
    let entryCount = GrowableArray<UInt32>()
    let documentEnds = GrowableArray<Int>()
    private let touched = GrowableArray<UInt32>()

    /// Makes room for the counts of token ids below `tokenCount`.
    func reserveTokens(_ tokenCount: Int) {
        counts.reserve(tokenCount)
        while counts.count < tokenCount { counts.append(TermCounts()) }
    }

    /// Whether the per-document pairs are stored (for a matrix); without them only the totals are kept.
    let keepsDocuments: Bool

    init(keepsDocuments: Bool = true) {
        self.keepsDocuments = keepsDocuments
    }

    /// Number of documents counted.
    var documentCount: Int { documentEnds.count }

    /// Counts one document given as its token ids. O(tokens).
    func countDocument(_ ids: UnsafePointer<UInt32>, _ count: Int) {
        let base = counts.base
        for i in 0..<count {
            let id = ids[i]
            let c = base[Int(id)].inDocument
            if c == 0 { touched.append(id) }
            if c != .max { base[Int(id)].inDocument = c + 1 }
        }
        for j in 0..<touched.count {
            let id = touched[j]
            let c = base[Int(id)].inDocument
            if keepsDocuments {
                entryToken.append(id)
                entryCount.append(c)
            }
            base[Int(id)].documentFrequency += 1
            base[Int(id)].total += UInt64(c)
            base[Int(id)].inDocument = 0
        }
        touched.shrink(to: 0)
        documentEnds.append(entryToken.count)
    }

    /// Frees the per-document pairs (after vectorizing).
    func releaseDocuments() {
        entryToken.release()
        entryCount.release()
        documentEnds.release()
    }
}
