import ArgumentParser
import Foundation
import Lede

/// `lede sentences`: the sentence segmenter as a stage of its own, one record per article, in order.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Split articles into sentences, with their UTF-8 byte offsets.",
        discussion: """
        Reads articles as the other verbs do (JSON Lines by default; --input-format lines, text, \
        html, csv or tsv) and writes one record per article, in input order: "id" and "sentences", every sentence \
        of the text field as {"start","end","text"}, where start and end are UTF-8 byte offsets \
        [start, end) into the text. Nothing is filtered: short sentences, repeats and page furniture \
        all appear (the summarizer's rules do not apply). TSV columns: id, sentences (joined by " | "), error.

        Example: echo '{"id":1,"text":"Dr. Smith left at 5 p.m. on Monday. Nobody saw him."}' | lede sentences
        """ + exitCodesHelp
    )

    @Argument(help: "Input files or folders; '-' or none for stdin.") var inputs: [String] = []
    @OptionGroup var fields: ArticleFieldOptions
    @OptionGroup var stream: StreamOptions

    func run() throws {
        let formatter = RecordFormatter(stream.resolvedOutputFormat, columns: [.init(name: "id", width: 16), .init(name: "sentences", width: nil)])
        var verb = stream.verb(fields: fields.resolved(), formatter: formatter)
        verb.rejectsEmptyArticles = false
        let segmenter = SentenceSegmenter()
        try verb.run(inputs) { articles in
            articles.map { article in
                var text = article.text
                let (ranges, sentences) = text.withUTF8 { bytes in
                    let ranges = segmenter.segments(in: bytes)
                    return (ranges, ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) })
                }
                var json = "{\"id\":\(article.idOrLine),\"sentences\":["
                for (index, (range, sentence)) in zip(ranges, sentences).enumerated() {
                    if index > 0 { json += "," }
                    json += "{\"start\":\(range.lowerBound),\"end\":\(range.upperBound),\"text\":\(JSONWriting.quoted(sentence))}"
                }
                return formatter.line(json: json + "]}", cells: [article.idText, sentences.joined(separator: " | ")])
            }
        }
    }
}
