import ArgumentParser
import Foundation
import Lede

/// `lede evaluate`: score a model against labeled or reference data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a model on held-out data.",
        subcommands: [EvaluateClassifierCommand.self]
    )
}

/// `lede evaluate classifier`: accuracy, macro-F1, per-label scores, confusion matrix, log-loss.
struct EvaluateClassifierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classifier",
        abstract: "Score a topic model on labeled articles (JSON Lines with a label field)."
    )

    @Option(help: "Model file (default: $LEDE_MODEL, else the shipped model).") var model: String?
    @Option(help: "Labeled data (JSON Lines). Repeat for several files.") var data: [String]
    @OptionGroup var fields: FieldOptions
    @Flag(help: "Print one JSON object instead of a report.") var json = false
    @Flag(help: "Skip bad records (reporting them) instead of stopping at the first.") var skipInvalid = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let topicModel = try ModelLocation.load(model)
        let corpus = try readCorpus(data, fields.resolved(defaults: topicModel.provenance.fields),
                                    skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes)
        let metrics = evaluate(topicModel, corpus, threads: threads)
        let unknown = Set(corpus.labels).subtracting(topicModel.labels)
        if !unknown.isEmpty { log("warning: labels the model does not know count as errors: \(unknown.sorted())") }
        var out = StandardOutput()
        out.write(json ? jsonReport(metrics) : textReport(metrics))
        out.flush()
    }

    func jsonReport(_ m: ClassificationMetrics) -> String {
        struct Report: Encodable {
            var count: Int, accuracy: Double, macro_f1: Double, log_loss: Double
            var per_label: [ClassificationMetrics.LabelScores], labels: [String], confusion: [[Int]]
        }
        let report = Report(count: m.count, accuracy: m.accuracy, macro_f1: m.macroF1, log_loss: m.logLoss,
                            per_label: m.perLabel, labels: m.perLabel.map(\.label), confusion: m.confusion)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
    }

    func textReport(_ m: ClassificationMetrics) -> String {
        var lines = [String(format: "%d documents: accuracy %.4f, macro-F1 %.4f, log-loss %.4f", m.count, m.accuracy, m.macroF1, m.logLoss), ""]
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
        return lines.joined(separator: "\n") + "\n"
    }
}
