import ArgumentParser
import Foundation
import Lede

/// `lede train`: fit a topic model on a labeled corpus and write it as a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a topic model on labeled articles (JSON Lines with a label field).",
        discussion: """
        Features are TF-IDF over scikit-learn's tokenization, with its option names. The classifier is \
        multinomial logistic regression minimizing ½‖W‖² + C·Σ log-loss, as scikit-learn does, fitted by \
        L-BFGS. Progress and the peak memory of each phase go to stderr.
        """
    )

    @Option(name: .long, help: "Training data (JSON Lines). Repeat for several files.") var data: [String]
    @Option(name: [.short, .customLong("output")], help: "Where to write the model.") var output: String
    @OptionGroup var fields: FieldOptions

    @Option(help: "Word n-gram sizes, as LOW-HIGH (e.g. 1-2).") var ngramRange: String = "1-2"
    @Option(help: "Ignore terms in fewer documents than this (a count, or a fraction if it has a point).") var minDf: String = "2"
    @Option(help: "Ignore terms in more documents than this (a count, or a fraction if it has a point).") var maxDf: String = "1.0"
    @Option(help: "Keep only the most frequent terms.") var maxFeatures: Int?
    @Flag(inversion: .prefixedNo, help: "Use 1 + log(count) for term frequency.") var sublinearTf: Bool = true
    @Option(help: "Stop words: 'english' (Lede's list), 'none', or a file with one word per line.") var stopWords: String = "english"

    @Option(name: .customLong("c"), help: "Inverse regularization strength C.") var c: Double = TopicModelDefaults.c
    @Option(help: "Class weights: 'none' or 'balanced'.") var classWeight: String = "none"
    @Option(help: "L-BFGS iterations at most.") var maxIterations: Int = 300
    @Option(help: "Stop when every gradient component (of the mean-scaled objective) is below this.") var tolerance: Double = 1e-4
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Held-out data (JSON Lines) scored after training.") var validation: String?
    @Option(help: "Hold out this fraction of the training data (stratified, fixed seed) and score it.") var holdout: Double?
    @Flag(help: "Skip bad records (reporting them) instead of stopping at the first.") var skipInvalid = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20

    func validate() throws {
        if let holdout, !(holdout > 0 && holdout < 1) { throw ValidationError("--holdout must be a fraction between 0 and 1") }
        if holdout != nil && validation != nil { throw ValidationError("give --holdout or --validation, not both") }
        if !(c > 0) { throw ValidationError("--c must be positive") }
        if !["none", "balanced"].contains(classWeight) { throw ValidationError("--class-weight must be 'none' or 'balanced'") }
        _ = try vectorizerSettings()
    }

    func run() throws {
        let recordFields = fields.resolved()
        let clock = PhaseClock()
        var corpus = try readCorpus(data, recordFields)
        clock.phase("read \(corpus.count) documents from \(data.joined(separator: ", "))")

        var holdoutCorpus: LabeledCorpus?
        if let holdout {
            (corpus, holdoutCorpus) = StratifiedSplit.split(corpus, fraction: holdout, seed: 20261129)
            log("holding out \(holdoutCorpus!.count) documents")
        }
        let labelNames = corpus.labelNames
        guard labelNames.count >= 2 else {
            throw Exit.fail(Exit.badData, "training needs at least two labels, found \(labelNames)")
        }
        let (analyzer, tfidfOptions) = try vectorizerSettings()
        let fit: TfidfFit
        do { fit = try TfidfVectorizer(analyzer: analyzer, options: tfidfOptions).fitTransform(documents: corpus.texts, threads: threads) } catch {
            throw Exit.fail(Exit.badData, "\(error)")
        }
        if fit.invalidUTF8Count > 0 { log("replaced \(fit.invalidUTF8Count) ill-formed UTF-8 sequences with U+FFFD") }
        clock.phase("vectorized: \(fit.matrix.rowCount) documents × \(fit.matrix.columnCount) terms, \(fit.matrix.entryCount) entries")

        let index = Dictionary(uniqueKeysWithValues: labelNames.enumerated().map { ($1, Int32($0)) })
        let options = LogisticRegressionOptions(
            c: c, classWeight: classWeight == "balanced" ? .balanced : .none,
            maxIterations: maxIterations, tolerance: tolerance, threads: threads)
        let labels = corpus.labels.map { index[$0]! }
        let trainingTexts = (count: corpus.count, sha: corpus.sha256)
        corpus.texts = []  // the matrix holds what training needs
        let (classifier, report) = LogisticRegression.train(
            matrix: fit.matrix, labels: labels, labelNames: labelNames, options: options
        ) { iteration, objective, gradient in
            if iteration % 10 == 0 { log("  iteration \(iteration): objective \(objective), largest gradient \(gradient)") }
        }
        clock.phase("trained: \(report.iterations) iterations, \(report.stopReason), objective \(report.objective)")
        if !report.converged {
            log("warning: training stopped without converging (\(report.stopReason)); raise --max-iterations or --tolerance")
        }

        let provenance = ModelProvenance(
            ledeVersion: LedeInfo.version, createdAt: ISO8601DateFormatter().string(from: Date()),
            trainingData: data.map { URL(fileURLWithPath: $0).lastPathComponent }, trainingDataSHA256: trainingTexts.sha,
            documentCount: trainingTexts.count, fields: recordFields.dictionary, options: options, report: report)
        var model = TopicModel(tfidf: fit.model, classifier: classifier, provenance: provenance)

        let scored: (name: String, corpus: LabeledCorpus)? =
            if let holdoutCorpus { ("holdout_accuracy", holdoutCorpus) }
            else if let validation { ("validation_accuracy", try readCorpus([validation], recordFields)) }
            else { nil }
        if let scored {
            let metrics = evaluate(model, scored.corpus, threads: threads)
            model.provenance.scores[scored.name] = metrics.accuracy
            model.provenance.scores[scored.name.replacingOccurrences(of: "accuracy", with: "macro_f1")] = metrics.macroF1
            log("\(scored.name.replacingOccurrences(of: "_", with: " ")): \(String(format: "%.4f", metrics.accuracy)) on \(scored.corpus.count) documents (macro-F1 \(String(format: "%.4f", metrics.macroF1)))")
        }
        do { try ModelFile.save(model, to: output) } catch { throw Exit.fail(error) }
        clock.phase("wrote \(output)")
    }

    /// The analyzer and TF-IDF options the flags describe.
    func vectorizerSettings() throws -> (TextAnalyzer, TfidfOptions) {
        let parts = ngramRange.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 || parts.count == 1, parts.allSatisfy({ $0 >= 1 }), parts.first! <= parts.last! else {
            throw ValidationError("--ngram-range must look like 1-2")
        }
        func bound(_ text: String, _ flag: String) throws -> TfidfOptions.DocumentFrequency {
            if text.contains("."), let f = Double(text), f >= 0, f <= 1 { return .fraction(f) }
            if let n = Int(text), n >= 0 { return .count(n) }
            throw ValidationError("\(flag) must be a count like 2 or a fraction like 0.5")
        }
        var words: StopWords?
        if stopWords != "none" {
            if stopWords == "english" { words = .english } else {
                do { words = try StopWords(contentsOfFile: stopWords) } catch {
                    throw ValidationError("cannot read stop words from \(stopWords): \(error)")
                }
            }
        }
        let analyzer = TextAnalyzer.scikitLearn(ngramRange: parts.first!...parts.last!, stopWords: words)
        let options = TfidfOptions(minDF: try bound(minDf, "--min-df"), maxDF: try bound(maxDf, "--max-df"),
                                   maxFeatures: maxFeatures, sublinearTF: sublinearTf)
        return (analyzer, options)
    }
}

