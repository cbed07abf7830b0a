/// The terms a vectorizer was fitted on, one per column, sorted by their UTF-8 bytes, which is code point
/// order: the order of scikit-learn's `get_feature_names_out()`. Stored as one byte arena.
public struct Vocabulary: Sendable, Equatable {
    /// The UTF-8 bytes of all terms, in column order.
    public let bytes: [UInt8]
    /// Where each term starts in `bytes`; `count + 1` offsets.
    public let starts: [Int]

    /// Creates a vocabulary from terms already in column order (sorted by UTF-8 bytes, no duplicates).
    public init(sortedTerms: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for term in sortedTerms {
            bytes.append(contentsOf: term.utf8)
            starts.append(bytes.count)
        }
        self.init(bytes: bytes, starts: starts)
    }

    /// Creates a vocabulary from an arena and its offsets (terms in column order).
    public init(bytes: [UInt8], starts: [Int]) {
        precondition(starts.first == 0 && starts.last == bytes.count, "Vocabulary: offsets do not cover the bytes")
        self.bytes = bytes
        self.starts = starts
    }

    /// Number of terms (columns).
    public var count: Int { starts.count - 1 }

    /// The term of a column.
    public subscript(column: Int) -> String {
        String(decoding: bytes[starts[column]..<starts[column + 1]], as: UTF8.self)
    }

    /// All terms in column order.
    public var terms: [String] { (0..<count).map { self[$0] } }

    /// The column of a term, by binary search. O(log count · term length).
    public func column(of term: String) -> Int? {
        let key = Array(term.utf8)
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if bytes[starts[mid]..<starts[mid + 1]].lexicographicallyPrecedes(key) { low = mid + 1 } else { high = mid }
        }
        return low < count && bytes[starts[low]..<starts[low + 1]].elementsEqual(key) ? low : nil
    }
}
