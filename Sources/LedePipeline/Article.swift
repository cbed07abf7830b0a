import LedeClassifier

/// The names of the fields a record's parts are read from (docs/command-line.md); a model records the ones it
/// was trained with and they become its defaults.
public struct RecordFields: Sendable, Hashable, Codable {
    public var id = "id"
    public var title = "title"
    public var text = "text"
    public var label = "label"
    public var summary = "summary"
    /// The field holding a record's label set (an array of strings), for multi-label data.
    public var labels = "labels"

    public init(id: String = "id", title: String = "title", text: String = "text",
                label: String = "label", summary: String = "summary", labels: String = "labels") {
        self.id = id
        self.title = title
        self.text = text
        self.label = label
        self.summary = summary
        self.labels = labels
    }

    /// The fields as a model's provenance stores them (keys id, title, text, label, summary; a
    /// multi-label model adds labels).
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
    /// The record's label set, when it has one (a `labels` array or column, or a fastText line with
    /// several labels); nil for a record with one `label` or none. Empty: a record about no topic.
    public var labels: [String]?
    public var summary: String?
    /// 1-based line number in its input.
    public var line: Int
    /// For an article extracted from a web page: the page's date, language and URL.
    public var page: PageFacts?
    /// The input the record was read from (a path, or "stdin"), when a stream reader read it.
    public var source: String?

    public init(id: String?, title: String, text: String, label: String? = nil, labels: [String]? = nil, summary: String? = nil,
                line: Int) {
        self.id = id
        self.title = title
        self.text = text
        self.label = label
        self.labels = labels
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
    /// Whether the `labels` field (a label set) is read; only labeled-corpus readers ask for it.
    public let readsLabelSets: Bool
    private let scanner: JSONObjectScanner

    public init(fields: RecordFields, pages: PageReading = PageReading(), readsLabelSets: Bool = false) {
        self.fields = fields
        self.pages = pages
        self.readsLabelSets = readsLabelSets
        self.scanner = JSONObjectScanner(keys: [fields.id, fields.title, fields.text, fields.label, fields.summary, pages.htmlField]
                                         + (readsLabelSets ? [fields.labels] : []))
    }

    /// The article in `line`; throws `RecordError` when the line is not a JSON object, or a field
    /// has the wrong type. A missing or null title, label, label set or summary reads as absent; a missing
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
            if readsLabelSets {
                switch values[6] {
                case nil, .null?: break
                case .strings(let labels)?: article.labels = labels
                default:
                    throw RecordError(.wrongFieldType, "field \"\(fields.labels)\" must be an array of strings", line: number)
                }
            }
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
