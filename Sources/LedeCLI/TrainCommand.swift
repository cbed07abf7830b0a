import ArgumentParser
import Foundation
import Lede

/// `lede train`: fit a topic model on a labeled corpus and write it as a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a topic model on labeled articles (JSON Lines, a folder, CSV, TSV or fastText).",
        discussion: """
        \(inputFormatDiscussion)

        Features are TF-IDF over scikit-learn's tokenization, with its option names, of the title read \
        --title-weight times (default 3) followed by the text. The classifier is \
        multinomial logistic regression minimizing ½‖W‖² + C·Σ log-loss, as scikit-learn does, fitted by \
        L-BFGS. Progress and the peak memory of each phase go to stderr.

        --c auto chooses C by stratified k-fold cross-validation on the training data only (--folds, default \
        3; --c-grid): in each fold the vectorizer is fitted on that fold's training \
        part, the C values are fitted in increasing order each from the previous solution, and folds run \
        in parallel. The table (C, mean accuracy, std, per fold) goes to stderr and into the model. \
        Calibration (on unless --no-calibrate) fits a temperature T on out-of-fold predictions at the \
        chosen C (with a given C, a --folds cross-validation at that C alone: about one more training's \
        wall time) and stores it in the model, so that confidences match accuracy.

        Several corpora with different labels: give each with --data and map their labels with --label-map \
        MAP, a TSV file of source-label<TAB>target-label lines (target - drops the label; # starts a \
        comment). A label the map does not name is an error (exit 65) unless --unmapped drop, which drops \
        its records and reports the count. --source-weight PATH=W weighs one input's documents W times in \
        the loss (e.g. a corpus of full articles among short headlines). The model records each input's \
        SHA-256 and label counts before and after mapping, the map, and the weights (lede inspect).

        \(multiLabelTrainDiscussion)
        """ + exitCodesHelp,
        subcommands: [TrainSummarizerCommand.self]
    )

    @Option(name: .long, help: "Training data (see --input-format). Repeat for several inputs.") var data: [String]
    @Option(name: [.short, .customLong("output")], help: "Where to write the model.") var output: String
    @Option(help: inputFormatHelp) var inputFormat: LabeledCorpusFormat?
    @OptionGroup var fields: LabeledFieldOptions

    @Option(help: "Word n-gram sizes, as LOW-HIGH (e.g. 1-2).")
    var ngramRange = NGramRange(TopicModelDefaults.ngramRange)
    @Option(help: "Ignore terms in fewer documents than this (a count, or a fraction if it has a point).")
    var minDf: TfidfOptions.DocumentFrequency = TopicModelDefaults.minDF
    @Option(help: "Ignore terms in more documents than this (a count, or a fraction if it has a point).")
    var maxDf: TfidfOptions.DocumentFrequency = .fraction(1)
    @Option(help: "Keep only the most frequent terms.") var maxFeatures: Int?
    @Flag(inversion: .prefixedNo, help: "Use 1 + log(count) for term frequency.") var sublinearTf: Bool = TopicModelDefaults.sublinearTF
    @Option(help: "Stop words: 'english' (Lede's list), 'none', or a file with one word per line.") var stopWords: String = "english"
    @Option(help: "Read each title this many times, then the text (1 reads them alike; at most 100).")
    var titleWeight: Int = TopicModelDefaults.titleWeight

    @Flag(help: "Train a multi-label (one-vs-rest) model, any number of labels per article; implied when the data has label sets.")
    var multiLabel = false
    @OptionGroup var search: CrossValidationOptions
    @Option(help: "Class weights: 'none' (every document counts once) or 'balanced' (every label weighs the same).")
    var classWeight: LogisticRegressionOptions.ClassWeight = .none
    @Option(help: "L-BFGS iterations at most.") var maxIterations: Int = 300
    @Option(help: "Stop when every gradient component (of the mean-scaled objective) is below this.") var tolerance: Double = 1e-4
    @OptionGroup var workers: ThreadsOption
    var threads: Int { workers.threads }

    @OptionGroup var mapping: LabelMapOptions
    @Option(help: ArgumentHelp("Weight every document of one --data input: PATH=W, PATH as given to --data (repeat per input; others weigh 1).",
                               valueName: "path=weight"))
    var sourceWeight: [String] = []
    @Option(help: "Held-out data (same formats as --data) scored after training.") var validation: String?
    @Option(help: "Hold out this fraction of the training data (stratified, fixed seed) and score it.") var holdout: Double?
    @Flag(help: "Skip bad records (reporting them) instead of stopping at the first.") var skipInvalid = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20

    func validate() throws {
        if let holdout, !(holdout > 0 && holdout < 1) { throw ValidationError("--holdout must be a fraction between 0 and 1") }
        if holdout != nil && validation != nil { throw ValidationError("give --holdout or --validation, not both") }
        if !(1...100).contains(titleWeight) { throw ValidationError("--title-weight must be a whole number from 1 to 100") }
        if !(tolerance.isFinite && tolerance >= 0) { throw ValidationError("--tolerance must be a number of 0 or more") }
        if maxIterations < 0 { throw ValidationError("--max-iterations must be 0 or more") }
        _ = try vectorizerSettings(stopWords: nil)
        _ = try sourceWeights()
    }

    /// `--source-weight` as input path → weight; each path must be one of --data, each weight positive.
    func sourceWeights() throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for item in sourceWeight {
            guard let equals = item.lastIndex(of: "="), let weight = Double(item[item.index(after: equals)...]),
                  weight > 0, weight.isFinite else {
                throw ValidationError("--source-weight must look like PATH=W with W a positive number, found \(item)")
            }
            let path = String(item[..<equals])
            guard data.contains(path) else { throw ValidationError("--source-weight names \(path), which is not a --data input") }
            guard weights.updateValue(weight, forKey: path) == nil else { throw ValidationError("--source-weight gives \(path) twice") }
        }
        return weights
    }

    func run() throws {
        try checkCanWrite(output)
        let recordFields = fields.resolved()
        let clock = PhaseClock()
        let labelMap = try mapping.read()
        let weightOf = try sourceWeights()
        var sources: [MappedSource] = []
        var sampleWeights: [Float]?
        var corpus: LabeledCorpus
        var holdoutCorpus: LabeledCorpus?
        if labelMap != nil || !weightOf.isEmpty {
            // Each input read on its own, for its digest, its counts and its weight (and --holdout taken
            // from each input, so that the weights stay with their documents).
            var parts: [LabeledCorpus] = [], heldParts: [LabeledCorpus] = []
            let names = Dictionary(zip(data, dataNames(data))) { a, _ in a }
            for path in data {
                let read = try readCorpus([path], format: inputFormat, recordFields, labelSeparator: fields.labelSeparator,
                                          skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes)
                let (part, source) = if let labelMap { try mapping.apply(labelMap, to: read, path: path, name: names[path]!) }
                                     else { (read, MappedSource(identity: read, name: names[path]!)) }
                sources.append(source)
                if let holdout {
                    let (kept, held) = StratifiedSplit.split(part, fraction: holdout, seed: 20261129)
                    parts.append(kept)
                    heldParts.append(held)
                } else {
                    parts.append(part)
                }
            }
            if holdout != nil {
                holdoutCorpus = LabeledCorpus(concatenating: heldParts)
                log("holding out \(holdoutCorpus!.count) documents (the fraction of each input)")
            }
            if !weightOf.isEmpty {
                sampleWeights = zip(data, parts).flatMap { path, part in repeatElement(Float(weightOf[path] ?? 1), count: part.count) }
            }
            corpus = LabeledCorpus(concatenating: parts)
            if corpus.count == 0 { throw Exit.fail(Exit.badData, "the label map leaves no records of \(data.joined(separator: ", "))") }
        } else {
            corpus = try readCorpus(data, format: inputFormat, recordFields, labelSeparator: fields.labelSeparator,
                                    skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes)
        }
        clock.phase("read \(corpus.count) documents from \(data.joined(separator: ", "))")

        if let holdout, holdoutCorpus == nil {
            (corpus, holdoutCorpus) = StratifiedSplit.split(corpus, fraction: holdout, seed: 20261129)
            log("holding out \(holdoutCorpus!.count) documents")
        }
        let (analyzer, tfidfOptions) = try vectorizerSettings(stopWords: try stopWordList())
        var options = LogisticRegressionOptions(
            c: TopicModelDefaults.c, classWeight: classWeight,
            maxIterations: maxIterations, tolerance: tolerance, threads: threads)
        var cSearch = TopicModelTrainer.CSearch.off
        switch search.c ?? .value(TopicModelDefaults.c) {
        case .auto: cSearch = .crossValidated(grid: try search.grid())
        case .value(let value): options.c = value
        }
        var trainer = TopicModelTrainer(
            vectorizer: TfidfVectorizer(analyzer: analyzer, options: tfidfOptions), options: options, cSearch: cSearch, folds: search.folds,
            calibration: search.calibration,
            titleWeight: titleWeight)
        trainer.multiLabel = multiLabel
        if case .value(let value)? = search.c { trainer.multiLabelC = value }
        var model: TopicModel
        do {
            model = try trainer.train(consume corpus, dataNames: dataNames(data),
                                      fields: recordFields, sampleWeights: sampleWeights) { report($0, clock: clock) }
        } catch {
            throw Exit.fail(Exit.badData, "\(error)")
        }
        if !sources.isEmpty { model.provenance.sources = sources }
        model.provenance.labelMap = labelMap?.pairs
        if !weightOf.isEmpty {
            let names = Dictionary(zip(data, dataNames(data))) { a, _ in a }
            model.provenance.sourceWeights = Dictionary(weightOf.map { (names[$0.key]!, $0.value) }) { a, _ in a }
        }

        let scored: (name: String, corpus: LabeledCorpus)? =
            if let holdoutCorpus { ("holdout_accuracy", holdoutCorpus) }
            else if let validation {
                ("validation_accuracy", try mapping.applyIfGiven(labelMap, to: readCorpus([validation], format: inputFormat, recordFields,
                                    labelSeparator: fields.labelSeparator, skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes), path: validation))
            }
            else { nil }
        if let scored, model.isMultiLabel {
            scoreMultiLabel(&model, scored.corpus, name: scored.name)
        } else if let scored {
            let metrics = evaluate(model, scored.corpus, threads: threads)
            model.provenance.scores[scored.name] = metrics.accuracy
            model.provenance.scores[scored.name.replacingOccurrences(of: "accuracy", with: "macro_f1")] = metrics.macroF1
            log("\(scored.name.replacingOccurrences(of: "_", with: " ")): \(String(format: "%.4f", metrics.accuracy)) on \(scored.corpus.count) documents (macro-F1 \(String(format: "%.4f", metrics.macroF1)))")
        }
        do { try ModelFile.save(model, to: output) } catch { throw Exit.fail(error) }
        clock.phase("wrote \(output)")
    }

    /// Prints a step of training on stderr: progress, the cross-validation's table, and each phase's time
    /// and peak memory.
    func report(_ event: TopicModelTrainer.Event, clock: PhaseClock) {
        switch event {
        case .calibrationSkipped(.rareLabels(let labels)):
            log("calibration skipped: labels with fewer documents than --folds (\(search.folds)): \(labels)")
        case .calibrationSkipped(.crossValidationFailed(let message)):
            log("calibration skipped: cross-validation failed: \(message)")
        case .labelsMissingFromFolds(let labels):
            log("warning: labels with fewer documents than folds are missing from some folds: \(labels)")
        case .crossValidationStarted(let grid, let folds):
            log("cross-validating: \(grid.count) C × \(folds) folds (stratified, training data only, vectorizer fitted per fold)")
        case .crossValidationProgress(let line):
            log("  " + line)
        case .crossValidated(let run):
            log(gridSearchTable(run.result))
            log(String(format: "cross-validation work, summed over folds: vectorizing %.1f s, training %.1f s", run.vectorizeSeconds, run.trainSeconds))
            if search.c == .auto { log("chosen: C = \(CChoice.value(run.result.chosenC))") }
            clock.phase("cross-validated: \(run.result.rows.count) C × \(search.folds) folds")
        case .vectorized(let rows, let columns, let entries, let invalidUTF8Count):
            if invalidUTF8Count > 0 { log("replaced \(invalidUTF8Count) ill-formed UTF-8 sequences with U+FFFD") }
            clock.phase("vectorized: \(rows) documents × \(columns) terms, \(entries) entries")
        case .iteration(let iteration, let objective, let gradient):
            if iteration % 10 == 0 { log("  iteration \(iteration): objective \(objective), largest gradient \(gradient)") }
        case .trained(let report):
            clock.phase("trained: \(report.iterations) iterations, \(report.stopReason), objective \(report.objective)")
            if !report.converged {
                log("warning: training stopped without converging (\(report.stopReason)); raise --max-iterations or --tolerance")
            }
        case .calibrated(let fit):
            log(String(format: "calibration: temperature %.3f; out-of-fold ECE %.4f → %.4f, log-loss %.4f → %.4f",
                       fit.temperature, fit.eceBefore, fit.eceAfter, fit.logLossBefore, fit.logLossAfter))
        case .multiLabel(let step):
            reportMultiLabel(step, clock: clock)
        }
    }

    /// The stop words `--stop-words` names; a file that cannot be read is an input error (exit 66 when
    /// missing, 74 when unreadable), and a line that is not UTF-8 is bad data (exit 65), naming file and line.
    func stopWordList() throws -> StopWords? {
        switch stopWords {
        case "none": return nil
        case "english": return .english
        default:
            var lines: [String] = []
            do {
                var reader = try LineReader(path: stopWords)
                try reader.forEachLine { line in
                    guard case .text(let bytes, let number) = line else { return true }
                    guard let text = String(validating: bytes, as: UTF8.self) else {
                        throw Exit.fail(Exit.badData, "\(stopWords):\(number): a stop word that is not UTF-8")
                    }
                    lines.append(text)
                    return true
                }
            } catch let error as InputError {
                throw Exit.fail(error)
            }
            return StopWords(wordList: lines)
        }
    }

    /// The analyzer and TF-IDF options the flags describe, with `stopWords` as the stop-word list (the
    /// flags are checked without reading the list when it is nil).
    func vectorizerSettings(stopWords words: StopWords?) throws -> (TextAnalyzer, TfidfOptions) {
        let analyzer = TextAnalyzer.scikitLearn(ngramRange: ngramRange.sizes, stopWords: words)
        let options = TfidfOptions(minDF: minDf, maxDF: maxDf, maxFeatures: maxFeatures, sublinearTF: sublinearTf)
        return (analyzer, options)
    }
}

