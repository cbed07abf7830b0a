/// A labeled corpus read whole from JSON Lines for training or evaluation: texts (title + newline +
/// text), labels, and a SHA-256 of the bytes read.
public struct LabeledCorpus: Sendable {
    /// Classifier inputs, one per document.
    public var texts: [String] = []
    /// Labels, one per document.
    public var labels: [String] = []
    /// Ids (or nil), one per document.
    public var ids: [String?] = []
    /// Bad records skipped (only with `skipInvalid`), with what was wrong.
    public var skipped: [RecordError] = []
    /// SHA-256 of every input file's bytes, in order, hex.
    public var sha256: String = ""

    /// Reads every record of the given JSON Lines files. A record that is not valid JSON, has no
    /// text or no label, or is over `maxRecordBytes` stops the read with a `RecordError` naming the
    /// file and line, unless `skipInvalid` is set; then it is counted in `skipped`.
    /// Throws `InputError` when a file cannot be opened or read.
    public init(paths: [String], fields: RecordFields, skipInvalid: Bool = false, maxRecordBytes: Int = 16 << 20) throws {
        let decoder = ArticleDecoder(fields: fields)
        var digest = SHA256()
        for path in paths {
            var reader = try LineReader(path: path, maxLineBytes: maxRecordBytes)
            var failure: RecordError?
            try reader.forEachLine { line in
                let problem: RecordError
                switch line {
                case .tooLarge(let number, let bytes):
                    problem = RecordError(.recordTooLarge, "record of \(bytes) bytes is over the limit of \(maxRecordBytes)", line: number)
                case .text(let bytes, let number):
                    digest.update(bytes)
                    digest.update("\n")
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }  // blank line
                    do {
                        let article = try decoder.decode(bytes, number: number)
                        guard let label = article.label, !label.isEmpty else {
                            throw RecordError(.missingField, "no \"\(fields.label)\" label (set another with --label-field)", line: number)
                        }
                        texts.append(article.classifierInput)
                        labels.append(label)
                        ids.append(article.id)
                        return true
                    } catch let error as RecordError {
                        problem = error
                    }
                }
                var located = problem
                located.source = path
                if skipInvalid {
                    skipped.append(located)
                    return true
                }
                failure = located
                return false
            }
            if let failure { throw failure }
        }
        sha256 = digest.hexDigest()
    }

    /// Number of documents.
    public var count: Int { texts.count }

    /// The distinct labels, sorted.
    public var labelNames: [String] { Array(Set(labels)).sorted() }
}
