import Foundation

/// CSV or TSV read line by line for the streaming verbs (`--input-format csv|tsv`): the header row names
/// the columns, and each data row becomes a JSON object of them (every value a string), so that the
/// JSON Lines decoder finds the id, title, text and html fields by `RecordFields` as for `jsonl`.
/// Quoting is `DelimitedRecords`' (RFC 4180); a quoted field may span lines, and a CRLF inside one
/// reads as LF. Rows that cannot be read stand as error records in their place.
struct DelimitedRows {
    /// A data row as the chunk takes it.
    enum Row {
        /// A JSON object of the row's columns; `line` is where the row starts.
        case object([UInt8], line: Int)
        /// An empty line (an `empty_record` error downstream).
        case blank(line: Int)
        /// A row over the size limit.
        case tooLarge(bytes: Int, line: Int)
        /// A row that cannot be read.
        case failed(RecordError)
    }

    private var parser: DelimitedParser
    /// The header's column names, once read.
    private(set) var columns: [String]?
    private let source: String
    private let maxRecordBytes: Int

    init(delimiter: UInt8, maxRecordBytes: Int, source: String, header: [String]? = nil) {
        parser = DelimitedParser(delimiter: delimiter, maxRecordBytes: maxRecordBytes)
        columns = header
        self.source = source
        self.maxRecordBytes = maxRecordBytes
    }

    /// Feeds one line (without its line end) and calls `emit` with each row it completes. Throws
    /// `InputFormatError` when the header row is unusable.
    mutating func feed(line: UnsafeBufferPointer<UInt8>, _ emit: (Row) -> Void) throws {
        let newline: [UInt8] = [0x0A]
        var reading = Reading(columns: columns, source: source, maxRecordBytes: maxRecordBytes)
        defer { columns = reading.columns }
        try parser.feed(line) { try reading.take($0, emit) }
        try newline.withUnsafeBufferPointer { end in try parser.feed(end) { try reading.take($0, emit) } }
    }

    /// Hands over a last row left open (an unclosed quote) at the end of the input.
    mutating func finish(_ emit: (Row) -> Void) throws {
        var reading = Reading(columns: columns, source: source, maxRecordBytes: maxRecordBytes)
        defer { columns = reading.columns }
        try parser.finish { try reading.take($0, emit) }
    }
}

/// What turns the parser's records into rows: the header once read, and where the rows come from.
private struct Reading {
    var columns: [String]?
    let source: String
    let maxRecordBytes: Int

    mutating func take(_ record: RawRecord, _ emit: (DelimitedRows.Row) -> Void) throws {
        guard let columns else {
            if record.isBlank { return }
            columns = try header(record)
            return
        }
        if record.isBlank { return emit(.blank(line: record.line)) }
        if record.tooLarge { return emit(.tooLarge(bytes: record.size, line: record.line)) }
        if let problem = record.problem { return emit(.failed(error(.invalidRecord, problem, record.line))) }
        guard record.fieldCount == columns.count else {
            return emit(.failed(error(.invalidRecord, "the row has \(record.fieldCount) fields, the header \(columns.count)"
                                      + (record.fieldCount > columns.count ? " (quote fields that hold the delimiter)" : ""), record.line)))
        }
        var object = "{"
        for (i, name) in columns.enumerated() {
            guard let value = String(validating: record.field(i), as: UTF8.self) else {
                return emit(.failed(error(.invalidUTF8, "column \"\(name)\" is not valid UTF-8", record.line)))
            }
            if i > 0 { object += "," }
            object += JSONWriting.quoted(name) + ":" + JSONWriting.quoted(value)
        }
        object += "}"
        emit(.object(Array(object.utf8), line: record.line))
    }

    private func error(_ code: RecordError.Code, _ message: String, _ line: Int) -> RecordError {
        RecordError(code, message, line: line, source: source)
    }

    /// The header's column names (`RawRecord.headerNames`), each named once.
    private func header(_ record: RawRecord) throws -> [String] {
        let names = try record.headerNames(path: source, maxRecordBytes: maxRecordBytes)
        if let twice = names.indices.first(where: { names[..<$0].contains(names[$0]) }) {
            throw InputFormatError(path: source, line: record.line, "the header names the column \"\(names[twice])\" twice")
        }
        return names
    }
}
