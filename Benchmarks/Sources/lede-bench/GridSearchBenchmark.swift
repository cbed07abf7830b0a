import Foundation
import Lede

/// `lede train --c auto`'s search, timed: stratified k-fold cross-validation over a grid of C on a
/// training file (vectorizer fitted per fold, folds in parallel, warm starts along the grid), from
/// texts in memory to the table. `--data FILE [--text-field body] [--grid 10,30,100] [--folds 3]
/// [--threads N]`, with Lede's default features (1–2-grams, min_df 2, sublinear tf, English stop words).
func gridSearchBenchmark(_ options: Options) -> Measurement {
    let corpus = Corpus(path: options.string("data"), textField: options.string("text-field", default: "text"))
    let grid = options.string("grid", default: "10,30,100").split(separator: ",").map { Double($0)! }
    let folds = Int(options.double("folds", default: 3))
    let names = Array(Set(corpus.labels)).sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    var training = LogisticRegressionOptions()
    training.threads = Int(options.double("threads", default: Double(training.threads)))
    let start = now()
    let run = try! CrossValidation.gridSearch(
        texts: corpus.texts, labels: corpus.labels.map { index[$0]! }, labelNames: names,
        vectorizer: TopicModelDefaults.vectorizer, grid: grid, folds: folds, options: training)
    let seconds = now() - start
    let table = run.result.rows.map { row in
        "C=\(row.c): " + String(format: "%.4f", row.meanAccuracy) + " [" + row.foldAccuracies.map { String(format: "%.4f", $0) }.joined(separator: " ") + "]"
    }
    return Measurement(system: "Lede", seconds: seconds, work: Double(corpus.texts.count), units: Double(corpus.texts.count), extra: [
        "chosen_c": String(run.result.chosenC), "table": table.joined(separator: "; "),
        "iterations": run.iterations.map { $0.map(String.init).joined(separator: "/") }.joined(separator: " "),
        "vectorize_cpu_seconds": String(format: "%.1f", run.vectorizeSeconds), "train_cpu_seconds": String(format: "%.1f", run.trainSeconds),
    ])
}
