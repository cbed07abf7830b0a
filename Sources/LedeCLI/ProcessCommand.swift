import ArgumentParser
import Foundation
import Lede

/// `lede process`: label and summary of each article in one record, reading each article once.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Label and summarize articles in one pass: one record out per article in, in order.",
        discussion: """
        Each article is read and decoded once, then classified (the title as many times as the \
        model's title weight says, then the text) and \
        summarized (the text; the title is never picked). Records carry "id", "label", \
        "confidence" and "summary" (or with --offsets "sentences"), as classify and summarize write them; it streams \
        as classify does. TSV columns: id, label, confidence[, top], summary, error.

        Example: lede process datasets/examples.jsonl
        """ + exitCodesHelp
    )

    @Argument(help: "Input files or folders; '-' or none for stdin.") var inputs: [String] = []
    @OptionGroup var fields: ArticleFieldOptions
    @OptionGroup var flags: SummarizerFlags
    @OptionGroup var stream: StreamOptions
    @OptionGroup var labels: LabelerOptions
    @Flag(help: "Write the summary as its sentences, each with its UTF-8 byte offsets into the text field (\"sentences\": start, end, text), instead of one \"summary\" string.") var offsets = false
    @Flag(help: "Add each picked sentence's score (implies --offsets).") var scores = false

    func validate() throws {
        if flags.idf == .batch { throw ValidationError("process streams, so --idf batch is not available; use document or model") }
    }

    func run() throws {
        let topicModel = try ModelLocation.load(flags.model)
        let labeler = labels.labeler(topicModel)
        let summaryFields = SummaryFields(offsets: offsets || scores, scores: scores)
        let summarizer = try flags.summarizer()
        let formatter = RecordFormatter(stream.resolvedOutputFormat,
                                        columns: [.init(name: "id", width: 16)] + labeler.columns + [SummaryFields.column])
        let verb = stream.verb(fields: fields.resolved(defaults: topicModel.provenance.fields), formatter: formatter)
        var progress = Progress()
        try verb.run(inputs, written: { progress.advance(by: $0) }) { articles in
            let labeled = labeler.label(articles)
            let summaries = summarizer.summarize(batch: articles.map(\.text), threads: 1)
            return articles.indices.map { i in
                formatter.line(json: "{\"id\":\(articles[i].idOrLine)" + labeler.jsonFields(labeled[i]) + summaryFields.json(summaries[i]) + "}",
                               cells: [articles[i].idText] + labeler.cells(labeled[i]) + [summaries[i].text])
            }
        }
        progress.done()
    }
}
