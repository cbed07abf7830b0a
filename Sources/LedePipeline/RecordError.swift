/// A record that could not be read, with what was wrong and where; the verbs write it as an error
/// record (`{"id":…,"error":{"code":…,"message":…,"line":N}}`) or stop with exit code 65.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is; the `code` of an error record.
    public enum Code: String, Sendable {
        case invalidJSON = "invalid_json"
        case invalidUTF8 = "invalid_utf8"
        case notAnObject = "not_an_object"
        case wrongFieldType = "wrong_field_type"
        case missingField = "missing_field"
        case recordTooLarge = "record_too_large"
        case emptyText = "empty_text"
        /// A blank line in a line-per-record input.
        case emptyRecord = "empty_record"
        /// A CSV or TSV row that does not parse (ragged, or bad quoting).
        case invalidRecord = "invalid_record"
        /// Several labels where one was expected. No reader reports it: a fastText line with several
        /// `__label__`s is a record with that label set. Kept so that the code stays a valid value.
        case multipleLabels = "multiple_labels"
    }

    public var code: Code
    public var message: String
    /// 1-based line number in the input, when known.
    public var line: Int?
    /// The input's name (a path, or "stdin"), when known.
    public var source: String?
    /// The record's id, when the record was read far enough to know it: as text, and as JSON.
    public var id: String?
    public var idJSON: String?

    public init(_ code: Code, _ message: String, line: Int? = nil, source: String? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.source = source
    }

    /// A record of `bytes` bytes, over the `limit` (`--max-record-bytes`); it is skipped, not held.
    public static func tooLarge(_ bytes: Int, limit: Int, line: Int?) -> RecordError {
        RecordError(.recordTooLarge, "record of \(bytes) bytes is over the limit of \(limit)", line: line)
    }

    public var description: String {
        var place = source ?? ""
        if let line { place += place.isEmpty ? "line \(line)" : ":\(line)" }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
