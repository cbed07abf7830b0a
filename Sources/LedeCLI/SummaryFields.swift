import Lede

/// Writes the summary fields of `summarize` and `process` records, the summary once: `summary` (the
/// picked sentences joined by spaces), or with `offsets` `sentences` (each with its UTF-8 byte offsets
/// into the text field, its text, and with `scores` its score); `warning` when the budget was too small.
struct SummaryFields: Sendable {
    let offsets: Bool
    let scores: Bool

    /// `,"summary":…` or `,"sentences":[…]` for a JSON record.
    func json(_ summary: Summary) -> String {
        var json: String
        if offsets {
            let sentences = summary.sentences.map { s in
                "{\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound),\"text\":\(JSONWriting.quoted(s.text))"
                    + (scores ? ",\"score\":\(JSONWriting.number(Float(s.score)))" : "") + "}"
            }
            json = ",\"sentences\":[\(sentences.joined(separator: ","))]"
        } else {
            json = ",\"summary\":\(JSONWriting.quoted(summary.text))"
        }
        return json + (summary.budgetTooSmall ? ",\"warning\":\"budget_too_small\"" : "")
    }

    /// The table and TSV column.
    static let column = RecordFormatter.Column(name: "summary", width: nil)
}
