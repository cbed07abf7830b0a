import Foundation
import Lede

/// k-fold cross-validation accuracy of one configuration on training data only, for choosing
/// defaults: `--data FILE [--text-field body] [--folds 5] [--c 30] --ngrams N --min-df N --max-df F
/// --sublinear 0|1 [--stop-words english] [--class-weight balanced] [--title-weight 1] [--seed N | --seeds N]`.
/// `--seed` is the seed of the fold assignment (`lede train` uses the default); `--seeds N` repeats the whole
/// cross-validation with seeds 1…N and reports the mean over them, since one fold assignment alone moves the
/// mean by about ±0.002 on BBC.
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
    let seedCount = Int(options.double("seeds", default: 0))
    let seeds = seedCount > 0 ? (1...seedCount).map(UInt64.init) : [UInt64(options.double("seed", default: 20261129))]
    let start = now()
    let means = seeds.map { seed in
        let accuracies = try! CrossValidation.accuracies(
            texts: corpus.texts, labels: corpus.labels.map { index[$0]! }, labelNames: names,
            vectorizer: vectorizer, options: trainingOptions, folds: Int(options.double("folds", default: 5)),
            seed: seed)
        return (accuracies.reduce(0, +) / Double(accuracies.count), accuracies)
    }
    let mean = means.map(\.0).reduce(0, +) / Double(means.count)
    let detail = seeds.count == 1
        ? ["folds": means[0].1.map { String(format: "%.4f", $0) }.joined(separator: " ")]
        : ["seeds": means.map { String(format: "%.4f", $0.0) }.joined(separator: " ")]
    return Measurement(system: "Lede", seconds: now() - start, work: Double(corpus.texts.count),
                       extra: detail.merging(["cv_accuracy": String(mean)]) { a, _ in a })
}
