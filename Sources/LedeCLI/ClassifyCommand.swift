import ArgumentParser
import Foundation
import Lede

/// `lede classify`: one record out per article in, in order, each written as soon as it is ready.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label articles by topic: one record out per article in, in order, as soon as it is ready.",
        discussion: """
        Reads JSON Lines (or, with --input-format, one text per line or per file, or CSV/TSV rows) from the files \
        given, or from stdin when there are none or a file is '-'. Each output record has "id" (the \
        input's, or its line number when it has none), "label" and "confidence" (the label's \
        probability); a multi-label model's records have "labels" instead, the labels that reach their \
        thresholds with their probabilities, most probable first. A bad record gets an error record in its place \
        ({"id":…,"error":{"code":…,"message":…,"line":N}}) and the rest go on, unless --strict.

        It streams: each answer is written and flushed as soon as it and every earlier one are ready, \
        in bounded memory, so it works as a long-lived filter or a Spark/Hadoop Streaming stage. \
        TSV columns: id, label, confidence[, top], error (a multi-label model: id, labels, probabilities[, top], \
        error, the labels and probabilities joined by |).

        Example: echo '{"id":1,"title":"Shares slide","text":"Markets fell as…"}' | lede classify
        """ + exitCodesHelp
    )

    @Argument(help: "Input files; '-' or none for stdin.") var files: [String] = []
    @Option(name: [.short, .long], help: "Model file or shipped model name, e.g. bbc-topics (default: $LEDE_MODEL, else the shipped default, news-topics).") var model: String?
    @OptionGroup var fields: ArticleFieldOptions
    @OptionGroup var stream: StreamOptions
    @OptionGroup var labels: LabelerOptions


    func run() throws {
        let topicModel = try ModelLocation.load(model)
        let labeler = labels.labeler(topicModel)
        let formatter = RecordFormatter(stream.resolvedOutputFormat, columns: [.init(name: "id", width: 16)] + labeler.columns)
        let verb = stream.verb(fields: fields.resolved(defaults: topicModel.provenance.fields), formatter: formatter)
        try verb.run(files) { articles in
            zip(articles, labeler.label(articles)).map { article, labeled in
                formatter.line(json: "{\"id\":\(article.idOrLine)" + labeler.jsonFields(labeled) + "}",
                               cells: [article.idText] + labeler.cells(labeled))
            }
        }
    }
}
