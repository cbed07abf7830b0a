/// Reads articles from JSON Lines inputs in order, one after another, handing over each article
/// or, in its place, the error that says what is wrong with its record and where: the streaming
/// stage's reader and decoder (`ChunkReader`, `RecordChunk`) on the calling thread, for callers that
/// want every record in turn rather than in parallel chunks.
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
    /// Throws `InputError` when an input cannot be opened or read, and whatever `body` throws.
    public func read(_ inputs: [String], _ body: (Result<Article, RecordError>) throws -> Void) throws {
        let decoder = ArticleDecoder(fields: fields)
        let reader = ChunkReader(format: .jsonl, maxRecordBytes: maxRecordBytes, chunkRecords: 64, chunkBytes: 1 << 20)
        var failure: Error?
        try reader.read(inputs) { chunk in
            for record in chunk.articles(format: .jsonl, decoder: decoder, maxRecordBytes: maxRecordBytes) {
                if case .failure(let error) = record, error.code == .emptyRecord { continue }
                do { try body(record) } catch {
                    failure = error
                    return false
                }
            }
            return true
        }
        if let failure { throw failure }
    }
}
