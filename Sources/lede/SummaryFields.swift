import Lede

/// Writes the summary fields of `summarize` and `process` records: `summary`, and `sentences`
/// (UTF-8 byte offsets into the text field, the text, and with `scores` each sentence's score).
struct SummaryFields: Sendable {
    let scores: Bool

    /// `,"summary":…,"sentences":[…]` for a JSON record.
    func json(_ summary: Summary) -> String {
        let sentences = summary.sentences.map { s in
            "{\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound),\"text\":\(JSONWriting.quoted(s.text))"
                + (scores ? ",\"score\":\(JSONWriting.number(Float(s.score)))" : "") + "}"
        }
        return ",\"summary\":\(JSONWriting.quoted(summary.text)),\"sentences\":[\(sentences.joined(separator: ","))]"
            + (summary.budgetTooSmall ? ",\"warning\":\"budget_too_small\"" : "")
    }

    /// The table and TSV column.
    static let column = RecordFormatter.Column(name: "summary", width: nil)
}
