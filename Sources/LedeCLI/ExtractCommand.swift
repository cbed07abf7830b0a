import ArgumentParser
import Foundation
import Lede

/// `lede extract`: the article inside each web page or page saved as text, one record per page, in order.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article from web pages and pages saved as text: headline, body, date, language, URL.",
        discussion: """
        Reads HTML files or folders (--input-format html; a folder means its .html and .htm files), \
        pages saved as text (--input-format text: navigation, captions, credits, bylines and sign-up \
        lines are dropped and the headline found), or JSON Lines (the default) whose records carry a \
        page's HTML in a field (--html-field, default "html"; a record with only a text field gets the \
        plain-text cleaning). Writes one record per page, in input order: "id" (the file name without \
        its extension, or the record's id), "title", "text" (paragraphs separated by a blank line), and \
        "date" (ISO 8601), "language" and "url" when the page gives them. A page with no article text \
        gets "text":"" and "warning":"empty_article". TSV columns: id, title, text, error.

        Its output is what the other verbs read: lede extract --input-format html pages/ | lede summarize \
        gives the same sentence offsets as lede summarize --input-format html pages/.
        """ + exitCodesHelp
    )

    @Argument(help: "Input files or folders; '-' or none for stdin.") var inputs: [String] = []
    @OptionGroup var fields: ArticleFieldOptions
    @OptionGroup var stream: StreamOptions

    func run() throws {
        let formatter = RecordFormatter(stream.resolvedOutputFormat, columns: [
            .init(name: "id", width: 16), .init(name: "title", width: 40), .init(name: "text", width: nil),
        ])
        var pages = stream.pages
        pages.cleansRecordText = !stream.keepBoilerplate
        pages.keepsOffsets = false
        var verb = stream.verb(fields: fields.resolved(), formatter: formatter, pages: pages)
        verb.rejectsEmptyArticles = false
        var progress = Progress()
        try verb.run(inputs, written: { progress.advance(by: $0) }) { articles in
            articles.map { article in
                formatter.line(json: Self.json(article), cells: [article.idText, article.title, article.text])
            }
        }
        progress.done()
    }

    /// The page's record: id, title, text, then the page's facts when found, and the empty-article warning.
    static func json(_ article: Article) -> String {
        var json = "{\"id\":\(article.idOrLine),\"title\":\(JSONWriting.quoted(article.title)),\"text\":\(JSONWriting.quoted(article.text))"
        if let date = article.page?.date { json += ",\"date\":" + JSONWriting.quoted(date) }
        if let language = article.page?.language { json += ",\"language\":" + JSONWriting.quoted(language) }
        if let url = article.page?.url { json += ",\"url\":" + JSONWriting.quoted(url) }
        if isBlank(article.text) { json += ",\"warning\":\"empty_article\"" }
        return json + "}"
    }
}
