import ArgumentParser
import Foundation
import Lede

/// `lede evaluate`: score a model against labeled or reference data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a model on held-out data.",
        subcommands: [EvaluateClassifierCommand.self, EvaluateSummarizerCommand.self]
    )
}

/// `lede evaluate classifier`: accuracy, macro-F1, per-label scores, confusion matrix, log-loss,
/// expected calibration error and the reliability table.
struct EvaluateClassifierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Score a topic model on labeled articles (JSON Lines, a folder, CSV, TSV or fastText).",
        discussion: inputFormatDiscussion + "\n\n" + """
        Calibration: ECE is the expected calibration error of the top label over 15 equal-width bins of \
        confidence (the largest probability): Σ (bin count / N)·|bin accuracy − bin mean confidence|. The \
        reliability table lists each bin's count, mean confidence and accuracy (JSON: ece, reliability).

        \(multiLabelEvaluateDiscussion)
        """ + exitCodesHelp
    )

    @Option(name: [.short, .long], help: "Model file or shipped model name (default: $LEDE_MODEL, else the shipped default).") var model: String?
    @Option(help: "Labeled data (see --input-format). Repeat for several inputs.") var data: [String]
    @OptionGroup var mapping: LabelMapOptions
    @Option(help: inputFormatHelp) var inputFormat: LabeledCorpusFormat?
    @OptionGroup var fields: LabeledFieldOptions
    @Flag(help: "Print one JSON object instead of a report.") var json = false
    @Flag(help: "Skip bad records (reporting them) instead of stopping at the first.") var skipInvalid = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20
    @OptionGroup var workers: ThreadsOption
    @OptionGroup var report: ReportOptions
    var threads: Int { workers.threads }
    @OptionGroup var multiLabelDecision: MultiLabelDecisionOptions

    func run() throws {
        try report.checkPath()
        let topicModel = try ModelLocation.load(model)
        let recordFields = fields.resolved(defaults: topicModel.provenance.fields)
        let corpus: LabeledCorpus
        if let labelMap = try mapping.read() {
            corpus = LabeledCorpus(concatenating: try data.map { path in
                try mapping.apply(labelMap, to: readCorpus([path], format: inputFormat, recordFields, labelSeparator: fields.labelSeparator,
                                                           skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes), path: path).0
            })
            if corpus.count == 0 { throw Exit.fail(Exit.badData, "the label map leaves no records of \(data.joined(separator: ", "))") }
        } else {
            corpus = try readCorpus(data, format: inputFormat, recordFields, labelSeparator: fields.labelSeparator, skipInvalid: skipInvalid,
                                    maxRecordBytes: maxRecordBytes)
        }
        if topicModel.isMultiLabel || corpus.isMultiLabel { return try runMultiLabel(topicModel, corpus) }
        let probabilities = probabilities(topicModel, corpus, threads: threads)
        let metrics = evaluate(topicModel, corpus, probabilities: probabilities)
        let unknown = Set(corpus.labels).subtracting(topicModel.labels)
        if !unknown.isEmpty { log("warning: labels the model does not know count as errors: \(unknown.sorted())") }
        var out = StandardOutput()
        out.write(json ? jsonReport(metrics) : textReport(metrics))
        out.flush()
        try report.write {
            ClassifierReport(model: topicModel, modelName: reportName(ofModelAt: ModelLocation.resolve(model)), corpus: corpus,
                             dataNames: dataNames(data), probabilities: probabilities, metrics: metrics, date: report.date).html()
        }
    }

    func jsonReport(_ m: ClassificationMetrics) -> String {
        struct Bin: Encodable {
            var bin: Int, lower: Double, upper: Double, count: Int, mean_confidence: Double, accuracy: Double
        }
        struct Report: Encodable {
            var count: Int, accuracy: Double, macro_f1: Double, log_loss: Double
            var per_label: [ClassificationMetrics.LabelScores], labels: [String], confusion: [[Int]]
            var ece: Double, reliability: [Bin]
        }
        let bins = m.reliability.enumerated().map { b, r in
            Bin(bin: b, lower: r.lower, upper: r.upper, count: r.count, mean_confidence: r.meanConfidence, accuracy: r.accuracy)
        }
        let report = Report(count: m.count, accuracy: m.accuracy, macro_f1: m.macroF1, log_loss: m.logLoss,
                            per_label: m.perLabel, labels: m.perLabel.map(\.label), confusion: m.confusion,
                            ece: m.ece, reliability: bins)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
    }

    func textReport(_ m: ClassificationMetrics) -> String {
        var lines = [String(format: "%d documents: accuracy %.4f, macro-F1 %.4f, log-loss %.4f, ECE %.4f",
                            m.count, m.accuracy, m.macroF1, m.logLoss, m.ece), ""]
        let width = max(5, m.perLabel.map(\.label.count).max() ?? 5)
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        lines.append("\(pad("label"))  precision  recall     F1  support")
        for s in m.perLabel {
            lines.append("\(pad(s.label))  " + String(format: "%9.4f %7.4f %6.4f %8d", s.precision, s.recall, s.f1, s.support))
        }
        lines.append("")
        lines.append("confusion (rows: true label, columns: predicted, in the order above)")
        for (label, row) in zip(m.perLabel.map(\.label), m.confusion) {
            lines.append("\(pad(label))  " + row.map { String(format: "%5d", $0) }.joined(separator: " "))
        }
        lines.append("")
        lines.append(String(format: "reliability (top-label confidence in 15 equal bins; ECE %.4f)", m.ece))
        lines.append("bin  confidence     count  mean confidence  accuracy")
        for (b, r) in m.reliability.enumerated() {
            let range = String(format: "%.3f-%.3f", r.lower, r.upper)
            let cells = r.count == 0 ? "               —         —" : String(format: "  %15.4f  %8.4f", r.meanConfidence, r.accuracy)
            lines.append(String(format: "%3d  ", b) + range + String(format: "  %8d", r.count) + cells)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `lede evaluate summarizer`: ROUGE and, for extractive references, sentence precision/recall/F1,
/// beside the first-sentences baseline.
struct EvaluateSummarizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarizer",
        abstract: "Score summaries against reference summaries (JSON Lines with a summary field).",
        discussion: """
        ROUGE-1, ROUGE-2 and ROUGE-L F1 are computed as Google's rouge-score computes them (Porter \
        stemming). When a reference is made of the article's own sentences, a picked sentence counts as \
        right when it is one of them (sentence precision, recall, F1). The first-N-sentences baseline, \
        with the same budget, is printed beside.
        """ + exitCodesHelp
    )

    @Option(help: "Articles with reference summaries (JSON Lines).") var data: [String]
    @OptionGroup var fields: ReferenceFieldOptions
    @OptionGroup var flags: SummarizerFlags
    @Flag(help: """
        Pick as many sentences as each reference has, for references made of the article's own sentences; \
        other articles get --sentences, --words or --ratio, or the default budget.
        """) var referenceLength = false
    @Flag(help: "Print one JSON object instead of a report.") var json = false
    @OptionGroup var workers: ThreadsOption
    @OptionGroup var report: ReportOptions
    var threads: Int { workers.threads }

    func run() throws {
        try report.checkPath()
        let recordFields = fields.resolved()
        var articles: [Article] = []
        do {
            try ArticleReader(fields: recordFields).read(data) { record in
                let article = try record.get()
                guard article.summary != nil else {
                    throw RecordError(.missingField, "no \"\(recordFields.summary)\" reference (set another with --summary-field)",
                                      line: article.line, source: data.count == 1 ? data[0] : nil)
                }
                articles.append(article)
            }
        } catch let error as InputError {
            throw Exit.fail(error)
        } catch let error as RecordError {
            throw Exit.fail(Exit.badData, error.description)
        }
        let summarizer = try flags.summarizer(batchTexts: articles.map(\.text))
        let evaluated: ReferenceEvaluation
        do {
            evaluated = try ReferenceEvaluation(summarizer: summarizer, texts: articles.map(\.text), references: articles.map { $0.summary! },
                                                budget: flags.budget, referenceLength: referenceLength, threads: threads)
        } catch {
            throw Exit.fail(Exit.badData, "--reference-length: \(error)")
        }
        let (l, b) = (evaluated.means, evaluated.baseline)
        var out = StandardOutput()
        if json {
            struct Report: Encodable {
                var count: Int, extractive_count: Int
                var rouge1: Double, rouge2: Double, rougeL: Double
                var sentence_precision: Double, sentence_recall: Double, sentence_f1: Double
                var baseline_first_sentences: [String: Double]
            }
            let report = Report(count: l.count, extractive_count: l.extractiveCount, rouge1: l.rouge1, rouge2: l.rouge2, rougeL: l.rougeL,
                                sentence_precision: l.sentencePrecision, sentence_recall: l.sentenceRecall, sentence_f1: l.sentenceF1,
                                baseline_first_sentences: ["rouge1": b.rouge1, "rouge2": b.rouge2, "rougeL": b.rougeL,
                                                           "sentence_precision": b.sentencePrecision, "sentence_recall": b.sentenceRecall,
                                                           "sentence_f1": b.sentenceF1])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            out.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        } else {
            var lines = ["\(l.count) articles (\(l.extractiveCount) with references made of their own sentences); budget: " +
                         budgetDescription(fallback: (flags.budget ?? summarizer.options.budget).description, extractive: l.extractiveCount, of: l.count), "",
                         "system           ROUGE-1  ROUGE-2  ROUGE-L  sent-P  sent-R  sent-F1"]
            for (name, m) in [("Lede", l), ("first sentences", b)] {
                let sentenceColumns = m.extractiveCount > 0 ? String(format: "  %6.4f  %6.4f  %7.4f", m.sentencePrecision, m.sentenceRecall, m.sentenceF1) : "       —       —        —"
                lines.append(name.padding(toLength: 15, withPad: " ", startingAt: 0) + String(format: "  %7.4f  %7.4f  %7.4f", m.rouge1, m.rouge2, m.rougeL) + sentenceColumns)
            }
            out.write(lines.joined(separator: "\n") + "\n")
        }
        out.flush()
        try report.write {
            let evaluation = SummarizerReport.Evaluation(articles: articles, sentences: evaluated.sentences, summaries: evaluated.summaries,
                                                         references: evaluated.referenceSentences, scores: evaluated.scores, means: l, baseline: b)
            let model = flags.position == nil ? try? SummarizerModelLocation.load(flags.summarizer) : nil
            let modelName = flags.position == nil ? reportName(ofModelAt: SummarizerModelLocation.resolve(flags.summarizer).path) : nil
            return SummarizerReport(evaluation, dataNames: dataNames(data), summarizer: summarizer, model: model, modelName: modelName,
                                    budget: budgetDescription(fallback: (flags.budget ?? summarizer.options.budget).description,
                                                              extractive: l.extractiveCount, of: l.count),
                                    idf: flags.idf.rawValue, date: report.date).html()
        }
    }

    /// The report's budget line: with --reference-length, the reference's own length where there is one,
    /// and the flags' (or default) budget for the articles whose references are not made of their sentences.
    func budgetDescription(fallback: String, extractive: Int, of count: Int) -> String {
        guard referenceLength else { return fallback }
        return extractive == count ? "as many sentences as the reference"
            : "as many sentences as the reference; \(fallback) for the "
                + (count - extractive == 1 ? "other article" : "\(count - extractive) other articles")
    }
}