extension LabeledCorpusFormat: ExpressibleByArgument {}

extension TfidfOptions.DocumentFrequency: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}

/// `--ngram-range LOW-HIGH` (or a single size), as word n-gram sizes.
struct NGramRange: ExpressibleByArgument {
    var sizes: ClosedRange<Int>
    init(_ sizes: ClosedRange<Int>) { self.sizes = sizes }
    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(parts.count), let low = parts.first!, let high = parts.last!, low >= 1, low <= high else { return nil }
        sizes = low...high
    }
    var defaultValueDescription: String { "\(sizes.lowerBound)-\(sizes.upperBound)" }
}
extension LogisticRegressionOptions.ClassWeight: ExpressibleByArgument, CaseIterable {
    public static var allCases: [Self] { [.none, .balanced] }
}

/// The help of `--input-format` (train and evaluate classifier).
let inputFormatHelp = ArgumentHelp(
    "Input format (default: detected from each path).",
    discussion: "A directory is folder; a name ending in .csv is csv, .tsv tsv, .ft or .fasttext fasttext; anything else jsonl. "
        + "Given, the format applies to every --data and --validation input.")

/// What train and evaluate classifier say about their input formats.
let inputFormatDiscussion = """
Inputs: JSON Lines (id, title, text, label fields); a folder of <label>/<name>.txt files; CSV or TSV \
with a header row naming the columns as the field flags do (RFC 4180 quoting in both, tab-separated \
for TSV); fastText lines (__label__NAME text, one label per line). --input-format picks the format, \
else it is detected from each path: a directory is folder, .csv csv, .tsv tsv, .ft or .fasttext \
fasttext, anything else jsonl.
"""

