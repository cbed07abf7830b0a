import Foundation
import Lede

/// What `lede train --help` says about multi-label models.
let multiLabelTrainDiscussion = """
Multi-label data (any number of topics per article): a JSON array in "labels" (--labels-field), a CSV or \
TSV "labels" column of labels separated by | (--label-separator), or fastText lines with several \
__label__ words. An empty array (or cell) is an article about none of the topics, a negative example \
for every label; a record with "label" and no "labels" has that one label. Such data trains a \
multi-label model (so does --multi-label): one-vs-rest logistic regression, a binary classifier per \
label minimizing ½‖w‖² + C·Σ log-loss as scikit-learn's OneVsRestClassifier(LogisticRegression(C)) \
does, all labels fitted as one problem. Labels with fewer than \(MultiLabelDefaults.fewPositives) \
positive documents are reported. Each label gets a decision threshold, chosen (unless \
--no-calibrate, which keeps 0.5) on --folds-fold out-of-fold probabilities of the training data: \
the threshold of best F1 for the label, shrunk toward the one global threshold of best micro-F1 in \
proportion to how few positives it has, t = (n·own + \(formatted(ThresholdRule().priorStrength))·global) / (n + \
\(formatted(ThresholdRule().priorStrength))) for a label with n positives. --c auto picks the C of best \
out-of-fold micro-F1. Class weights do not apply; --holdout and --validation report micro- and macro-F1.
"""

/// A number as `lede` prints settings: without a fraction when it has none.
private func formatted(_ x: Double) -> String { CChoice.value(x).description }

extension TrainCommand {
    /// Scores a multi-label model on held-out data and records micro- and macro-F1 in its provenance
    /// (`holdout_micro_f1`, …, or `validation_…`).
    func scoreMultiLabel(_ model: inout TopicModel, _ corpus: LabeledCorpus, name: String) {
        let metrics = evaluateMultiLabel(model, corpus, threads: threads)
        let prefix = name.replacingOccurrences(of: "_accuracy", with: "")
        model.provenance.scores["\(prefix)_micro_f1"] = metrics.microF1
        model.provenance.scores["\(prefix)_macro_f1"] = metrics.macroF1
        log("\(prefix): micro-F1 \(String(format: "%.4f", metrics.microF1)), macro-F1 \(String(format: "%.4f", metrics.macroF1)) on \(corpus.count) documents")
    }

    /// Prints a step of multi-label training on stderr: the labels and the rare ones, the
    /// cross-validation's table, and the thresholds.
    func reportMultiLabel(_ step: MultiLabelEvent, clock: PhaseClock) {
        switch step {
        case .labels(let positives, let rare, let withoutLabels):
            log("multi-label: \(positives.count) labels (one-vs-rest)" + (withoutLabels > 0 ? "; \(withoutLabels) documents have no label" : ""))
            if !rare.isEmpty {
                log("warning: labels with fewer than \(MultiLabelDefaults.fewPositives) positive documents train on little evidence: "
                    + rare.map { "\($0) (\(positives[$0]!))" }.joined(separator: ", "))
            }
        case .thresholdsSkipped(let why):
            log("thresholds: not calibrated (\(why)); every label's threshold is 0.5")
        case .crossValidated(let run):
            log(gridSearchTable(run.result, score: "micro-F1"))
            log(String(format: "cross-validation work, summed over folds: vectorizing %.1f s, training %.1f s", run.vectorizeSeconds, run.trainSeconds))
            if search.c == .auto { log("chosen: C = \(CChoice.value(run.result.chosenC))") }
            clock.phase("cross-validated: \(run.result.rows.count) C × \(search.folds) folds")
        case .thresholds(let choice, let labels):
            let own = choice.own.compactMap { $0 }.count
            log(String(format: "thresholds: global %.3f; %d of %d labels have their own, shrunk toward it (%@)",
                       choice.global, own, labels.count,
                       zip(labels, choice.thresholds).prefix(8).map { String(format: "%@ %.3f", $0.0, $0.1) }.joined(separator: ", ")
                           + (labels.count > 8 ? ", …" : "")))
        }
    }
}

/// Scores a multi-label model's label sets on a labeled corpus (its label sets, or each record's one label),
/// each article read as the model reads it (its title at the model's title weight, then its text).
func evaluateMultiLabel(_ model: TopicModel, _ corpus: LabeledCorpus, threshold: Double? = nil, atLeastOne: Bool = false,
                        threads: Int) -> MultiLabelMetrics {
    let predictions = model.predict(titles: corpus.titles, texts: corpus.texts, threshold: threshold, atLeastOne: atLeastOne,
                                    threads: threads)
    let truth = corpus.labelSets
    return MultiLabelMetrics(labels: model.labels, truth: truth, predicted: LabelSets(predictions.map { $0.labelIndices.map(Int32.init) }))
}
