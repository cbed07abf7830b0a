import ArgumentParser
import Foundation
import Lede

/// The flags every streaming verb shares: formats, bad-record handling, record limit, threads.
struct StreamOptions: ParsableArguments {
    @Option(help: "Input format: jsonl (a JSON object per line), lines (an article text per line), text (a page saved as text per file; a folder means its .txt files, any case, in name order), html (a web page per file; a folder means its .html and .htm files), or csv / tsv (a header row naming the columns as the field flags do, then an article per row; quoted fields may span lines).")
    var inputFormat: InputFormat = .jsonl
    @Option(help: "JSON Lines: the field holding a web page's HTML, read when a record has no text field.") var htmlField = "html"
    @Flag(help: "With --input-format text, keep every line (by default navigation, credits and sign-up lines are dropped, and the headline becomes the title).")
    var keepBoilerplate = false
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
    func verb(fields: RecordFields, formatter: RecordFormatter, pages: PageReading? = nil) -> RecordVerb {
        RecordVerb(stage: RecordStage(format: inputFormat, threads: threads, maxRecordBytes: maxRecordBytes),
                   decoder: ArticleDecoder(fields: fields, pages: pages ?? self.pages), formatter: formatter, strict: strict)
    }

    /// How pages are read: sentence offsets index the original file.
    var pages: PageReading { PageReading(htmlField: htmlField, cleansTextFiles: !keepBoilerplate) }
}

extension InputFormat: ExpressibleByArgument {}
