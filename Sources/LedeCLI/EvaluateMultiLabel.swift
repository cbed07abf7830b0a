import ArgumentParser
import Foundation
import Lede

/// What `lede evaluate classifier --help` says about multi-label models.
let multiLabelEvaluateDiscussion = """
A multi-label model is scored on label sets (see lede train --help for the data): micro-averaged \
precision, recall and F1 over every (article, label) decision, macro averages over the labels that \
occur in the data, per-label precision/recall/F1/support, Hamming loss (the share of wrong \
decisions) and the exact-match ratio (articles whose set is exactly right). Labels the model does not \
know count as misses. JSON: micro_f1, macro_f1, micro_precision, micro_recall, macro_precision, \
macro_recall, hamming_loss, exact_match, per_label. --threshold and --at-least-one decide as classify does.
"""

/// The decision flags of a multi-label model that `evaluate classifier` shares with `classify`.
struct MultiLabelDecisionOptions: ParsableArguments {
    @Option(help: "For a multi-label model: give each label whose probability is at least P, instead of the model's per-label thresholds.")
    var threshold: Double?
    @Flag(help: "For a multi-label model: give the most probable label when no label reaches its threshold.") var atLeastOne = false

    func validate() throws {
        if let threshold, !(threshold >= 0 && threshold <= 1) { throw ValidationError("--threshold must be between 0 and 1") }
    }
}

extension EvaluateClassifierCommand {
    /// Scores a multi-label model on `corpus` and prints the report; a single-label model on data with
    /// label sets is bad data (exit 65).
    func runMultiLabel(_ topicModel: TopicModel, _ corpus: LabeledCorpus) throws {
        if report.report != nil {
            throw Exit.fail(Exit.usage, "--report describes a single-label model's evaluation; for a multi-label model, "
                            + "use the text report or --json")
        }
        guard topicModel.isMultiLabel else {
            throw Exit.fail(Exit.badData, "the data has label sets (several labels per record), but the model gives one label per article; "
                            + "score a multi-label model (lede train on this kind of data trains one)")
        }
        let metrics = evaluateMultiLabel(topicModel, corpus, threshold: multiLabelDecision.threshold,
                                         atLeastOne: multiLabelDecision.atLeastOne, threads: threads)
        let unknown = Set(corpus.labelSets.joined()).subtracting(topicModel.labels)
        if !unknown.isEmpty { log("warning: labels the model does not know count as misses: \(unknown.sorted())") }
        var out = StandardOutput()
        out.write(json ? multiLabelJSON(metrics) : multiLabelText(metrics))
        out.flush()
    }

    func multiLabelJSON(_ m: MultiLabelMetrics) -> String {
        struct Report: Encodable {
            var count: Int, multi_label: Bool
            var micro_precision: Double, micro_recall: Double, micro_f1: Double
            var macro_precision: Double, macro_recall: Double, macro_f1: Double
            var hamming_loss: Double, exact_match: Double
            var per_label: [MultiLabelMetrics.LabelScores], labels: [String]
        }
        let report = Report(count: m.count, multi_label: true, micro_precision: m.microPrecision, micro_recall: m.microRecall,
                            micro_f1: m.microF1, macro_precision: m.macroPrecision, macro_recall: m.macroRecall, macro_f1: m.macroF1,
                            hamming_loss: m.hammingLoss, exact_match: m.exactMatch,
                            per_label: m.perLabel,
                            labels: m.perLabel.map(\.label))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(report), as: UTF8.self) + "\n"
    }

    func multiLabelText(_ m: MultiLabelMetrics) -> String {
        var lines = [String(format: "%d documents, multi-label: micro-F1 %.4f (precision %.4f, recall %.4f), macro-F1 %.4f "
                            + "(precision %.4f, recall %.4f)", m.count, m.microF1, m.microPrecision, m.microRecall,
                            m.macroF1, m.macroPrecision, m.macroRecall),
                     String(format: "Hamming loss %.5f, exact match %.4f", m.hammingLoss, m.exactMatch), ""]
        let width = max(5, m.perLabel.map(\.label.count).max() ?? 5)
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        lines.append("\(pad("label"))  precision  recall     F1  support  predicted")
        for s in m.perLabel {
            lines.append("\(pad(s.label))  " + String(format: "%9.4f %7.4f %6.4f %8d %10d", s.precision, s.recall, s.f1, s.support, s.predicted))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
