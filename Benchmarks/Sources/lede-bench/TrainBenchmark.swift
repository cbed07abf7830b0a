import Foundation
import Lede

/// Vectorizes a labeled corpus and trains logistic regression, reporting the training time, the
/// objective ½‖W‖² + C·Σ loss, iterations, and test accuracy when `--test` is given.
///
/// `--data FILE --text-field body --config unigram|bigram --c 30 [--test FILE] [--max-iterations N]
/// [--memory M] [--tolerance T] [--trace 1]` (`--trace 1`: each iteration's objective on stderr), and to
/// explore settings `--ngrams N --min-df N --max-df F --sublinear 0|1 --stop-words english`.
/// The bigram config is 1–2-grams, min_df 2, sublinear tf (scikit-learn's tuned pipeline).
func trainBenchmark(_ options: Options) -> Measurement {
    let field = options.string("text-field", default: "text")
    let corpus = Corpus(path: options.string("data"), textField: field)
    let bigram = options.string("config", default: "unigram") == "bigram"
    let ngrams = Int(options.double("ngrams", default: bigram ? 2 : 1))
    let stop: StopWords? = options.string("stop-words", default: "") == "english" ? .english : nil
    let vectorizer = TfidfVectorizer(
        analyzer: .scikitLearn(ngramRange: 1...ngrams, stopWords: stop),
        options: TfidfOptions(minDF: .count(Int(options.double("min-df", default: bigram ? 2 : 1))),
                              maxDF: .fraction(options.double("max-df", default: 1)),
                              sublinearTF: options.double("sublinear", default: bigram ? 1 : 0) == 1))
    let start = now()
    let fit = try! vectorizer.fitTransform(documents: corpus.texts)
    let names = Array(Set(corpus.labels)).sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    var trainingOptions = LogisticRegressionOptions(
        c: options.double("c", default: 1), maxIterations: Int(options.double("max-iterations", default: 300)))
    trainingOptions.memory = Int(options.double("memory", default: Double(trainingOptions.memory)))
    trainingOptions.tolerance = options.double("tolerance", default: trainingOptions.tolerance)
    let trace = options.double("trace", default: 0) == 1
    let vectorized = now()
    let (model, report) = LogisticRegression.train(
        matrix: fit.matrix, labels: corpus.labels.map { index[$0]! }, labelNames: names, options: trainingOptions,
        progress: { iteration, objective, gradientMax in
            if trace { FileHandle.standardError.write("\(iteration) \(objective) \(gradientMax)\n".data(using: .utf8)!) }
        })
    let trained = now()
    var extra = [
        "objective": String(report.objective), "iterations": String(report.iterations),
        "evaluations": String(report.evaluations), "stop": report.stopReason,
        "features": String(fit.matrix.columnCount), "nnz": String(fit.matrix.values.count), "vectorize_seconds": String(vectorized - start),
        "fit_seconds": String(trained - vectorized),
    ]
    if let testPath = Optional(options.string("test", default: "")), !testPath.isEmpty {
        let test = Corpus(path: testPath, textField: field)
        let probabilities = model.probabilities(fit.model.transform(documents: test.texts), threads: 2)
        let k = names.count
        var correct = 0
        for (r, label) in test.labels.enumerated() {
            let row = probabilities[r * k..<(r + 1) * k]
            if names[row.firstIndex(of: row.max()!)! - r * k] == label { correct += 1 }
        }
        extra["test_accuracy"] = String(Double(correct) / Double(test.labels.count))
    }
    return Measurement(system: "Lede", seconds: trained - start, work: Double(corpus.texts.count), units: Double(corpus.texts.count), extra: extra)
}
