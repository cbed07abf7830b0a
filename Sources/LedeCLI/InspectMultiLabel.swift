import Foundation
import Lede

extension InspectCommand {
    /// The report lines of a multi-label model: its kind, thresholds and rare labels.
    func multiLabelLines(_ model: TopicModel) -> [String] {
        let thresholds = model.thresholds ?? []
        let info = model.provenance.multiLabel
        var lines = ["kind: multi-label (one-vs-rest): each label its own probability, given when it reaches the label's threshold"]
        if let rule = info?.thresholdRule, let folds = info?.folds, let global = info?.globalThreshold {
            lines.append(String(format: "thresholds: chosen on %d-fold out-of-fold probabilities, each label's best-F1 threshold shrunk "
                                + "toward the global %.3f (prior strength %@):", folds, global, CChoice.value(rule.priorStrength).description))
        } else {
            lines.append("thresholds: not calibrated (0.5 for every label):")
        }
        lines.append("  " + zip(model.labels, thresholds).map { String(format: "%@ %.3f", $0.0, $0.1) }.joined(separator: ", "))
        if let info {
            if !info.rareLabels.isEmpty {
                lines.append("rare labels (fewer than \(MultiLabelDefaults.fewPositives) positive documents): "
                             + info.rareLabels.map { "\($0) (\(info.positives[$0] ?? 0))" }.joined(separator: ", "))
            }
            if info.documentsWithoutLabels > 0 { lines.append("training documents without a label: \(info.documentsWithoutLabels)") }
        }
        return lines
    }
}
