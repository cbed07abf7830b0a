/// Each document's set of labels, by index into a model's labels, stored as one list of indices with
/// the offset where each document's run starts (as a CSR matrix stores its rows). An empty set is a
/// document about none of the labels.
public struct LabelSets: Sendable, Equatable {
    /// Where document i's indices start in `members`; `count + 1` entries.
    public private(set) var starts: [Int]
    /// The label indices of every document, each document's in increasing order without repeats.
    public private(set) var members: [Int32]

    /// Label sets from a list per document (each sorted and made unique here).
    public init(_ sets: [[Int32]]) {
        starts = [0]
        starts.reserveCapacity(sets.count + 1)
        members = []
        for set in sets { append(set) }
    }

    /// Label sets from names, by their index in `labelNames`; nil when a name is not among them.
    public init?(_ sets: [[String]], labelNames: [String]) {
        let index = Dictionary(uniqueKeysWithValues: labelNames.enumerated().map { ($1, Int32($0)) })
        var indices: [[Int32]] = []
        indices.reserveCapacity(sets.count)
        for set in sets {
            var row: [Int32] = []
            for name in set {
                guard let j = index[name] else { return nil }
                row.append(j)
            }
            indices.append(row)
        }
        self.init(indices)
    }

    /// The label sets that probability rows give: for each of `rows` (N×K, row-major, K = `thresholds.count`),
    /// the labels whose probability reaches their threshold.
    public init<Rows: Sequence<Int>>(probabilities: [Float], rows: Rows, thresholds: [Float]) {
        let k = thresholds.count
        self.init(rows.map { i in (0..<k).filter { probabilities[i * k + $0] >= thresholds[$0] }.map(Int32.init) })
    }

    /// Adds one document's set.
    public mutating func append(_ set: [Int32]) {
        members.append(contentsOf: Set(set).sorted())
        starts.append(members.count)
    }

    /// Number of documents.
    public var count: Int { starts.count - 1 }

    /// Document i's label indices.
    public subscript(i: Int) -> ArraySlice<Int32> { members[starts[i]..<starts[i + 1]] }

    /// How many documents carry each of `labelCount` labels.
    public func positives(labelCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: labelCount)
        for j in members { counts[Int(j)] += 1 }
        return counts
    }

    /// The sets of the documents at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabelSets {
        var out = LabelSets([])
        for i in indices { out.append(Array(self[i])) }
        return out
    }
}
