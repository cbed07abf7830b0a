import LedeClassifier

/// The names of the fields a record's parts are read from (docs/command-line.md); a model records the ones it
/// was trained with and they become its defaults.
public struct RecordFields: Sendable, Hashable, Codable {
    public var id = "id"
    public var title = "title"
    public var text = "text"
    public var label = "label"
    public var summary = "summary"

    public init(id: String = "id", title: String = "title", text: String = "text",
                label: String = "label", summary: String = "summary") {
        self.id = id
        self.title = title
        self.text = text
        self.label = label
        self.summary = summary
    }

    /// The fields as a model's provenance stores them (keys id, title, text, label, summary).
    public var dictionary: [String: String] { ["id": id, "title": title, "text": text, "label": label, "summary": summary] }
}

/// One input article: what the verbs read from a record.
public struct Article: Sendable {
    /// The record's id as text (a number id reads as its digits); nil when the record has none.
    public var id: String?
    /// The id as it should be written back in JSON: a quoted string, or a number's digits.
    public var idJSON: String?
    public var title: String
    public var text: String
    public var label: String?
    public var summary: String?
    /// 1-based line number in its input.
    public var line: Int
    /// For an article extracted from a web page: the page's date, language and URL.
    public var page: PageFacts?
    /// The input the record was read from (a path, or "stdin"), when a stream reader read it.
    public var source: String?

    public init(id: String?, title: String, text: String, label: String? = nil, summary: String? = nil, line: Int) {
        self.id = id
        self.title = title
        self.text = text
        self.label = label
        self.summary = summary
        self.line = line
    }

    /// What a topic model with this title weight reads: the title `titleWeight` times, each followed by a
    /// line break, then the text (see `LedeClassifier.classifierInput`). Just the text when there is no title.
    public func classifierInput(titleWeight: Int) -> String {
        LedeClassifier.classifierInput(title: title, text: text, titleWeight: titleWeight)
    }
}

/// Turns one JSON line into an `Article`, reading the configured fields, and reads pages as `pages` says.
public struct ArticleDecoder: Sendable {
    public let fields: RecordFields
    public let pages: PageReading
    private let scanner: JSONObjectScanner

    public init(fields: RecordFields, pages: PageReading = PageReading()) {
        self.fields = fields
        self.pages = pages
        self.scanner = JSONObjectScanner(keys: [fields.id, fields.title, fields.text, fields.label, fields.summary, pages.htmlField])
    }

    /// The article in `line`; throws `RecordError` when the line is not a JSON object, or a field
    /// has the wrong type. A missing or null title, label or summary reads as absent; a missing
    /// text is an error, unless the record holds a page's HTML (`PageReading.htmlField`): then the
    /// article is extracted from it, and the record's title, when it has one, stays the title.
    package func decode(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(RecordError) -> Article {
        let values: [JSONObjectScanner.Value?]
        do { values = try scanner.scan(line) } catch {
            var located = error
            located.line = number
            throw located
        }
        func string(_ index: Int, _ name: String, allowNumber: Bool = false) throws(RecordError) -> String? {
            switch values[index] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            case .number(let s)? where allowNumber: return s
            default: throw RecordError(.wrongFieldType, "field \"\(name)\" must be a string", line: number)
            }
        }
        let id = try string(0, fields.id, allowNumber: true)
        var idJSON: String?
        if case .number(let digits)? = values[0] { idJSON = digits } else if let id { idJSON = JSONWriting.quoted(id) }
        do throws(RecordError) {
            let title = try string(1, fields.title) ?? ""
            var article: Article
            if let text = try string(2, fields.text) {
                article = Article(id: id, title: title, text: text, line: number)
                if pages.cleansRecordText {
                    let cleaned = pages.cleaned(text)
                    article.text = cleaned.text
                    if title.isEmpty, let headline = cleaned.title { article.title = headline }
                }
            } else if let html = try string(5, pages.htmlField) {
                var bytes = html
                article = bytes.withUTF8 { pages.article(html: $0, id: id, line: number) }
                if !title.isEmpty { article.title = title }
            } else {
                throw RecordError(.missingField, "no \"\(fields.text)\" field (set another with --text-field, or give "
                                  + "a page's HTML in \"\(pages.htmlField)\")", line: number)
            }
            article.label = try string(3, fields.label)
            article.summary = try string(4, fields.summary)
            article.idJSON = idJSON
            return article
        } catch {
            // The record's id is known: the error record carries it.
            var identified = error
            identified.id = id
            identified.idJSON = idJSON
            throw identified
        }
    }
}
