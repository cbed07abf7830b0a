import LedeText

/// The (term, count) pairs of each document a counter has counted, in counting order, and the counting of
/// one document that `TokenCounter` and `NGramCounter` share: `count` adds one occurrence of a term to its
/// in-document count, and `endDocument` moves each term met in the document into its totals and, when the
/// pairs are kept (for a matrix), into the pairs.
final class DocumentPairs {
    /// Whether pairs are stored; without them only the totals are kept (a model needs no more).
    let keeps: Bool
    /// Per stored pair: the term (token id or n-gram entry) and its count in the document.
    let terms = GrowableArray<UInt32>()
    let counts = GrowableArray<UInt32>()
    /// Per document counted: where its pairs end.
    let ends = GrowableArray<Int>()
    /// The terms met so far in the document being counted, each once.
    private let touched = GrowableArray<UInt32>()

    init(keeps: Bool) {
        self.keeps = keeps
    }

    /// Number of documents counted.
    var documentCount: Int { ends.count }

    /// Where the pairs of the `d`-th document counted are.
    @inline(__always) func range(ofDocument d: Int) -> Range<Int> {
        (d == 0 ? 0 : ends[d - 1])..<ends[d]
    }

    /// Counts one occurrence of `term`, whose counts are at `counted`, in the document being counted (its
    /// in-document count stops at `UInt32.max`).
    @inline(__always) func count(_ term: UInt32, at counted: UnsafeMutablePointer<TermCounts>) {
        let c = counted.pointee.inDocument
        if c == 0 { touched.append(term) }
        if c != .max { counted.pointee.inDocument = c + 1 }
    }

    /// Ends a document: for each term met in it (by `count`), adds its in-document count to the term's
    /// totals in `termCounts` (indexed by term), stores the pair when keeping, and clears the count.
    @inline(__always) func endDocument(termCounts: UnsafeMutablePointer<TermCounts>) {
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
