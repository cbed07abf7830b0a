import Foundation
import Lede

/// k-fold cross-validation accuracy of one configuration on training data only, for choosing
/// defaults: `--data FILE [--text-field body] [--folds 5] [--c 30] --ngrams N --min-df N --max-df F
/// --sublinear 0|1 [--stop-words english] [--class-weight balanced] [--title-weight 1] [--seed N]` (the seed of
/// the fold assignment; `lede train` uses the default).
func crossValidationBenchmark(_ options: Options) -> Measurement {
    let corpus = Corpus(path: options.string("data"), textField: options.string("text-field", default: "text"),
                        titleWeight: Int(options.double("title-weight", default: 1)))
    let stop: StopWords? = options.string("stop-words", default: "") == "english" ? .english : nil
    let vectorizer = TfidfVectorizer(
        analyzer: .scikitLearn(ngramRange: 1...Int(options.double("ngrams", default: 1)), stopWords: stop),
        options: TfidfOptions(minDF: .count(Int(options.double("min-df", default: 1))),
                              maxDF: .fraction(options.double("max-df", default: 1)),
                              sublinearTF: options.double("sublinear", default: 0) == 1))
    let names = Array(Set(corpus.labels)).sorted()
    let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
    let trainingOptions = LogisticRegressionOptions(
        c: options.double("c", default: 1),
        classWeight: options.string("class-weight", default: "none") == "balanced" ? .balanced : .none)
    let start = now()
    let accuracies = try! CrossValidation.accuracies(
        texts: corpus.texts, labels: corpus.labels.map { index[$0]! }, labelNames: names,
        vectorizer: vectorizer, options: trainingOptions, folds: Int(options.double("folds", default: 5)),
        seed: UInt64(options.double("seed", default: 20261129)))
    let mean = accuracies.reduce(0, +) / Double(accuracies.count)
    return Measurement(system: "Lede", seconds: now() - start, work: Double(corpus.texts.count),
                       extra: ["cv_accuracy": String(mean), "folds": accuracies.map { String(format: "%.4f", $0) }.joined(separator: " ")])
}
