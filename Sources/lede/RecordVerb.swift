import Foundation
import Lede

/// Runs a record-reading verb (`classify`, `summarize`, `process`) in the streaming stage: workers
/// decode each chunk's records and hand its good articles to the verb; bad records get error
/// records in their places (or, with `strict`, stop the run with exit 65 once every record before
/// them is written); each chunk's lines are written and flushed in input order as soon as they are
/// ready. Empty input writes nothing.
struct RecordVerb {
    var stage: RecordStage
    var decoder: ArticleDecoder
    var formatter: RecordFormatter
    var strict: Bool

    /// One chunk's lines, and what stops the run after them.
    private struct ChunkLines: @unchecked Sendable {
        var text = ""
        var count = 0
        var stop: Error?
    }

    /// Runs `lines` on the articles of each chunk (one line per article, in order) and writes the
    /// lines; `written` is told how many records each chunk held.
    func run(_ inputs: [String], written: (Int) -> Void = { _ in },
             _ lines: @escaping @Sendable ([Article]) throws -> [String]) throws {
        let (stage, decoder, formatter, strict) = (self.stage, self.decoder, self.formatter, self.strict)
        var out = StandardOutput()
        var started = false
        do {
            try stage.run(inputs, work: { chunk in
                var records = chunk.articles(format: stage.format, decoder: decoder, maxRecordBytes: stage.maxRecordBytes)
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
                    case .failure(let error): result.text += formatter.errorLine(error)
                    }
                }
                result.count = records.count
                return result
            }, write: { chunk in
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
        }
    }
}
