import ArgumentParser
import Foundation
import Lede

/// `lede summarize`: extractive summaries of many articles, on all cores, in input order.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize articles: pick their best sentences (learned from human highlights, over TextRank) within a budget.",
        discussion: """
        Reads JSON Lines (the default), one text per line (--input-format lines), pages saved as text \
        (--input-format text; a folder means its .txt files; navigation, credits and sign-up lines are \
        dropped unless --keep-boilerplate), web pages (--input-format html; the article is extracted \
        as lede extract does) or CSV/TSV rows (--input-format csv or tsv, with a header row), and writes one record per \
        article, in input order: "id" and "summary", or with --offsets "sentences" instead (each with \
        "start" and "end", UTF-8 byte offsets into the text field, and "text"). The title is never picked. The default budget \
        is 3 sentences. A progress count goes to stderr when it is a terminal. TSV columns: id, \
        summary, error.

        Sentences are ranked by the shipped summarizer model (models/cnndm-summarizer.safetensors: \
        position, length and TextRank centrality weighed by logistic regression trained on CNN/DailyMail \
        highlights), or --summarizer MODEL. --position default|lead|none ranks by TextRank alone instead \
        ('none' for references that reward centrality, such as BBC's); see docs/summarizer.md for which \
        to use when.
        """ + exitCodesHelp
    )

    @Argument(help: "Input files or folders; '-' or none for stdin.") var inputs: [String] = []
    @OptionGroup var fields: ArticleFieldOptions
    @OptionGroup var flags: SummarizerFlags
    @OptionGroup var stream: StreamOptions
    @Flag(help: "Write the summary as its sentences, each with its UTF-8 byte offsets into the text field (\"sentences\": start, end, text), instead of one \"summary\" string.") var offsets = false
    @Flag(help: "Add each picked sentence's score (implies --offsets).") var scores = false
    @Option(name: [.customShort("o"), .long], help: "Write one .txt summary per article into this folder instead of records.") var outputDir: String?

    func run() throws {
        let summaryFields = SummaryFields(offsets: offsets || scores, scores: scores)
        let formatter = RecordFormatter(stream.resolvedOutputFormat, columns: [.init(name: "id", width: 16), SummaryFields.column])
        let outputDir = self.outputDir
        if let outputDir {
            do { try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true) } catch {
                throw Exit.fail(Exit.ioError, "cannot create \(outputDir): \(error.localizedDescription)")
            }
        }
        // A summary as this run writes it: a record, or a file in --output-dir (then no output line).
        let line: @Sendable (Article, Summary) throws -> String = { article, summary in
            if let outputDir {
                try writeSummaryFile(summary, id: article.idText, into: outputDir)
                return ""
            }
            return formatter.line(json: "{\"id\":\(article.idOrLine)" + summaryFields.json(summary) + "}",
                                  cells: [article.idText, summary.text])
        }
        var progress = Progress()
        let verb = stream.verb(fields: fields.resolved(), formatter: formatter)
        if flags.idf == .batch {
            try summarizeWithBatchIDF(verb, line)
        } else {
            let summarizer = try flags.summarizer()
            try verb.run(inputs, written: { progress.advance(by: $0) }) { articles in
                try zip(articles, summarizer.summarize(batch: articles.map(\.text), threads: 1)).map(line)
            }
        }
        progress.done()
    }

    /// `--idf batch`: idf comes from the whole input, so every article is read before any is
    /// summarized; then the run goes on as usual, over the articles held.
    func summarizeWithBatchIDF(_ verb: RecordVerb, _ line: @escaping @Sendable (Article, Summary) throws -> String) throws {
        var held: [Article] = []
        var chunks: [[Result<Article, RecordError>]] = []
        do {
            try verb.stage.run(inputs, work: { chunk in
                chunk.articles(format: verb.stage.format, decoder: verb.decoder, maxRecordBytes: verb.stage.maxRecordBytes)
            }, write: { records in
                chunks.append(records)
                held += records.compactMap { try? $0.get() }
            })
        } catch let error as InputError {
            throw Exit.fail(error)
        }
        let summarizer = try flags.summarizer(batchTexts: held.map(\.text))
        let summaries = summarizer.summarize(batch: held.map(\.text), threads: verb.stage.threads)
        var out = StandardOutput()
        if !chunks.isEmpty { out.write(verb.formatter.header) }
        var next = 0
        for records in chunks {
            for record in records {
                switch record {
                case .success(let article):
                    out.write(try line(article, summaries[next]))
                    next += 1
                case .failure(let error):
                    if verb.strict {
                        out.flush()
                        throw Exit.fail(Exit.badData, error.description)
                    }
                    out.write(verb.formatter.errorLine(error))
                }
            }
        }
        out.flush()
    }
}

/// Writes `<id>.txt` (the id made safe for a file name) via a temporary file and a rename.
func writeSummaryFile(_ summary: Summary, id: String, into folder: String) throws {
    let name = String(id.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
    let path = (folder as NSString).appendingPathComponent(name + ".txt")
    let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    do {
        try Data((summary.sentences.map(\.text).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw InputError(path: path, errno: errno) }
    } catch {
        try? FileManager.default.removeItem(atPath: temporary)
        throw Exit.fail(Exit.ioError, "cannot write \(path): \(error)")
    }
}

/// A count of finished articles on stderr, only when stderr is a terminal.
struct Progress {
    private let enabled = isatty(2) != 0
    private var finished = 0

    mutating func advance(by count: Int) {
        finished += count
        if enabled { FileHandle.standardError.write(Data("\r\(finished) articles".utf8)) }
    }

    func done() {
        if enabled { FileHandle.standardError.write(Data("\r\(finished) articles, done\n".utf8)) }
    }
}
