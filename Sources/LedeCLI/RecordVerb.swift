import Foundation
import Lede

/// Runs a record-reading verb (`classify`, `summarize`, `process`) in the streaming stage: workers
/// decode each chunk's records and hand its good articles to the verb; bad records get error
/// records in their places (or, with `strict`, stop the run with exit 65 once every record before
/// them is written); each chunk's lines are written and flushed in input order as soon as they are
/// ready. Empty input writes nothing. At the end, when records failed, stderr gets one line that
/// counts them by error code (and says what the likely cause is when every record failed).
struct RecordVerb {
    var stage: RecordStage
    var decoder: ArticleDecoder
    var formatter: RecordFormatter
    var strict: Bool
    /// Whether an article with neither title nor text is an `empty_text` error record (the verbs that
    /// label or summarize) rather than an article (`lede extract`, which warns instead).
    var rejectsEmptyArticles = true

    /// One chunk's lines, and what stops the run after them.
    private struct ChunkLines: @unchecked Sendable {
        var text = ""
        var count = 0
        var failures: [RecordError.Code] = []
        var stop: Error?
    }

    /// Runs `lines` on the articles of each chunk (one line per article, in order) and writes the
    /// lines; `written` is told how many records each chunk held.
    func run(_ inputs: [String], written: (Int) -> Void = { _ in },
             _ lines: @escaping @Sendable ([Article]) throws -> [String]) throws {
        var formatter = self.formatter
        formatter.namesFiles = inputs.count > 1
        let (stage, decoder, strict, rejectsEmpty) = (self.stage, self.decoder, self.strict, self.rejectsEmptyArticles)
        var out = StandardOutput()
        var started = false
        var tally = FailureTally()
        defer { tally.report() }
        do {
            try stage.run(inputs, work: { [formatter] chunk in
                var records = chunk.articles(format: stage.format, decoder: decoder, maxRecordBytes: stage.maxRecordBytes)
                if rejectsEmpty { records = records.map(Self.rejectingEmpty) }
                var result = ChunkLines()
                if strict, let bad = records.firstIndex(where: { if case .failure = $0 { true } else { false } }) {
                    if case .failure(let error) = records[bad] { result.stop = error }
                    records.removeSubrange(bad...)
                }
                let articles = records.compactMap { try? $0.get() }
                let produced: [String]
                do { produced = try lines(articles) } catch {
                    result.stop = error
                    return result
                }
                var next = 0
                for record in records {
                    switch record {
                    case .success: result.text += produced[next]; next += 1
                    case .failure(let error):
                        result.text += formatter.errorLine(error)
                        result.failures.append(error.code)
                    }
                }
                result.count = records.count
                return result
            }, write: { chunk in
                tally.add(records: chunk.count, failures: chunk.failures)
                if !started && (chunk.count > 0) {
                    out.write(formatter.header)
                    started = true
                }
                out.write(chunk.text)
                out.flush()
                written(chunk.count)
                if let stop = chunk.stop {
                    if let error = stop as? RecordError { throw Exit.fail(Exit.badData, error.description) }
                    throw stop
                }
            })
        } catch let error as InputError {
            throw Exit.fail(error)
        } catch let error as InputFormatError {
            throw Exit.fail(Exit.badData, error.description)
        }
    }

    /// The record, or an `empty_text` error when it has neither title nor text.
    static func rejectingEmpty(_ record: Result<Article, RecordError>) -> Result<Article, RecordError> {
        guard case .success(let article) = record, isBlank(article.text), isBlank(article.title) else { return record }
        var error = RecordError(.emptyText, "the article has no text and no title", line: article.line, source: article.source)
        error.id = article.id
        error.idJSON = article.idJSON
        return .failure(error)
    }

}

/// Whether `text` has nothing but white space.
func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

/// Counts the records of a run and the failed ones by error code, and says so on stderr at the end:
/// `lede: 3 of 418 records failed: 2 not_an_object, 1 missing_field`.
struct FailureTally {
    private(set) var records = 0
    private(set) var failures: [RecordError.Code: Int] = [:]

    mutating func add(records count: Int, failures codes: [RecordError.Code]) {
        records += count
        for code in codes { failures[code, default: 0] += 1 }
    }

    /// The summary line, or nil when no record failed.
    var summary: String? {
        let failed = failures.values.reduce(0, +)
        guard failed > 0 else { return nil }
        let counts = failures.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
            .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
        var line = "\(failed) of \(records) records failed: \(counts)"
        if failed == records, let cause = likelyCause { line += " (every record failed: \(cause))" }
        return line
    }

    /// What usually makes every record of an input fail.
    private var likelyCause: String? {
        let codes = Set(failures.keys)
        if codes.isSubset(of: [.notAnObject, .invalidJSON, .emptyRecord]) {
            return "is the input JSON Lines? For other inputs give --input-format lines, text, html, csv or tsv"
        }
        if codes == [.missingField] { return "do the records name their text field as --text-field says?" }
        if codes == [.invalidUTF8] { return "is the input UTF-8 text?" }
        return nil
    }

    func report() {
        if let summary { log("lede: " + summary) }
    }
}
