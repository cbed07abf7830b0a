/// Counts of one term: in the current document, documents containing it, occurrences in all documents.
struct TermCounts {
    var inDocument: UInt32 = 0
    var documentFrequency: UInt32 = 0
    var total: UInt64 = 0
}