/// Reads a labeled corpus, turning failures into the exits and messages of docs/command-line.md.
func readCorpus(_ paths: [String], format: LabeledCorpusFormat? = nil, _ fields: RecordFields, labelSeparator: String = "|",
                skipInvalid: Bool = false, maxRecordBytes: Int = 16 << 20) throws -> LabeledCorpus {
    do {
        let corpus = try LabeledCorpus(paths: paths, format: format, fields: fields, labelSeparator: labelSeparator,
                                       skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes)
        for problem in corpus.skipped.prefix(20) { log("skipped: \(problem)") }
        if corpus.skipped.count > 20 { log("skipped \(corpus.skipped.count - 20) more bad records") }
        if corpus.count == 0 { throw Exit.fail(Exit.badData, "no labeled records in \(paths.joined(separator: ", "))") }
        return corpus
    } catch let error as InputError {
        throw Exit.fail(error)
    } catch let error as RecordError {
        throw Exit.fail(Exit.badData, "\(error) (use --skip-invalid to skip bad records)")
    } catch let error as InputFormatError {
        throw Exit.fail(Exit.badData, error.description)
    }
}

/// Scores a model on a labeled corpus.
func evaluate(_ model: TopicModel, _ corpus: LabeledCorpus, threads: Int) -> ClassificationMetrics {
    evaluate(model, corpus, probabilities: probabilities(model, corpus, threads: threads))
}

