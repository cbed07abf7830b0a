import Foundation
import LedeText

/// A small JSON Lines reader for streaming a corpus from disk: reads the file in large blocks, splits them
/// at "\n" (a trailing "\r" is dropped, blank lines are skipped), and hands out chunks of raw lines, so
/// that only one chunk is in memory and lines can be decoded on several threads. A fuller record reader
/// belongs to the pipeline; this one serves the vectorizer.
struct JSONLinesTextReader {
    /// A run of lines: the bytes, each line's range in them, and each line's 1-based number in the file.
    struct Chunk {
        var bytes: [UInt8]
        var lines: [Range<Int>]
        var lineNumbers: [Int]
    }

    private let handle: FileHandle
    private let blockSize: Int
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLineNumber = 1

    /// Opens a file; throws `unreadableInput` when it cannot.
    init(path: String, blockSize: Int = 8 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VectorizerError(.unreadableInput, "cannot open \(path)")
        }
        self.handle = handle
        self.blockSize = blockSize
    }

    /// The next chunk of at most `maxLines` non-blank lines, or nil at the end of the file.
    mutating func next(maxLines: Int) throws -> Chunk? {
        var lines: [Range<Int>] = []
        var numbers: [Int] = []
        var scan = 0, lineStart = 0
        while lines.count < maxLines {
            if scan == pending.count {
                if atEnd { break }
                let data: Data?
                do { data = try handle.read(upToCount: blockSize) } catch {
                    throw VectorizerError(.unreadableInput, "cannot read: \(error)")
                }
                guard let data, !data.isEmpty else {
                    atEnd = true
                    try? handle.close()
                    if lineStart < pending.count {   // a last line without "\n"
                        addLine(lineStart..<pending.count, &lines, &numbers)
                        lineStart = pending.count
                        scan = pending.count
                    }
                    continue
                }
                pending.append(contentsOf: data)
                continue
            }
            let newline = pending.withUnsafeBufferPointer { buffer -> Int? in
                var i = scan
                while i < buffer.count {
                    if buffer[i] == 0x0A { return i }
                    i += 1
                }
                return nil
            }
            guard let newline else {
                scan = pending.count
                continue
            }
            addLine(lineStart..<newline, &lines, &numbers)
            lineStart = newline + 1
            scan = lineStart
        }
        if lines.isEmpty && atEnd && lineStart >= pending.count { return nil }
        let chunk = Chunk(bytes: pending, lines: lines, lineNumbers: numbers)
        pending = Array(pending[lineStart...])
        return chunk
    }

    private mutating func addLine(_ range: Range<Int>, _ lines: inout [Range<Int>], _ numbers: inout [Int]) {
        let number = nextLineNumber
        nextLineNumber += 1
        var end = range.upperBound
        if end > range.lowerBound && pending[end - 1] == 0x0D { end -= 1 }
        var blank = true
        for i in range.lowerBound..<end where !(pending[i] == 0x20 || pending[i] == 0x09 || pending[i] == 0x0D) {
            blank = false
            break
        }
        if blank { return }
        lines.append(range.lowerBound..<end)
        numbers.append(number)
    }
}

/// Decodes the named string fields of one JSON line with `JSONDecoder`; a missing or null field reads as
/// "". Ill-formed UTF-8 is replaced by U+FFFD (and counted) before decoding, so it never fails a line.
struct JSONFieldsDecoder {
    let fields: [String]
    private let decoder = JSONDecoder()

    init(fields: [String]) {
        self.fields = fields
        decoder.userInfo[Self.fieldsKey] = fields
    }

    static let fieldsKey = CodingUserInfoKey(rawValue: "lede.fields")!

    private struct Record: Decodable {
        var values: [String]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let fields = decoder.userInfo[JSONFieldsDecoder.fieldsKey] as? [String] ?? []
            let container = try decoder.container(keyedBy: Key.self)
            values = try fields.map { try container.decodeIfPresent(String.self, forKey: Key(stringValue: $0)) ?? "" }
        }
    }

    /// The fields' values of one line, and how many ill-formed UTF-8 sequences were replaced.
    func decode(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws -> (values: [String], invalidUTF8: Int) {
        var data = Data(line)
        let invalid = countInvalidUTF8(line)
        if invalid > 0 { data = Data(repairUTF8(line).bytes) }
        do {
            return (try decoder.decode(Record.self, from: data).values, invalid)
        } catch {
            throw VectorizerError(.badRecord, "not a JSON object with string fields \(fields): \(error)", line: lineNumber)
        }
    }
}
