import ArgumentParser
import Foundation
import Lede

/// `lede train summarizer`: fit a learned sentence scorer on articles with human-written summaries.
struct TrainSummarizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede train summarizer",
        abstract: "Train a summarizer model on articles with reference summaries (JSON Lines with a summary field).",
        discussion: """
        Each article's candidate sentences get features from the TextRank graph (position, length, \
        PageRank, similarity to earlier and to later sentences, to the first sentence, quotes, questions); \
        a greedy ROUGE oracle picks the --oracle-sentences sentences that best match the reference \
        (ROUGE-1 + ROUGE-2 F1), and logistic regression learns to find them. Before the final fit, \
        --folds cross-validation by article (article i in fold i mod k) scores the recipe with ROUGE \
        against the first sentences (Lead) at --sentences; the figures go to stderr and into the model.
        """ + exitCodesHelp
    )

    @Option(name: .long, help: "Training data: JSON Lines with text and summary fields. Repeat for several inputs.") var data: [String]
    @Option(name: [.short, .customLong("output")], help: "Where to write the model.") var output: String
    @OptionGroup var fields: ReferenceFieldOptions
    @Option(help: "Logistic regression's C (½‖w‖² + C·Σ log-loss).") var c: Double = 1
    @Option(help: "Sentences the greedy ROUGE oracle picks per article (the positive examples).") var oracleSentences: Int = 2
    @Option(help: "Cross-validation folds before the final fit (0: none).") var folds: Int = 5
    @Option(help: "Summary length for the cross-validation's ROUGE, in sentences.") var sentences: Int = 3
    @OptionGroup var workers: ThreadsOption
    var threads: Int { workers.threads }

    func validate() throws {
        if !(c.isFinite && c > 0) { throw ValidationError("--c must be a positive number") }
        if !(1...20).contains(oracleSentences) { throw ValidationError("--oracle-sentences must be from 1 to 20") }
        if folds == 1 || folds < 0 { throw ValidationError("--folds must be 0 (none) or at least 2") }
        if sentences < 1 { throw ValidationError("--sentences must be at least 1") }
    }

    func run() throws {
        try checkCanWrite(output)
        let recordFields = fields.resolved()
        var examples: [SummaryExample] = []
        var digest = SHA256()
        for path in data {
            do {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                bytes.withUnsafeBytes { digest.update($0.bindMemory(to: UInt8.self)) }
            } catch {
                if !FileManager.default.fileExists(atPath: path) { throw Exit.fail(Exit.noInput, "\(path): no such file") }
                throw Exit.fail(Exit.ioError, "\(path): \(error.localizedDescription)")
            }
        }
        do {
            try ArticleReader(fields: recordFields).read(data) { record in
                let article = try record.get()
                guard let summary = article.summary, !summary.isEmpty else {
                    throw RecordError(.missingField, "no \"\(recordFields.summary)\" reference (set another with --summary-field)",
                                      line: article.line, source: data.count == 1 ? data[0] : nil)
                }
                examples.append(SummaryExample(text: article.text, reference: summary))
            }
        } catch let error as InputError {
            throw Exit.fail(error)
        } catch let error as RecordError {
            throw Exit.fail(Exit.badData, error.description)
        }
        guard !examples.isEmpty else { throw Exit.fail(Exit.badData, "no articles in \(data.joined(separator: ", "))") }
        if folds > examples.count { throw Exit.fail(Exit.badData, "\(examples.count) articles are too few for \(folds) folds; lower --folds") }

        var settings = SummarizerTrainingSettings()
        settings.c = c
        settings.oracleSentences = oracleSentences
        settings.threads = threads
        let clock = PhaseClock()
        let rows = try SummarizerTrainer.rows(examples, settings: settings)
        let sentenceCount = rows.reduce(0) { $0 + $1.count }
        let positives = rows.reduce(0) { $0 + $1.labels.reduce(0) { $0 + Int($1) } }
        clock.phase("features and oracle labels of \(examples.count) articles (\(sentenceCount) candidate sentences, \(positives) oracle picks)")
        guard positives > 0 && positives < sentenceCount else {
            throw Exit.fail(Exit.badData, "nothing to learn from: \(sentenceCount) candidate sentences, \(positives) of them matching "
                            + "the references; the articles need several sentences each and references that share words with them")
        }

        var crossValidation: SummarizerCrossValidation?
        if folds >= 2 {
            let cv = try SummarizerTrainer.crossValidate(examples, rows: rows, settings: settings, folds: folds, sentences: sentences)
            clock.phase("\(folds)-fold cross-validation")
            log("cross-validation, \(folds) folds by article, \(sentences) sentences:")
            log("system    ROUGE-1  ROUGE-2  ROUGE-L")
            log(String(format: "learned   %7.4f  %7.4f  %7.4f", cv.learned.rouge1, cv.learned.rouge2, cv.learned.rougeL))
            log(String(format: "Lead-%-3d  %7.4f  %7.4f  %7.4f", sentences, cv.lead.rouge1, cv.lead.rouge2, cv.lead.rougeL))
            crossValidation = cv
        }
        let scorer = SummarizerTrainer.fit(rows, features: settings.features, c: c, threads: threads)
        clock.phase("final fit")
        let formatter = ISO8601DateFormatter()
        let provenance = SummarizerProvenance(
            data: data, dataSHA256: digest.hexDigest(), articles: examples.count, sentences: sentenceCount, positives: positives,
            oracleSentences: oracleSentences, c: c, ledeVersion: LedeInfo.version, created: formatter.string(from: Date()),
            crossValidation: crossValidation)
        let model = SummarizerModel(scorer: scorer, settings: SummarizerModelSettings(settings.options), provenance: provenance)
        do { try SummarizerModelFile.save(model, to: output) } catch { throw Exit.fail(error) }
        log("wrote \(output): \(scorer.features.count) features " +
            zip(scorer.features, scorer.weights).map { "\($0.rawValue) " + String(format: "%+.3f", $1) }.joined(separator: ", "))
    }
}
