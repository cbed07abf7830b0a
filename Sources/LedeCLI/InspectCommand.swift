import ArgumentParser
import Foundation
import Lede

/// `lede inspect`: what a model file holds and where it came from.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a model's labels, vocabulary, settings, provenance, scores and top terms per label.",
        discussion: String(exitCodesHelp.dropFirst(2))
    )

    @Argument(help: "Model file or shipped model name (default: $LEDE_MODEL, else the shipped default, news-topics).") var modelArgument: String?
    @Option(name: [.customShort("m"), .customLong("model")], help: "The model, as with every other verb (the same as the argument).") var modelOption: String?
    /// The model asked for, by argument or by --model.
    var model: String? { modelOption ?? modelArgument }
    @Option(help: "Top terms to show per label.") var terms: Int = 10
    @Flag(help: "Print one JSON object instead of a report.") var json = false
    @Flag(help: "List the shipped models (name, labels, file), the default first; with --json one object per line.") var list = false
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if list && model != nil { throw ValidationError("give a model or --list, not both") }
        if list && report.report != nil { throw ValidationError("--report describes one model; it does not go with --list") }
        if modelOption != nil && modelArgument != nil { throw ValidationError("give the model once: as an argument or with --model") }
    }

    func run() throws {
        if list { return try listShipped() }
        try report.checkPath()
        let path = ModelLocation.resolve(model)
        let topicModel = try ModelLocation.load(model)
        let top = TopTerms.perLabel(topicModel, count: max(0, terms))
        let provenance = topicModel.provenance
        let analyzer = topicModel.tfidf.analyzer, options = topicModel.tfidf.options
        let ngrams = analyzer.terms.summary
        let tokenizer: String = switch analyzer.tokenization {
        case .scikitLearn: "scikit-learn"
        case .lede: "lede"
        }
        var out = StandardOutput()
        if json {
            struct Report: Encodable {
                var path: String, labels: [String], vocabulary_size: Int, tokenizer: String, terms: String
                var stop_words: Int, sublinear_tf: Bool, norm: String, provenance: ModelProvenance
                var top_terms: [String: [String]]
                var temperature: Double
                var title_weight: Int
                var multi_label: Bool
                var thresholds: [String: Float]?
            }
            let report = Report(path: path, labels: topicModel.labels, vocabulary_size: topicModel.tfidf.vocabulary.count,
                                tokenizer: tokenizer, terms: ngrams, stop_words: analyzer.stopWords?.count ?? 0,
                                sublinear_tf: options.sublinearTF, norm: options.norm.rawValue, provenance: provenance,
                                top_terms: Dictionary(uniqueKeysWithValues: top.map { ($0.label, $0.terms.map(\.term)) }),
                                temperature: topicModel.temperature, title_weight: topicModel.titleWeight,
                                multi_label: topicModel.isMultiLabel,
                                thresholds: topicModel.thresholds.map { Dictionary(uniqueKeysWithValues: zip(topicModel.labels, $0)) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            out.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
        } else {
            var lines = [
                "model: \(path)",
                "labels (\(topicModel.labels.count)): \(topicModel.labels.joined(separator: ", "))",
                "vocabulary: \(topicModel.tfidf.vocabulary.count) terms; \(tokenizer) tokenizer, \(ngrams), " +
                    "\(analyzer.stopWords.map { "\($0.count) stop words" } ?? "no stop words"), " +
                    "\(options.sublinearTF ? "sublinear" : "raw") tf, \(options.norm.rawValue) rows",
                "trained: Lede \(provenance.ledeVersion), \(provenance.createdAt), on \(provenance.documentCount) documents of " +
                    "\(provenance.trainingData.joined(separator: ", ")) (SHA-256 \(provenance.trainingDataSHA256.prefix(16))…)",
                "training: C = \(provenance.c), class weights \(provenance.classWeight), \(provenance.iterations) iterations, " +
                    "\(provenance.stopReason), objective \(String(format: "%.2f", provenance.objective))",
                "input: the title \(topicModel.titleWeight == 1 ? "once" : "\(topicModel.titleWeight) times"), then the text",
                "fields: " + provenance.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "),
            ]
            if let sources = provenance.sources {
                lines.append("sources:")
                for source in sources {
                    func counts(_ c: [String: Int]) -> String { c.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
                    let weight = provenance.sourceWeights?[source.name].map { ", weight \(CChoice.value($0))" } ?? ""
                    lines.append("  \(source.name) (SHA-256 \(source.sha256.prefix(16))…\(weight)): \(source.recordCount) records; "
                                 + "dropped by the map \(source.droppedByMap), unmapped dropped \(source.unmappedDropped)")
                    lines.append("    before mapping: " + counts(source.labelCounts))
                    lines.append("    after mapping: " + counts(source.mappedCounts))
                }
            }
            if let map = provenance.labelMap {
                lines.append("label map (\(map.count) rules): " + map.map { "\($0[0]) → \($0[1])" }.joined(separator: "; "))
            }
            if let search = provenance.cSearch {
                lines.append("C chosen by \(search.folds)-fold cross-validation (mean \(topicModel.isMultiLabel ? "micro-F1" : "accuracy")): " + search.rows.map {
                    "\(CChoice.value($0.c)) \(String(format: "%.4f", $0.meanAccuracy))\($0.c == search.chosenC ? " (chosen)" : "")"
                }.joined(separator: ", "))
            }
            if topicModel.isMultiLabel {
                lines += multiLabelLines(topicModel)
            } else {
                lines.append(topicModel.temperature == 1 ? "calibration: none (temperature 1)"
                                                         : "calibration: temperature \(String(format: "%.4f", topicModel.temperature))")
            }
            if !provenance.scores.isEmpty {
                lines.append("scores: " + provenance.scores.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.4f", $0.value))" }.joined(separator: ", "))
            }
            if terms > 0 {
                lines.append("top terms per label:")
                for (label, best) in top { lines.append("  \(label): " + best.map(\.term).joined(separator: ", ")) }
            }
            out.write(lines.joined(separator: "\n") + "\n")
        }
        out.flush()
        try report.write { ModelReport(model: topicModel, modelName: reportName(ofModelAt: path), termCount: terms, date: report.date).html() }
    }

    /// `--list`: the shipped models, the default first, each with its labels.
    func listShipped() throws {
        let all = ModelLocation.shippedModels()
        let shipped = all.filter { $0.name == ModelLocation.defaultName } + all.filter { $0.name != ModelLocation.defaultName }
        guard !shipped.isEmpty else {
            throw Exit.fail(Exit.noInput, "no shipped models found (looked in \(ModelLocation.candidateFolders().joined(separator: ", ")))")
        }
        var out = StandardOutput()
        for (name, path) in shipped {
            let isDefault = name == ModelLocation.defaultName
            let labels: [String]
            do { labels = try ModelFile.load(from: path).labels } catch {
                // A shipped summarizer model (lede summarize --summarizer) is listed as what it is.
                guard error.code == .notALedeModel, (try? SummarizerModelFile.load(from: path)) != nil else { throw Exit.fail(error) }
                if json {
                    out.write("{\"kind\":\"summarizer\",\"name\":\(JSONWriting.quoted(name)),\"path\":\(JSONWriting.quoted(path))}\n")
                } else {
                    out.write("\(name): a summarizer model, the default of summarize and process  [\(path)]\n")
                }
                continue
            }
            if json {
                struct Entry: Encodable { var name: String, path: String, labels: [String], `default`: Bool }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                out.write(String(decoding: try encoder.encode(Entry(name: name, path: path, labels: labels, default: isDefault)), as: UTF8.self) + "\n")
            } else {
                out.write("\(name)\(isDefault ? " (default)" : ""): \(labels.joined(separator: ", "))  [\(path)]\n")
            }
        }
        out.flush()
    }
}