/// Reads a labeled corpus, turning failures into BRIEF §8's exits and messages.
func readCorpus(_ paths: [String], _ fields: RecordFields, skipInvalid: Bool = false, maxRecordBytes: Int = 16 << 20) throws -> LabeledCorpus {
    do {
        let corpus = try LabeledCorpus(paths: paths, fields: fields, skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes)
        for problem in corpus.skipped.prefix(20) { log("skipped: \(problem)") }
        if corpus.skipped.count > 20 { log("skipped \(corpus.skipped.count - 20) more bad records") }
        if corpus.count == 0 { throw Exit.fail(Exit.badData, "no labeled records in \(paths.joined(separator: ", "))") }
        return corpus
    } catch let error as InputError {
        throw Exit.fail(error)
    } catch let error as RecordError {
        throw Exit.fail(Exit.badData, "\(error) (use --skip-invalid to skip bad records)")
    }
}

/// Scores a model on a labeled corpus.
func evaluate(_ model: TopicModel, _ corpus: LabeledCorpus, threads: Int) -> ClassificationMetrics {
    let index = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
    return ClassificationMetrics(labels: model.labels, truth: corpus.labels.map { index[$0] ?? -1 },
                                 probabilities: model.probabilities(of: corpus.texts, threads: threads))
}
