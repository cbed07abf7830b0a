/// Reads articles from JSON Lines inputs in order, one after another, handing over each article
/// or, in its place, the error that says what is wrong with its record and where.
public struct ArticleReader {
    /// The record fields to read.
    public var fields: RecordFields
    /// Records longer than this are bad records (`record_too_large`), never held in memory.
    public var maxRecordBytes: Int

    public init(fields: RecordFields, maxRecordBytes: Int = 16 << 20) {
        self.fields = fields
        self.maxRecordBytes = maxRecordBytes
    }

    /// Calls `body` with each record of `inputs` ("-" is standard input; none means standard input):
    /// the article, or the `RecordError` naming the input and line. Blank lines are skipped.
    /// `beforeWaiting` runs whenever everything read so far has been handed over and reading would
    /// wait for more input, so a caller can finish pending work at once (see `LineReader`).
    /// Throws `InputError` when an input cannot be opened or read, and whatever `body` throws.
    public func read(_ inputs: [String], beforeWaiting: () throws -> Void = {},
                     _ body: (Result<Article, RecordError>) throws -> Void) throws {
        let decoder = ArticleDecoder(fields: fields)
        for name in inputs.isEmpty ? ["-"] : inputs {
            var reader = name == "-" ? LineReader.standardInput(maxLineBytes: maxRecordBytes)
                                     : try LineReader(path: name, maxLineBytes: maxRecordBytes)
            let source = reader.name
            try reader.forEachLine(beforeWaiting: beforeWaiting) { line in
                switch line {
                case .tooLarge(let number, let bytes):
                    try body(.failure(RecordError(.recordTooLarge, "record of \(bytes) bytes is over the limit of \(maxRecordBytes)",
                                                  line: number, source: source)))
                case .text(let bytes, let number):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
                    let record: Result<Article, RecordError>
                    do throws(RecordError) {
                        record = .success(try decoder.decode(bytes, number: number))
                    } catch {
                        var located = error
                        located.source = source
                        record = .failure(located)
                    }
                    try body(record)
                }
                return true
            }
        }
    }
}
