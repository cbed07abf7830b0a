import Foundation
import LedeClassifier

/// A labeled corpus read whole for training or evaluation, from JSON Lines, a folder of `.txt` files,
/// CSV, TSV or fastText (`LabeledCorpusFormat`): titles and texts as read, labels, ids, and a SHA-256 of
/// the bytes read. Titles and texts stay apart: a topic model applies its own title weight to them
/// (`TopicModelTrainer.train`, `TopicModel.features(titles:texts:)`), so training and prediction read
/// an article the same way.
///
/// Multi-label data: a record may carry a label set instead of one label (a JSON `labels` array, a
/// CSV or TSV `labels` column, a fastText line with several `__label__`s). An empty set is a valid
/// record about none of the topics (a negative example for every label). A record with a `label` and
/// no label set is a one-label record. A corpus with any label set `isMultiLabel`.
public struct LabeledCorpus: Sendable {
    /// Titles, one per document ("" for a document without one).
    public var titles: [String] = []
    /// Texts (the article bodies), one per document.
    public var texts: [String] = []
    /// Labels, one per document; for a document read with a label set, its first label ("" for an empty set).
    public var labels: [String] = []
    /// Each document's labels: its label set, or its one label.
    public var labelSets: [[String]] = []
    /// Whether any document was read with a label set: data for a multi-label model.
    public var isMultiLabel = false
    /// Ids (or nil), one per document.
    public var ids: [String?] = []
    /// Bad records skipped (only with `skipInvalid`), with what was wrong.
    public var skipped: [RecordError] = []
    /// SHA-256 of every input's bytes, in order, hex: of each line and a newline for JSON Lines and
    /// fastText, of the file's bytes for CSV and TSV, of each file's bytes in reading order for a folder.
    public var sha256: String = ""

    /// Reads every record of the given inputs, each in `format`, or when that is nil in the format
    /// `LabeledCorpusFormat.detect(path:)` finds for it. A bad record (one that cannot be parsed, has
    /// no text or no label, is not UTF-8, or is over `maxRecordBytes`) stops the read with a
    /// `RecordError` naming the file and line, unless `skipInvalid` is set; then it is counted in
    /// `skipped`. Throws `InputError` when an input cannot be opened or read, and `InputFormatError`
    /// when a CSV or TSV header row is unusable (not skippable). `labelSeparator` splits the cells of a
    /// CSV or TSV `labels` column.
    public init(paths: [String], format: LabeledCorpusFormat? = nil, fields: RecordFields, labelSeparator: String = "|",
                skipInvalid: Bool = false, maxRecordBytes: Int = 16 << 20) throws {
        var digest = SHA256()
        var collected = LabeledCorpus()
        for path in paths {
            func take(_ record: Result<Article, RecordError>) throws {
                var problem: RecordError
                switch record {
                case .success(let article):
                    if let set = article.labels {
                        if !set.contains("") {
                            var unique: [String] = []
                            for label in set where !unique.contains(label) { unique.append(label) }
                            collected.append(title: article.title, text: article.text, labelSet: unique, id: article.id)
                            return
                        }
                        problem = RecordError(.invalidRecord, "an empty label in \"\(fields.labels)\"", line: article.line)
                    } else if let label = article.label, !label.isEmpty {
                        collected.titles.append(article.title)
                        collected.texts.append(article.text)
                        collected.labels.append(label)
                        collected.labelSets.append([label])
                        collected.ids.append(article.id)
                        return
                    } else {
                        problem = RecordError(.missingField, "no \"\(fields.label)\" label (set another with --label-field)",
                                              line: article.line)
                    }
                case .failure(let error):
                    problem = error
                }
                if problem.source == nil { problem.source = path }
                guard skipInvalid else { throw problem }
                collected.skipped.append(problem)
            }
            switch format ?? .detect(path: path) {
            case .jsonl:
                try Self.readJSONLines(path, fields: fields, maxRecordBytes: maxRecordBytes, digest: &digest, take)
            case .folder:
                try FolderRecords(path: path, maxRecordBytes: maxRecordBytes).forEach(digest: &digest, take)
            case .csv:
                try DelimitedRecords(path: path, delimiter: UInt8(ascii: ","), fields: fields, labelSeparator: labelSeparator,
                                     maxRecordBytes: maxRecordBytes).forEach(digest: &digest, take)
            case .tsv:
                try DelimitedRecords(path: path, delimiter: UInt8(ascii: "\t"), fields: fields, labelSeparator: labelSeparator,
                                     maxRecordBytes: maxRecordBytes).forEach(digest: &digest, take)
            case .fasttext:
                try FastTextRecords(path: path, maxRecordBytes: maxRecordBytes).forEach(digest: &digest, take)
            }
        }
        self = collected
        sha256 = digest.hexDigest()
    }

