import ArgumentParser
import Foundation
import Lede

/// The flags every streaming verb shares: formats, bad-record handling, record limit, threads.
struct StreamOptions: ParsableArguments {
    @Option(help: "Input format: jsonl (a JSON object per line), lines (an article text per line), or text (an article per file; a folder means its .txt files, any case, in name order).")
    var inputFormat: InputFormat = .jsonl
    @Option(help: "Output format: jsonl, tsv or table (default: table on a terminal, else jsonl).")
    var outputFormat: OutputFormat?
    @Flag(help: "Stop at the first bad record (exit 65) instead of writing an error record.") var strict = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20
    @OptionGroup var workers: ThreadsOption
    var threads: Int { workers.threads }

    func validate() throws {
        if maxRecordBytes < 1 { throw ValidationError("--max-record-bytes must be at least 1") }
    }

    var resolvedOutputFormat: OutputFormat { OutputFormat.resolved(outputFormat) }

    /// The verb runner these flags describe.
    func verb(fields: RecordFields, formatter: RecordFormatter) -> RecordVerb {
        RecordVerb(stage: RecordStage(format: inputFormat, threads: threads, maxRecordBytes: maxRecordBytes),
                   decoder: ArticleDecoder(fields: fields), formatter: formatter, strict: strict)
    }
}

extension InputFormat: ExpressibleByArgument {}
