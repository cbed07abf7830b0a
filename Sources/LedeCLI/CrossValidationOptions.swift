import ArgumentParser
import Foundation
import Lede

/// How `lede train` picks C: a given number, or `auto` (cross-validation over a grid).
enum CChoice: Equatable, ExpressibleByArgument, CustomStringConvertible {
    case value(Double)
    case auto

    init?(argument: String) {
        if argument == "auto" { self = .auto } else if let c = Double(argument), c > 0, c.isFinite { self = .value(c) } else { return nil }
    }

    var description: String {
        switch self {
        case .auto: "auto"
        case .value(let c): c == c.rounded() && abs(c) < 1e15 ? String(Int(c)) : String(c)
        }
    }

    var defaultValueDescription: String { description }
}

/// The flags of `lede train` that choose C and calibrate probabilities by cross-validation.
struct CrossValidationOptions: ParsableArguments {
    @Option(name: .customLong("c"),
            help: ArgumentHelp("Inverse regularization strength C, or 'auto': stratified k-fold cross-validation over --c-grid on the training data "
                               + "(default: \(CChoice.value(TopicModelDefaults.c)); \(CChoice.value(MultiLabelDefaults.c)) for a multi-label model).",
                               valueName: "c"))
    var c: CChoice?
    @Option(help: "The C values --c auto tries (comma-separated), fitted in increasing order, each from the previous solution.")
    var cGrid: String = TopicModelDefaults.cGrid.map { CChoice.value($0).description }.joined(separator: ",")
    @Option(help: "Folds of the cross-validation (--c auto, --calibrate); they run in parallel.") var folds: Int = 3
    @Flag(inversion: .prefixedNo,
          help: "Fit a temperature on out-of-fold predictions (--folds) so that confidences match accuracy; --no-calibrate skips it.")
    var calibrate: Bool?

    /// The grid, parsed and sorted.
    func grid() throws -> [Double] {
        let values = cGrid.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0!.isFinite }) else {
            throw ValidationError("--c-grid must be positive numbers separated by commas, like 1,10,100")
        }
        return Array(Set(values.map { $0! })).sorted()
    }

    /// How to calibrate: unless `--no-calibrate`, when the data allow it; with `--calibrate`, always (data
    /// too small for it is an error). Uncalibrated, the default models are under-confident (see the model cards).
    var calibration: TopicModelTrainer.CalibrationMode {
        switch calibrate {
        case nil: .whenPossible
        case true?: .required
        case false?: .off
        }
    }

    func validate() throws {
        _ = try grid()
        if folds < 2 { throw ValidationError("--folds must be at least 2") }
    }
}

/// The table a cross-validation over C chose from, as printed on stderr: each C's mean `score`
/// (accuracy for a softmax model, micro-F1 for a multi-label one), its spread and the folds' scores;
/// the chosen C is marked when there was a choice.
func gridSearchTable(_ result: GridSearchResult, score: String = "accuracy") -> String {
    var lines = ["C          " + "mean CV \(score)".padding(toLength: 16, withPad: " ", startingAt: 0) + "     std  per fold"]
    for row in result.rows {
        let c = CChoice.value(row.c).description.padding(toLength: 9, withPad: " ", startingAt: 0)
        lines.append("\(c)  " + String(format: "%16.4f  %6.4f  ", row.meanAccuracy, row.std)
                     + row.foldAccuracies.map { String(format: "%.4f", $0) }.joined(separator: " ")
                     + (row.c == result.chosenC && result.rows.count > 1 ? "  ← chosen" : ""))
    }
    return lines.joined(separator: "\n")
}
