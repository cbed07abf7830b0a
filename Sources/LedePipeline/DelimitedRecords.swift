import Foundation

/// Reads a CSV or TSV file with a header row as labeled records, for training and evaluation.
///
/// Quoting follows RFC 4180 for both (TSV only changes the delimiter to a tab): a field that starts
/// with `"` runs to the next lone `"`, a doubled `""` inside it is one quote, and delimiters and line
/// breaks inside it belong to the field. A `"` inside a field that does not start with one is an
/// ordinary character; text after a closing quote is a bad record. A UTF-8 byte-order mark, CRLF or
/// LF line ends, blank lines and a missing final line end are accepted. Columns are found by header
/// name (compared after trimming spaces): the `text` field's column must be there, and the `label`
/// field's or the `labels` field's; the `title` and `id` ones are used when they are. Streams the
/// file: a record is held only while it is read.
///
/// Multi-label data: with a `labels` column (`RecordFields.labels`), each record's label set is that
/// cell split at `labelSeparator` (`|` by default), each part trimmed of spaces, empty parts and
/// repeats dropped; an empty cell is a record about no topic. The `label` column, if there is one
/// too, is then not read.
package struct DelimitedRecords {
    package let path: String
    /// The byte between fields: `,` for CSV, a tab for TSV.
    package let delimiter: UInt8
    package let fields: RecordFields
    /// What separates the labels in a `labels` cell.
    package let labelSeparator: String
    /// A record of more bytes than this is a bad record (it is skipped over, not held).
    package let maxRecordBytes: Int

    package init(path: String, delimiter: UInt8, fields: RecordFields, labelSeparator: String = "|", maxRecordBytes: Int = .max) {
        precondition(!labelSeparator.isEmpty, "DelimitedRecords: the label separator must not be empty")
        self.path = path
        self.delimiter = delimiter
        self.fields = fields
        self.labelSeparator = labelSeparator
        self.maxRecordBytes = maxRecordBytes
    }

    /// Calls `body` with each data record in order: an `Article` (title empty and id nil when their
    /// columns are missing; label nil when its cell is empty), or a `RecordError` with the line the record
    /// starts on. Feeds every byte of the file to `digest`. Throws `InputError` when the file cannot
    /// be opened or read, and `InputFormatError` when the header row is unusable.
    package func forEach(digest: inout SHA256, _ body: (Result<Article, RecordError>) throws -> Void) throws {
        let fd = try openForReading(path)
        defer { close(fd) }

        var parser = DelimitedParser(delimiter: delimiter, maxRecordBytes: maxRecordBytes)
        var columns: Columns?
        func handle(_ record: RawRecord) throws {
            if record.isBlank { return }
            guard let columns else {
                columns = try header(record)
                return
            }
            try body(article(record, columns))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var first = true
        while true {
            let count = buffer.withUnsafeMutableBytes { readRetrying(fd, $0.baseAddress!, $0.count) }
            if count < 0 { throw InputError(path: path, errno: errno) }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { all in
                var chunk = UnsafeBufferPointer(rebasing: all[0..<count])
                digest.update(chunk)
                if first {
                    chunk = chunk.droppingByteOrderMark()
                    first = false
                }
                try parser.feed(chunk, handle)
            }
        }
        try parser.finish(handle)
    }

    /// Where the wanted fields are in a row, and how many fields a row has.
    private struct Columns {
        var count: Int
        var text: Int
        /// The one-label column, or the label-set column (which wins when both are there).
        var label: Int?, labels: Int?
        var title: Int?, id: Int?
    }

    /// The columns the header row names; throws `InputFormatError` when it is unusable.
    private func header(_ record: RawRecord) throws -> Columns {
        let names = try record.headerNames(path: path, maxRecordBytes: maxRecordBytes)
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        let hasLabel = column(fields.label) != nil || column(fields.labels) != nil
        let missing = [(fields.text, "--text-field", column(fields.text) != nil), (fields.label, "--label-field", hasLabel)].filter { !$0.2 }
        if !missing.isEmpty {
            let what = missing.map { "\"\($0.0)\"" }.joined(separator: " or ")
            let flags = missing.map(\.1).joined(separator: " and ")
            let found = names.map { "\"\($0)\"" }.joined(separator: ", ")
            let sets = hasLabel ? "" : "; or give label sets in a \"\(fields.labels)\" column"
            throw InputFormatError(path: path, line: record.line,
                                   "no \(what) column (the header has \(found); name another with \(flags)\(sets))")
        }
        let labels = column(fields.labels)
        return Columns(count: names.count, text: column(fields.text)!, label: labels == nil ? column(fields.label) : nil, labels: labels,
                       title: column(fields.title), id: column(fields.id))
    }

    /// The article in a data row, or what is wrong with it.
    private func article(_ record: RawRecord, _ columns: Columns) -> Result<Article, RecordError> {
        let line = record.line
        if record.tooLarge {
            return .failure(RecordError.tooLarge(record.size, limit: maxRecordBytes, line: line))
        }
        if let problem = record.problem { return .failure(RecordError(.invalidRecord, problem, line: line)) }
        guard record.fieldCount == columns.count else {
            return .failure(RecordError(.invalidRecord, "the row has \(record.fieldCount) fields, the header \(columns.count)"
                                        + (record.fieldCount > columns.count ? " (quote fields that hold the delimiter)" : ""), line: line))
        }
        func string(_ index: Int?, _ name: String) throws(RecordError) -> String? {
            guard let index else { return nil }
            guard let value = String(validating: record.field(index), as: UTF8.self) else {
                throw RecordError(.invalidUTF8, "field \"\(name)\" is not valid UTF-8", line: line)
            }
            return value
        }
        do throws(RecordError) {
            let text = try string(columns.text, fields.text) ?? ""
            let title = try string(columns.title, fields.title) ?? ""
            let label = try string(columns.label, fields.label)
            let labels = try string(columns.labels, fields.labels).map(labelSet)
            let id = try string(columns.id, fields.id)
            return .success(Article(id: id?.isEmpty == true ? nil : id, title: title, text: text,
                                    label: label?.isEmpty == true ? nil : label, labels: labels, line: line))
        } catch {
            return .failure(error)
        }
    }
}

extension DelimitedRecords {
    /// The labels of a `labels` cell: split at `labelSeparator`, trimmed, without empty parts and repeats.
    func labelSet(_ cell: String) -> [String] {
        var labels: [String] = []
        for part in cell.split(separator: labelSeparator, omittingEmptySubsequences: true) {
            let label = part.trimmingCharacters(in: .whitespaces)
            if !label.isEmpty && !labels.contains(label) { labels.append(label) }
        }
        return labels
    }
}

/// One record as the parser hands it over: its fields' bytes back to back, where each field ends,
/// the line it starts on, and what (if anything) is wrong with it.
struct RawRecord {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// 1-based line the record starts on.
    var line = 1
    /// Bytes the record spans, without its final line end.
    var size = 0
    /// Whether a field of it was quoted.
    var quoted = false
    /// Over the size limit: its bytes were not kept.
    var tooLarge = false
    /// A syntax problem, when there is one.
    var problem: String?

    var fieldCount: Int { ends.count }

    func field(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }

    /// The column names of a header row, trimmed of spaces; throws `InputFormatError` naming `path` and the
    /// line when the row is over `maxRecordBytes`, malformed or not UTF-8.
    func headerNames(path: String, maxRecordBytes: Int) throws -> [String] {
        if tooLarge { throw InputFormatError(path: path, line: line, "the header row is over the limit of \(maxRecordBytes) bytes") }
        if let problem { throw InputFormatError(path: path, line: line, "header row: \(problem)") }
        return try (0..<fieldCount).map { i in
            guard let name = String(validating: field(i), as: UTF8.self) else {
                throw InputFormatError(path: path, line: line, "the header row is not valid UTF-8")
            }
            return name.trimmingCharacters(in: .whitespaces)
        }
    }

    /// An empty line: one empty, unquoted field.
    var isBlank: Bool { ends.count == 1 && ends[0] == 0 && !quoted && !tooLarge && problem == nil }
}

/// The RFC 4180 state machine under `DelimitedRecords`, fed the file in chunks.
struct DelimitedParser {
    private enum State { case fieldStart, unquoted, quoted, closingQuote }
    private static let quote: UInt8 = 0x22, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D

    let delimiter: UInt8
    let maxRecordBytes: Int
    private var state = State.fieldStart
    private var record = RawRecord()
    private var fieldStart = 0
    private var line = 1
    private var quoteLine = 1
    private var begun = false

    init(delimiter: UInt8, maxRecordBytes: Int) {
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
    }

    /// Parses `chunk`, calling `emit` with each record it completes.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RawRecord) throws -> Void) rethrows {
        for byte in chunk {
            if !begun {
                begun = true
                record.line = line
            }
            if byte == Self.newline {
                line += 1
                if state != .quoted {
                    endField(atLineEnd: true)
                    try endRecord(emit)
                    continue
                }
            }
            record.size += 1
            if record.size > maxRecordBytes && !record.tooLarge {
                record.tooLarge = true
                record.bytes = []
                fieldStart = 0
            }
            switch state {
            case .fieldStart:
                if byte == Self.quote {
                    state = .quoted
                    record.quoted = true
                    quoteLine = line
                } else if byte == delimiter {
                    endField()
                } else {
                    append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == delimiter { endField() } else { append(byte) }
            case .quoted:
                if byte == Self.quote { state = .closingQuote } else { append(byte) }
            case .closingQuote:
                if byte == Self.quote {
                    append(byte)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                } else if byte != Self.carriageReturn {
                    if record.problem == nil {
                        record.problem = "text after the closing quote of field \(record.ends.count + 1) (write a quote inside a quoted field as \"\")"
                    }
                    append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// Hands over the last record when the input does not end with a line end.
    mutating func finish(_ emit: (RawRecord) throws -> Void) rethrows {
        guard begun else { return }
        if state == .quoted {
            record.problem = "field \(record.ends.count + 1) opens a quote on line \(quoteLine) that never closes"
        }
        endField(atLineEnd: true)
        try endRecord(emit)
    }

    private mutating func append(_ byte: UInt8) {
        if !record.tooLarge { record.bytes.append(byte) }
    }

    private mutating func endField(atLineEnd: Bool = false) {
        // A CR before a line end is part of the line end, not of an unquoted field.
        if atLineEnd, state == .unquoted, !record.tooLarge, record.bytes.count > fieldStart, record.bytes.last == Self.carriageReturn {
            record.bytes.removeLast()
        }
        record.ends.append(record.tooLarge ? 0 : record.bytes.count)
        fieldStart = record.tooLarge ? 0 : record.bytes.count
        state = .fieldStart
    }

    private mutating func endRecord(_ emit: (RawRecord) throws -> Void) rethrows {
        defer {
            record.bytes.removeAll(keepingCapacity: record.bytes.capacity <= 1 << 20)
            record.ends.removeAll(keepingCapacity: true)
            record.size = 0
            record.quoted = false
            record.tooLarge = false
            record.problem = nil
            fieldStart = 0
            state = .fieldStart
            begun = false
        }
        try emit(record)
    }
}
