import ArgumentParser
import Lede

/// The field-name flags of the verbs that read labeled articles (`train`, `evaluate classifier`): the
/// article's fields and the label's. Unset flags fall back to the model's training fields, then to the
/// standard names.
struct LabeledFieldOptions: ParsableArguments {
    @OptionGroup var article: ArticleFieldOptions
    @Option(help: "Field holding the topic label.") var labelField: String?
    @Option(help: "Field (or CSV/TSV column) holding a record's label set, for multi-label data: a JSON array of strings, or labels separated by --label-separator.")
    var labelsField: String?
    @Option(help: "What separates the labels of a CSV or TSV label-set column.") var labelSeparator: String = "|"

    func validate() throws {
        if labelSeparator.isEmpty { throw ValidationError("--label-separator must not be empty") }
    }

    /// The fields to read: flags first, then `defaults` (a model's), then the standard names.
    func resolved(defaults: [String: String] = [:]) -> RecordFields {
        var fields = article.resolved(defaults: defaults)
        fields.label = labelField ?? defaults["label"] ?? "label"
        fields.labels = labelsField ?? defaults["labels"] ?? "labels"
        return fields
    }
}

/// The field-name flags of the verbs that read articles with reference summaries (`evaluate summarizer`,
/// `train summarizer`): the article's fields and the reference summary's.
struct ReferenceFieldOptions: ParsableArguments {
    @OptionGroup var article: ArticleFieldOptions
    @Option(help: "Field holding a reference summary.") var summaryField: String?

    /// The fields to read: flags first, then the standard names.
    func resolved() -> RecordFields {
        var fields = article.resolved()
        fields.summary = summaryField ?? "summary"
        return fields
    }
}

/// The field-name flags of the verbs that read articles and write records (`classify`, `summarize`,
/// `process`, `extract`, `sentences`): id, title and text only, since they read no label or reference
/// summary. Unset flags fall back to the model's training fields, then to the standard names.
struct ArticleFieldOptions: ParsableArguments {
    @Option(help: "Field holding each record's id.") var idField: String?
    @Option(help: "Field holding the headline.") var titleField: String?
    @Option(help: "Field holding the article text.") var textField: String?

    /// The fields to read: flags first, then `defaults` (a model's), then the standard names.
    func resolved(defaults: [String: String] = [:]) -> RecordFields {
        RecordFields(id: idField ?? defaults["id"] ?? "id",
                     title: titleField ?? defaults["title"] ?? "title",
                     text: textField ?? defaults["text"] ?? "text")
    }
}