    /// A corpus of articles already in memory: one title (or none: "") and one label per text, no ids.
    /// Its `sha256` digests each label, a tab, the title, a newline, the text and a newline, in order
    /// (without titles: each label, a tab, the text and a newline).
    public init(titles: [String]? = nil, texts: [String], labels: [String]) {
        precondition(texts.count == labels.count, "LabeledCorpus: \(texts.count) texts but \(labels.count) labels")
        precondition(titles == nil || titles!.count == texts.count, "LabeledCorpus: \(titles?.count ?? 0) titles but \(texts.count) texts")
        self.titles = titles ?? Array(repeating: "", count: texts.count)
        self.texts = texts
        self.labels = labels
        labelSets = labels.map { [$0] }
        ids = Array(repeating: nil, count: texts.count)
        var digest = SHA256()
        for (i, (text, label)) in zip(texts, labels).enumerated() {
            var line = Array(label.utf8)
            line.append(UInt8(ascii: "\t"))
            if let titles {
                line.append(contentsOf: titles[i].utf8)
                line.append(UInt8(ascii: "\n"))
            }
            line.append(contentsOf: text.utf8)
            line.append(UInt8(ascii: "\n"))
            line.withUnsafeBufferPointer { digest.update($0) }
        }
        sha256 = digest.hexDigest()
    }

    /// Hands each record of a JSON Lines file to `body` (blank lines skipped), feeding each line and a
    /// newline to `digest`.
    private static func readJSONLines(_ path: String, fields: RecordFields, maxRecordBytes: Int, digest: inout SHA256,
                                      _ body: (Result<Article, RecordError>) throws -> Void) throws {
        let decoder = ArticleDecoder(fields: fields, readsLabelSets: true)
        try LineReader.forEachRecord(in: path, maxRecordBytes: maxRecordBytes, digest: &digest, decode: { bytes, number in
            if LineReader.isBlank(bytes) { return nil }
            do throws(RecordError) {
                let article = try decoder.decode(bytes, number: number)
                if article.label == nil, article.labels == nil, let names = memberNames(bytes) {
                    var error = RecordError(.missingField, "no \"\(fields.label)\" field (set another with --label-field); "
                                            + "the record's fields are " + names.map { "\"\($0)\"" }.joined(separator: ", "), line: number)
                    error.id = article.id
                    return .failure(error)
                }
                return .success(article)
            } catch { return .failure(error) }
        }, body)
    }

    /// The member names of a JSON object, sorted; for messages only (nil when the bytes are not an object).
    private static func memberNames(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        return object.keys.sorted()
    }

    /// What a topic model reading titles `titleWeight` times takes as each document's text (see
    /// `TopicModel.input(title:text:)`).
    public func classifierInputs(titleWeight: Int) -> [String] {
        zip(titles, texts).map { classifierInput(title: $0, text: $1, titleWeight: titleWeight) }
    }

    /// Number of documents.
    public var count: Int { texts.count }

    /// The distinct labels, sorted (of every label set, for a multi-label corpus).
    public var labelNames: [String] { Array(Set(labelSets.joined())).sorted() }
}
