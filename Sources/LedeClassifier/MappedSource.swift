/// One input of a training run with a label map, as a model's provenance records it.
public struct MappedSource: Codable, Sendable, Equatable {
    /// The input's file name, as given.
    public var name: String
    /// SHA-256 of the input's bytes (as `LabeledCorpus.sha256` digests them), hex.
    public var sha256: String
    /// Records read.
    public var recordCount: Int
    /// Records per label as the data spells it, before mapping.
    public var labelCounts: [String: Int]
    /// Records per model label, after mapping.
    public var mappedCounts: [String: Int]
    /// Records the map dropped (target `-`).
    public var droppedByMap: Int
    /// Records with labels the map does not name, dropped (only with `LabelMap.Unmapped.drop`).
    public var unmappedDropped: Int

    /// Creates a record of one input.
    public init(name: String, sha256: String, recordCount: Int, labelCounts: [String: Int], mappedCounts: [String: Int],
                droppedByMap: Int, unmappedDropped: Int) {
        self.name = name
        self.sha256 = sha256
        self.recordCount = recordCount
        self.labelCounts = labelCounts
        self.mappedCounts = mappedCounts
        self.droppedByMap = droppedByMap
        self.unmappedDropped = unmappedDropped
    }
}
