/// Reads fastText's supervised format as labeled records, for training and evaluation: one document
/// per line, its labels the words `__label__NAME` (usually first), the rest of the line its text.
/// A line with one label is a one-label record; a line with several is a record with that label set
/// (each label once, in the order of the line), as fastText's `-loss ova` reads it; a line with none
/// is a bad record. Blank lines are skipped; LF or CRLF line ends and a UTF-8 byte-order mark are
/// accepted. Records have no title and no id.
package struct FastTextRecords {
    /// What marks a word as a label.
    package static let labelPrefix: [UInt8] = Array("__label__".utf8)

    package let path: String
    /// A line of more bytes than this is a bad record (it is skipped over, not held).
    package let maxRecordBytes: Int

    package init(path: String, maxRecordBytes: Int = .max) {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
    }

    /// Calls `body` with each non-blank line in order: an `Article`, or a `RecordError` naming the line.
    /// Feeds each line and a newline to `digest`, as the JSON Lines reader does. Throws `InputError`
    /// when the file cannot be opened or read.
    package func forEach(digest: inout SHA256, _ body: (Result<Article, RecordError>) throws -> Void) throws {
        try LineReader.forEachRecord(in: path, maxRecordBytes: maxRecordBytes, digest: &digest, decode: { bytes, number in
            let content = number == 1 ? bytes.droppingByteOrderMark() : bytes
            return content.allSatisfy(Self.isSpace) ? nil : Self.article(content, line: number)
        }, body)
    }

    /// The separators between fastText's words: space, tab, vertical tab, form feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The article on one line, or what is wrong with it.
    static func article(_ line: UnsafeBufferPointer<UInt8>, line number: Int) -> Result<Article, RecordError> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(RecordError(.invalidUTF8, "the line is not valid UTF-8", line: number))
        }
        // The words that start with the prefix.
        var labels: [Range<Int>] = []
        var i = 0
        while i < line.count {
            if isSpace(line[i]) { i += 1; continue }
            let start = i
            while i < line.count && !isSpace(line[i]) { i += 1 }
            if i - start >= labelPrefix.count && line[start..<start + labelPrefix.count].elementsEqual(labelPrefix) {
                labels.append(start..<i)
            }
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
        guard !labels.isEmpty else {
            return .failure(RecordError(.missingField, "no __label__ on the line (write it as __label__NAME before the text)", line: number))
        }
        var names: [String] = []
        for label in labels {
            let name = text(label.lowerBound + labelPrefix.count..<label.upperBound)
            guard !name.isEmpty else {
                return .failure(RecordError(.missingField, "an empty __label__ (write it as __label__NAME)", line: number))
            }
            if !names.contains(name) { names.append(name) }
        }
        // The text: the line without the label words, spaces around each piece trimmed.
        var pieces: [Range<Int>] = []
        var start = 0
        for label in labels {
            pieces.append(trimmed(line, start..<label.lowerBound))
            start = label.upperBound
        }
        pieces.append(trimmed(line, start..<line.count))
        let body = pieces.filter { !$0.isEmpty }.map(text).joined(separator: " ")
        return .success(Article(id: nil, title: "", text: body, label: labels.count == 1 ? names[0] : nil,
                                labels: labels.count == 1 ? nil : names, line: number))
    }

    /// `range` without the spaces at either end.
    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end && isSpace(line[start]) { start += 1 }
        while end > start && isSpace(line[end - 1]) { end -= 1 }
        return start..<end
    }
}