/// The model's probability rows (N×K) for a labeled corpus's documents.
func probabilities(_ model: TopicModel, _ corpus: LabeledCorpus, threads: Int) -> [Float] {
    model.probabilities(model.features(titles: corpus.titles, texts: corpus.texts, threads: threads), threads: threads)
}

/// Scores a model on a labeled corpus from its probability rows (see `probabilities(_:_:threads:)`).
func evaluate(_ model: TopicModel, _ corpus: LabeledCorpus, probabilities: [Float]) -> ClassificationMetrics {
    let index = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
    return ClassificationMetrics(labels: model.labels, truth: corpus.labels.map { index[$0] ?? -1 }, probabilities: probabilities)
}

/// The names inputs get in a model's provenance: each path's file name, or as many of its last path
/// components as it takes to tell it from the other inputs (`agnews/train.jsonl`, `bbc/train.jsonl`).
func dataNames(_ paths: [String]) -> [String] {
    let parts = paths.map { path in path.split(separator: "/").filter { $0 != "." }.map(String.init) }
    var depth = [Int](repeating: 1, count: paths.count)
    func name(_ i: Int) -> String { parts[i].suffix(depth[i]).joined(separator: "/") }
    while true {
        let clashing = paths.indices.filter { i in
            depth[i] < parts[i].count && paths.indices.contains { $0 != i && name($0) == name(i) && paths[$0] != paths[i] }
        }
        if clashing.isEmpty { break }
        for i in clashing { depth[i] += 1 }
    }
    return paths.indices.map(name)
}
