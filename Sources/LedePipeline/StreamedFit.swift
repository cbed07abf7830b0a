import LedeFeatures
import LedeText

extension TfidfVectorizer {
    /// Fits on a JSON Lines file streamed from disk, `linesPerChunk` lines at a time, and returns the model
    /// and matrix. A document is the given string fields joined by a line break (missing or null fields are
    /// empty), e.g. `["title", "text"]`. Lines are read with `LineReader` (CRLF is fine, blank lines are
    /// skipped) and only one chunk of raw lines is held at once; they are decoded with `JSONObjectScanner`
    /// on the worker threads. Ill-formed UTF-8 is read as U+FFFD and counted in `invalidUTF8Count`. A line
    /// that is not a JSON object with those fields as strings throws `VectorizerError` `badRecord` with its
    /// line number; a file that cannot be opened or read throws `unreadableInput`.
    package func fitTransform(jsonLinesAt path: String, fields: [String] = ["title", "text"],
                             threads: Int = defaultThreadCount, linesPerChunk: Int = 4096) throws -> TfidfFit {
        precondition(!fields.isEmpty && linesPerChunk > 0, "fitTransform: give at least one field and a positive chunk size")
        let decoder = JSONFieldsReader(fields: fields)
        // The streaming verbs' reader: chunks of raw lines (a byte-order mark dropped), blank ones skipped here.
        let reader = ChunkReader(format: .jsonl, maxRecordBytes: .max, chunkRecords: linesPerChunk, chunkBytes: .max)
        return try fitTransform(threads: threads) { count in
            var failure: (any Error)?
            do {
                try reader.read([path]) { chunk in
                    let lines = chunk.lineRecords(skippingBlank: true)
                    do {
                        try chunk.bytes.withUnsafeBufferPointer { bytes in
                            try count(lines.count) { _, i, text in
                                try decoder.add(UnsafeBufferPointer(rebasing: bytes[lines[i].bytes]), line: lines[i].line, to: text)
                            }
                        }
                    } catch {
                        failure = error
                        return false
                    }
                    return true
                }
            } catch let error as InputError {
                throw VectorizerError(.unreadableInput, "cannot read \(error)")
            }
            if let failure { throw failure }
        }
    }
}

/// Reads the named string fields of one JSON line into a document.
private struct JSONFieldsReader: Sendable {
    let fields: [String]
    /// Scans for each distinct field once; `slots[k]` is where field `k`'s value is in the scan.
    private let scanner: JSONObjectScanner
    private let slots: [Int]

    init(fields: [String]) {
        var keys: [String] = []
        slots = fields.map { field in
            if let k = keys.firstIndex(of: field) { return k }
            keys.append(field)
            return keys.count - 1
        }
        self.fields = fields
        scanner = JSONObjectScanner(keys: keys)
    }

    /// Adds the fields' values of `line`, in order, as pieces of the document `text`. A line with ill-formed
    /// UTF-8 is read with each ill-formed sequence replaced by U+FFFD (and counted), so it never fails a line.
    func add(_ line: UnsafeBufferPointer<UInt8>, line number: Int, to text: TfidfVectorizer.DocumentText) throws {
        let values: [JSONObjectScanner.Value?]
        do {
            values = try scan(line, counting: text)
        } catch let error as RecordError {
            throw VectorizerError(.badRecord, "not a JSON object with string fields \(fields): \(error.message)", line: number)
        }
        for (k, field) in fields.enumerated() {
            switch values[slots[k]] {
            case .string(var value)?:
                value.withUTF8 { text.add($0) }
            case nil, .null?:
                continue
            case .number?, .strings?, .other?:
                throw VectorizerError(.badRecord, "not a JSON object with string fields \(fields): \"\(field)\" is not a string", line: number)
            }
        }
    }

    /// The scanned values of `line`; when it holds ill-formed UTF-8, those of the line with each ill-formed
    /// sequence replaced by U+FFFD, counted in `text`.
    private func scan(_ line: UnsafeBufferPointer<UInt8>, counting text: TfidfVectorizer.DocumentText) throws -> [JSONObjectScanner.Value?] {
        do {
            return try scanner.scan(line)
        } catch let error where error.code == .invalidUTF8 {}
        let (repaired, replaced) = repairUTF8(line)
        let values = try scan(repaired)
        text.countReplacedUTF8(replaced)
        return values
    }

    private func scan(_ bytes: [UInt8]) throws(RecordError) -> [JSONObjectScanner.Value?] {
        try bytes.withUnsafeBufferPointer { (bytes) throws(RecordError) -> [JSONObjectScanner.Value?] in try scanner.scan(bytes) }
    }
}
