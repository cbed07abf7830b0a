import LedeReport

/// Small reports of each kind, with awkward text in them (markup characters, quotes, long labels).
enum ReportSamples {
    static let labels = ["business", "politics & <government>", "sport", "tech \"science\"", "entertainment"]

    static func classifier(labelCount: Int = 5, date: String? = "2026-12-07", confusion: Bool = true) -> ClassifierReport {
        let labels = labelCount == 5 ? Self.labels : (0..<labelCount).map { "label-\($0)" }
        var matrix: [[Int]] = []
        for t in 0..<labelCount {
            var row: [Int] = []
            for p in 0..<labelCount {
                let stray: Int = (t + 2 * p) % 7 == 0 ? t % 3 : 0
                row.append(t == p ? 40 + t : stray)
            }
            matrix.append(row)
        }
        return ClassifierReport(
            title: "Classifier evaluation: <sample>", subtitle: "A sample on test.jsonl", date: date, generator: "Lede test",
            headline: [ReportFact("documents", "418"), ReportFact("accuracy", "0.9689")],
            labels: labels, confusion: confusion ? matrix : nil,
            perLabel: perLabel(labels), calibration: calibration(),
            ece: 0.0232,
            confusedPairs: [ClassifierReport.ConfusedPair(trueLabel: labels[1], predictedLabel: labels[0], count: 3, trueLabelSupport: 41,
                                                          examples: [ClassifierReport.Example(id: "politics/017", title: "Tsunami <debt> deal & \"more\"", confidence: 0.83)])],
            data: [ReportFact("data", "test.jsonl")],
            provenance: [ReportFact("model", "bbc-topics"), ReportFact("fields", "id=id, label=label")],
            tables: [ReportTable(caption: "C grid", columns: ["C", "accuracy"], rows: [["1", "0.95"], ["30", "0.97"]], numericColumns: [0, 1])])
    }

    static func perLabel(_ labels: [String]) -> [ClassifierReport.LabelScores] {
        labels.enumerated().map { i, label in
            let drop: Double = Double(i % 10) * 0.05
            return ClassifierReport.LabelScores(label: label, precision: 0.9 - drop, recall: 0.8, f1: 0.85 - drop, support: 40 + i)
        }
    }

    static func calibration() -> [ClassifierReport.CalibrationBin] {
        (0..<15).map { b in
            let low: Double = Double(b) / 15, high: Double = Double(b + 1) / 15
            return ClassifierReport.CalibrationBin(lower: low, upper: high, count: b < 6 ? 0 : b * 3,
                                                   meanConfidence: (low + high) / 2, accuracy: min(1, low + 0.01))
        }
    }

    static let articleText = "Shares rose <sharply> today. The bank & its rivals gained. Analysts were surprised. Nothing else happened."
    /// The sample article's sentences as byte ranges.
    static var articleSentences: [Range<Int>] {
        var ranges: [Range<Int>] = [], start = 0
        let bytes = Array(articleText.utf8)
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") {
            ranges.append(start..<(i + 1))
            start = i + 2
        }
        return ranges
    }

    static func summarizer(marks: [Int: [Int]] = [0: [0], 2: [1]]) -> SummarizerReport {
        var scores: [SummarizerReport.ArticleScores] = []
        for i in 0..<50 {
            let r1: Double = Double(i % 17) / 20, r2: Double = Double(i % 11) / 20, rl: Double = Double(i % 13) / 20
            let referenceWords: Int = 30 + (i * 7) % 25
            scores.append(SummarizerReport.ArticleScores(rouge1: r1, rouge2: r2, rougeL: rl, summaryWords: 40 + i, referenceWords: referenceWords))
        }
        let example = SummarizerReport.Example(
            heading: "Best by ROUGE-2", id: "a-1", title: "Markets <up>", text: articleText, sentences: articleSentences,
            picked: [0, 1], reference: ["Shares rose.", "Analysts were surprised."], referenceIsExtractive: false,
            referenceMarks: marks, scores: scores[0])
        return SummarizerReport(title: "Summarizer evaluation", subtitle: "sample", date: nil, generator: "Lede test",
                                headline: [ReportFact("articles", "50")],
                                systems: [SummarizerReport.SystemScores(name: "Lede", rouge1: 0.3, rouge2: 0.11, rougeL: 0.2),
                                          SummarizerReport.SystemScores(name: "first sentences", rouge1: 0.28, rouge2: 0.1, rougeL: 0.19)],
                                articles: scores, examples: [example], settings: [ReportFact("budget", "3 sentences")])
    }

    static func model() -> ModelReport {
        ModelReport(title: "Topic model: sample", subtitle: "sample", date: "7 December 2026", generator: "Lede test",
                    headline: [ReportFact("labels", "2")],
                    topTerms: [ModelReport.LabelTerms(label: "sport", terms: [("cup", 10.9), ("<goal>", 7.5)]),
                               ModelReport.LabelTerms(label: "tech", terms: [("software", 8.1), ("phone & tablet", 6.2)])],
                    features: [ReportFact("vocabulary", "1 000 terms")], provenance: [ReportFact("C", "30")])
    }
}
