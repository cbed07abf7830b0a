import Foundation
import Lede

/// Multi-label training time and quality on a corpus with `labels` arrays (Reuters-21578 train), the
/// peer of `peers/multilabel_train.py`: `--data FILE [--c 30] [--threads 2]`. Documents are title +
/// newline + text (title once, as the peers read them; a title-less record is its text, which the peers
/// read after a newline, which tokenizes the same), features 1–2-grams, min_df 2, sublinear tf, no
/// stop words. Documents whose 0-based line number is not a multiple of 5 train, the others are scored:
/// the timed work is vectorizing and fitting (`OneVsRestRegression`, thresholds 0.5 as `lede train
/// --no-calibrate`); micro- and macro-F1 on the scored part come after the timing.
func multiLabelTrainBenchmark(_ options: Options) -> Measurement {
    let corpus = try! LabeledCorpus(paths: [options.string("data")], fields: RecordFields())
    let trainIndices = corpus.texts.indices.filter { $0 % 5 != 0 }, testIndices = corpus.texts.indices.filter { $0 % 5 == 0 }
    let texts = corpus.classifierInputs(titleWeight: 1)
    let names = corpus.labelNames
    let sets = LabelSets(corpus.labelSets, labelNames: names)!
    let threads = Int(options.double("threads", default: 2))
    let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2, stopWords: nil),
                                     options: TfidfOptions(minDF: .count(2), sublinearTF: true))
    var trainingOptions = LogisticRegressionOptions(c: options.double("c", default: 30), threads: threads)
    trainingOptions.memory = Int(options.double("memory", default: Double(trainingOptions.memory)))
    let start = now()
    let fit = try! vectorizer.fitTransform(documents: trainIndices.map { texts[$0] }, threads: threads)
    let vectorized = now()
    let (model, report) = OneVsRestRegression.train(matrix: fit.matrix, labelSets: sets.subset(trainIndices), labelNames: names,
                                                    options: trainingOptions)
    let trained = now()
    let probabilities = model.sigmoidProbabilities(fit.model.transform(documents: testIndices.map { texts[$0] }, threads: threads), threads: threads)
    let k = names.count
    let predicted = LabelSets(probabilities: probabilities, rows: testIndices.indices, thresholds: [Float](repeating: 0.5, count: k))
    let metrics = MultiLabelMetrics(labels: names, truth: testIndices.map { corpus.labelSets[$0] }, predicted: predicted)
    return Measurement(system: "Lede", seconds: trained - start, work: Double(trainIndices.count), units: Double(trainIndices.count), extra: [
        "objective": String(format: "%.2f", report.objective), "iterations": String(report.iterations), "evaluations": String(report.evaluations), "stop": report.stopReason,
        "features": String(fit.matrix.columnCount), "labels": String(k), "vectorize_seconds": String(format: "%.3f", vectorized - start),
        "fit_seconds": String(format: "%.3f", trained - vectorized), "micro_f1": String(format: "%.4f", metrics.microF1),
        "macro_f1": String(format: "%.4f", metrics.macroF1),
    ])
}

/// Cross-validated micro-F1 of `lede train`'s multi-label pipeline with one configuration, for choosing
/// defaults on training data only: document i (0-based line) is held out in fold i mod `--outer`
/// (default 5), every other fold trains through `TopicModelTrainer` (its own cross-validation for the
/// thresholds included), and the held-out predictions of all folds are scored together.
/// `--data FILE [--c 100] [--c-grid 10,30,100] [--ngrams 2] [--min-df 2] [--sublinear 1] [--stop-words english|none]
/// [--title-weight 3] [--folds 3] [--prior 5] [--calibrate 1] [--at-least-one 0]`.
func multiLabelCrossValidationBenchmark(_ options: Options) -> Measurement {
    let titleWeight = Int(options.double("title-weight", default: Double(TopicModelDefaults.titleWeight)))
    let corpus = try! LabeledCorpus(paths: [options.string("data")], fields: RecordFields())
    let outer = Int(options.double("outer", default: 5))
    let stop: StopWords? = options.string("stop-words", default: "english") == "english" ? .english : nil
    let vectorizer = TfidfVectorizer(
        analyzer: .scikitLearn(ngramRange: 1...Int(options.double("ngrams", default: 2)), stopWords: stop),
        options: TfidfOptions(minDF: .count(Int(options.double("min-df", default: 2))),
                              maxDF: .fraction(options.double("max-df", default: 1)),
                              sublinearTF: options.double("sublinear", default: 1) == 1))
    var trainer = TopicModelTrainer(vectorizer: vectorizer, options: LogisticRegressionOptions(threads: Int(options.double("threads", default: 2))),
                                    folds: Int(options.double("folds", default: 3)),
                                    calibration: options.double("calibrate", default: 1) == 1 ? .required : .off, titleWeight: titleWeight)
    if let grid = Optional(options.string("c-grid", default: "")), !grid.isEmpty {
        trainer.cSearch = .crossValidated(grid: grid.split(separator: ",").map { Double($0)! })
    } else {
        trainer.multiLabelC = options.double("c", default: MultiLabelDefaults.c)
    }
    trainer.thresholdRule = ThresholdRule(priorStrength: options.double("prior", default: ThresholdRule().priorStrength))
    trainer.multiLabel = true
    let atLeastOne = options.double("at-least-one", default: 0) == 1
    let start = now()
    var truth: [[String]] = [], predicted: [[String]] = [], chosen: [String] = [], foldF1: [String] = []
    for f in 0..<outer {
        var train = LabeledCorpus(), held = LabeledCorpus()
        for i in 0..<corpus.count { if i % outer == f { held.append(corpus, i) } else { train.append(corpus, i) } }
        train.isMultiLabel = true
        let model = try! trainer.train(train, dataNames: [], fields: RecordFields())
        let predictions = model.predict(titles: held.titles, texts: held.texts, atLeastOne: atLeastOne, threads: 2)
        truth += held.labelSets
        predicted += predictions.map { $0.labels.map(\.label) }
        let foldNames = corpus.labelNames
        let foldMetrics = MultiLabelMetrics(labels: foldNames, truth: held.labelSets,
                                            predicted: LabelSets(predictions.map { $0.labels.map(\.label) }, labelNames: foldNames)!)
        foldF1.append(String(format: "%.4f", foldMetrics.microF1))
        chosen.append(String(model.provenance.c))
    }
    let names = corpus.labelNames
    let metrics = MultiLabelMetrics(labels: names, truth: truth, predicted: LabelSets(predicted, labelNames: names)!)
    return Measurement(system: "Lede", seconds: now() - start, work: Double(corpus.count), extra: [
        "micro_f1": String(format: "%.4f", metrics.microF1), "macro_f1": String(format: "%.4f", metrics.macroF1),
        "micro_precision": String(format: "%.4f", metrics.microPrecision), "micro_recall": String(format: "%.4f", metrics.microRecall),
        "chosen_c": chosen.joined(separator: " "), "folds": foldF1.joined(separator: " "),
    ])
}
