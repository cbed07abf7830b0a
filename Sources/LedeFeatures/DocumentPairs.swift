import LedeText

/// The (term, count) pairs of each document a counter has counted, in counting order, and the end of a
/// document's counting that `TokenCounter` and `NGramCounter` share: each term met in the document moves
/// its in-document count into its totals and, when the pairs are kept (for a matrix), into the pairs.
final class DocumentPairs {
    /// Whether pairs are stored; without them only the totals are kept (a model needs no more).
    let keeps: Bool
    /// Per stored pair: the term (token id or n-gram entry) and its count in the document.
    let terms = GrowableArray<UInt32>()
    let counts = GrowableArray<UInt32>()
    /// Per document counted: where its pairs end.
    let ends = GrowableArray<Int>()

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// Number of documents counted.
    var documentCount: Int { ends.count }

    /// Where the pairs of the `d`-th document counted are.
    @inline(__always) func range(ofDocument d: Int) -> Range<Int> {
        (d == 0 ? 0 : ends[d - 1])..<ends[d]
    }

    /// Ends a document: for each term in `touched` (those whose `inDocument` count is not zero), adds the
    /// count to the term's totals in `termCounts`, stores the pair when keeping, and clears the count.
    @inline(__always) func endDocument(touched: GrowableArray<UInt32>, termCounts: UnsafeMutablePointer<TermCounts>) {
        for j in 0..<touched.count {
            let term = touched[j]
            let counted = termCounts + Int(term)
            let c = counted.pointee.inDocument
            if keeps {
                terms.append(term)
                counts.append(c)
            }
            counted.pointee.documentFrequency += 1
            counted.pointee.total += UInt64(c)
            counted.pointee.inDocument = 0
        }
        touched.shrink(to: 0)
        ends.append(terms.count)
    }

    /// Frees the pairs (after vectorizing).
    func release() {
        terms.release()
        counts.release()
        ends.release()
    }
}
