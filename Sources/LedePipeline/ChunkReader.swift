import Foundation
import LedeParallel

/// Reads inputs into `RecordChunk`s of at most `chunkRecords` records or about `chunkBytes` bytes,
/// handing each over as it fills, and a partial one whenever reading would wait, so a record that
/// arrives alone on a pipe is passed on at once.
struct ChunkReader {
    var format: InputFormat
    var maxRecordBytes: Int
    var chunkRecords: Int
    var chunkBytes: Int

    /// Reads every input in turn ("-" or none: standard input) and calls `submit` with each chunk;
    /// stops early when `submit` returns false, or when `stop` is set (a read waiting on a pipe then
    /// fails with `ECANCELED`). Throws `InputError` when an input cannot be opened or read, after
    /// submitting what came before it.
    func read(_ inputs: [String], stop: StopSignal? = nil, submit: (RecordChunk) -> Bool) throws {
        var chunk = RecordChunk()
        var stopped = false
        var handed = 0
        func handOver() {
            guard !chunk.records.isEmpty, !stopped else { return }
            chunk.sequence = handed
            handed += 1
            stopped = !submit(chunk)
            chunk = RecordChunk()
        }
        defer { handOver() }
        for input in inputs.isEmpty ? ["-"] : inputs {
            if format.isFilePerRecord {
                for path in try Self.files(input, format: format) {
                    try readWhole(path, into: &chunk, stop: stop)
                    if chunk.records.count >= chunkRecords || chunk.bytes.count >= chunkBytes { handOver() }
                    if stopped { return }
                }
                continue
            }
            var reader = input == "-" ? LineReader.standardInput(maxLineBytes: maxRecordBytes)
                                      : try LineReader(path: input, maxLineBytes: maxRecordBytes)
            reader.stop = stop
            let source = reader.name
            var rows = format.delimiter.map { DelimitedRows(delimiter: $0, maxRecordBytes: maxRecordBytes, source: source) }
            func add(_ row: DelimitedRows.Row) {
                switch row {
                case .object(let bytes, let line): bytes.withUnsafeBufferPointer { chunk.append($0, line: line, source: source) }
                case .blank(let line): chunk.append(UnsafeBufferPointer(start: nil, count: 0), line: line, source: source)
                case .tooLarge(let bytes, let line): chunk.appendTooLarge(bytes: bytes, line: line, source: source)
                case .failed(let error): chunk.appendFailure(error)
                }
            }
            try reader.forEachLine(beforeWaiting: handOver) { line in
                switch line {
                case .tooLarge(let number, let bytes):
                    if rows != nil {
                        // The row cannot be parsed on; the next line starts afresh.
                        rows = DelimitedRows(delimiter: format.delimiter!, maxRecordBytes: maxRecordBytes, source: source, header: rows!.columns)
                    }
                    chunk.appendTooLarge(bytes: bytes, line: number, source: source)
                case .text(var bytes, let number):
                    // A blank line stays a record (an `empty_record` error in its place), so that output
                    // lines up with input; a UTF-8 byte-order mark before the first line is dropped.
                    if number == 1 { bytes = bytes.droppingByteOrderMark() }
                    if rows != nil { try rows!.feed(line: bytes, add) } else { chunk.append(bytes, line: number, source: source) }
                }
                if chunk.records.count >= chunkRecords || chunk.bytes.count >= chunkBytes { handOver() }
                return !stopped
            }
            if stopped { return }
            if rows != nil {
                try rows!.finish(add)
                if rows!.columns == nil { throw InputFormatError(path: source, "no header row (--input-format \(format.rawValue) reads a header row naming the columns)") }
            }
        }
    }

    /// Appends one file (or all of standard input) as one record.
    private func readWhole(_ path: String, into chunk: inout RecordChunk, stop: StopSignal?) throws {
        let source = path == "-" ? "stdin" : path
        let descriptor = path == "-" ? 0 : try openForReading(path)
        defer { if descriptor != 0 { close(descriptor) } }
        let read = try readToEnd(descriptor, path: path, limit: maxRecordBytes, stop: stop)
        guard let bytes = read.bytes else {
            chunk.appendTooLarge(bytes: read.length, line: 1, source: source)
            return
        }
        bytes.withUnsafeBufferPointer { chunk.append($0, line: 1, source: source) }
    }

    /// The files an input names: itself, or a folder's files of the format (`TextFolder.fileNames`, in
    /// byte order of their names); "-" is stdin. A folder that holds none is `InputError.noFiles`.
    static func files(_ input: String, format: InputFormat) throws -> [String] {
        if input == "-" { return ["-"] }
        guard let kind = TextFolder.kind(of: input) else { throw InputError(path: input, errno: errno) }
        guard kind == S_IFDIR else { return [input] }
        let names = try TextFolder.fileNames(in: input, extensions: format.folderExtensions)
        if names.isEmpty {
            let kinds = format.folderExtensions.map { "." + $0 }.joined(separator: " or ")
            throw InputError(path: input, errno: ENOENT, reason: "the folder holds no \(kinds) files (with --input-format "
                + "\(format.rawValue), a folder stands for the files directly in it whose names end in \(kinds), in any case)")
        }
        return names.map { input.hasSuffix("/") ? input + $0 : input + "/" + $0 }
    }
}
