import ArgumentParser
import Foundation
import Lede

/// `lede summarize`: extractive summaries of many articles, on all cores, in input order.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize articles: pick their most central sentences (TextRank) within a budget.",
        discussion: """
        Reads JSON Lines (the default), or with --input-format text whole plain-text files (a folder \
        means its .txt files), and writes one JSON line per article, in input order: "id", "summary" \
        and "sentences" (each with "start" and "end", UTF-8 byte offsets into the text field, and \
        "text"). The title is never picked. The default budget is 3 sentences. A progress count goes \
        to stderr when it is a terminal.

        Position (--position default) was tuned on BBC train (extractive references) and \
        CNN/DailyMail dev (human highlights); see the README for the figures.
        """
    )

    @Argument(help: "Input files or folders; '-' or none for stdin.") var inputs: [String] = []
    @OptionGroup var fields: FieldOptions
    @OptionGroup var flags: SummarizerFlags
    @Option(help: "Input format: jsonl (one article per line) or text (one article per file).") var inputFormat: String = "jsonl"
    @Flag(help: "Add each picked sentence's score.") var scores = false
    @Option(help: "Write one .txt summary per article into this folder instead of JSON Lines.") var outputDir: String?
    @Flag(help: "Stop at the first bad record (exit 65) instead of writing an error record.") var strict = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard ["jsonl", "text"].contains(inputFormat) else { throw ValidationError("--input-format must be jsonl or text") }
    }

    func run() throws {
        // With --idf batch the whole input is read first; otherwise articles stream through.
        var summarizer = flags.idf == "batch" ? nil : try flags.summarizer()
        var out = StandardOutput()
        var progress = Progress()
        var pending: [(id: String, text: String?, error: RecordError?)] = []

        var final = false
        func finish() throws {
            guard !pending.isEmpty, !(summarizer == nil && !final) else { return }
            let texts = pending.map { $0.text ?? "" }
            if summarizer == nil { summarizer = try flags.summarizer(batchTexts: texts) }
            let summaries = summarizer!.summarize(batch: texts, threads: threads)
            for (entry, summary) in zip(pending, summaries) {
                if let error = entry.error {
                    out.write(JSONWriting.errorRecord(id: nil, error))
                } else if let outputDir {
                    try writeSummaryFile(summary, id: entry.id, into: outputDir)
                } else {
                    out.write(record(entry.id, summary))
                }
            }
            progress.advance(by: pending.count)
            pending.removeAll(keepingCapacity: true)
            out.flush()
        }
        func bad(_ error: RecordError) throws {
            if strict {
                final = true
                try finish()
                throw Exit.fail(Exit.badData, error.description)
            }
            pending.append(("null", nil, error))
        }

        if let outputDir {
            do { try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true) } catch {
                throw Exit.fail(Exit.ioError, "cannot create \(outputDir): \(error.localizedDescription)")
            }
        }
        if inputFormat == "text" {
            for path in try textFiles() {
                guard let data = FileManager.default.contents(atPath: path) else { throw Exit.fail(InputError(path: path, errno: errno)) }
                guard let text = String(validating: data, as: UTF8.self) else {
                    try bad(RecordError(.invalidUTF8, "not valid UTF-8", source: path))
                    continue
                }
                pending.append((JSONWriting.quoted(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent), text, nil))
                if pending.count >= 1024 { try finish() }  // a no-op with --idf batch until the end
            }
        } else {
            do {
                try ArticleReader(fields: fields.resolved(), maxRecordBytes: maxRecordBytes).read(inputs, beforeWaiting: finish) { record in
                    switch record {
                    case .success(let article): pending.append((article.idJSON ?? String(article.line), article.text, nil))
                    case .failure(let error): try bad(error)
                    }
                    if pending.count >= 4096 { try finish() }  // a no-op with --idf batch until the end
                }
            } catch let error as InputError {
                final = true
                try finish()
                throw Exit.fail(error)
            }
        }
        final = true
        try finish()
        progress.done()
    }

    /// The .txt files to read: each file given, and the .txt files of each folder, sorted.
    func textFiles() throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw Exit.fail(InputError(path: input, errno: ENOENT))
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                files += names.filter { $0.hasSuffix(".txt") }.sorted().map { (input as NSString).appendingPathComponent($0) }
            } else {
                files.append(input)
            }
        }
        return files
    }

    func record(_ idJSON: String, _ summary: Summary) -> String {
        let sentences = summary.sentences.map { s in
            "{\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound),\"text\":\(JSONWriting.quoted(s.text))"
                + (scores ? ",\"score\":\(JSONWriting.number(Float(s.score)))" : "") + "}"
        }
        return "{\"id\":\(idJSON),\"summary\":\(JSONWriting.quoted(summary.text)),\"sentences\":[\(sentences.joined(separator: ","))]}\n"
    }

    /// Writes `<id>.txt` (the id made safe for a file name) via a temporary file and a rename.
    func writeSummaryFile(_ summary: Summary, id idJSON: String, into folder: String) throws {
        var name = idJSON.hasPrefix("\"") ? String(idJSON.dropFirst().dropLast()) : idJSON
        name = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        let path = (folder as NSString).appendingPathComponent(name + ".txt")
        let temporary = path + ".tmp-\(getpid())"
        do {
            try Data((summary.sentences.map(\.text).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw InputError(path: path, errno: errno) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Exit.fail(Exit.ioError, "cannot write \(path): \(error)")
        }
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
