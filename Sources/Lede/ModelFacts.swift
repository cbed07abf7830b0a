import Foundation

/// What the reports say about a topic model: its features (vocabulary and analyzer), how it was
/// trained and on what, and the tables of its sources and cross-validation. Sorted wherever the model
/// holds a dictionary, so the same model gives the same report.
enum ModelFacts {
    /// The vocabulary and analyzer settings.
    static func features(_ model: TopicModel) -> [ReportFact] {
        let analyzer = model.tfidf.analyzer, options = model.tfidf.options
        let terms = analyzer.terms.summary
        let tokenizer: String = switch analyzer.tokenization {
        case .scikitLearn: "scikit-learn's"
        case .lede: "Lede's"
        }
        return [
            ReportFact("vocabulary", "\(NumberText.count(model.tfidf.vocabulary.count)) terms"),
            ReportFact("terms", terms),
            ReportFact("tokenizer", tokenizer),
            ReportFact("stop words", analyzer.stopWords.map { "\($0.count)" } ?? "none"),
            ReportFact("term frequency", options.sublinearTF ? "sublinear (1 + log tf)" : "raw counts"),
            ReportFact("row norm", options.norm.rawValue),
            ReportFact("input", "the title \(model.titleWeight == 1 ? "once" : "\(model.titleWeight) times"), then the text"),
        ]
    }

    /// Where the model came from, how it was trained, and the scores it recorded.
    static func provenance(_ model: TopicModel, name: String) -> [ReportFact] {
        let p = model.provenance
        var facts = [
            ReportFact("model", name),
            ReportFact("labels", "\(model.labels.count): " + model.labels.joined(separator: ", ")),
            ReportFact("trained", "\(p.createdAt) by Lede \(p.ledeVersion)"),
            ReportFact("training data", p.trainingData.joined(separator: ", ") + " (\(NumberText.count(p.documentCount)) documents)"),
            ReportFact("training data SHA-256", p.trainingDataSHA256),
            ReportFact("C", plain(p.c) + (p.cSearch.map { " (chosen by \($0.folds)-fold cross-validation)" } ?? "")),
            ReportFact("class weights", p.classWeight),
            ReportFact("optimizer", "L-BFGS, \(p.iterations) of at most \(p.maxIterations) iterations, tolerance \(plain(p.tolerance)); "
                       + "\(p.converged ? "converged" : "not converged") (\(p.stopReason)); objective \(NumberText.decimal(p.objective, 2))"),
            model.thresholds.map { thresholds in
                ReportFact("kind", "multi-label (one-vs-rest); thresholds " + zip(model.labels, thresholds)
                    .map { "\($0.0) \(NumberText.decimal(Double($0.1)))" }.joined(separator: ", ")
                    + (p.multiLabel?.thresholdRule == nil ? " (not calibrated)" : " (chosen by cross-validation)"))
            } ?? ReportFact("calibration", model.temperature == 1 ? "none (temperature 1)" : "temperature \(NumberText.decimal(model.temperature))"),
            ReportFact("fields", p.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
        ]
        if let weights = p.sourceWeights, !weights.isEmpty {
            facts.append(ReportFact("source weights", weights.sorted { $0.key < $1.key }.map { "\($0.key) \(plain($0.value))" }.joined(separator: ", ")))
        }
        if let map = p.labelMap {
            // Grouped by target: "world ← World, WORLD NEWS"; the dropped labels last.
            var sourcesOf: [String: [String]] = [:]
            for rule in map where rule.count == 2 { sourcesOf[rule[1], default: []].append(rule[0]) }
            let targets = sourcesOf.keys.filter { $0 != "-" }.sorted()
            var groups = targets.map { "\($0) ← " + sourcesOf[$0]!.joined(separator: ", ") }
            if let dropped = sourcesOf["-"] { groups.append("dropped: " + dropped.joined(separator: ", ")) }
            facts.append(ReportFact("label map", "\(map.count) rules. " + groups.joined(separator: "; ")))
        }
        if !p.scores.isEmpty {
            facts.append(ReportFact("recorded scores", p.scores.sorted { $0.key < $1.key }.map { "\($0.key) \(NumberText.decimal($0.value))" }.joined(separator: ", ")))
        }
        return facts
    }

    /// The model's sources with their label counts (when trained through a label map) and its C grid (when C was cross-validated).
    static func tables(_ model: TopicModel) -> [ReportTable] {
        var tables: [ReportTable] = []
        if let sources = model.provenance.sources, !sources.isEmpty {
            func counts(_ c: [String: Int]) -> String { c.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
            tables.append(ReportTable(caption: "Training sources, before and after the label map",
                                      columns: ["source", "SHA-256", "records", "dropped", "labels before mapping", "labels after mapping"],
                                      rows: sources.map { s in
                                          [s.name, String(s.sha256.prefix(16)) + "…", NumberText.count(s.recordCount),
                                           NumberText.count(s.droppedByMap + s.unmappedDropped), counts(s.labelCounts), counts(s.mappedCounts)]
                                      }, numericColumns: [2, 3]))
        }
        if let search = model.provenance.cSearch {
            let score = model.isMultiLabel ? "mean micro-F1" : "mean accuracy"
            tables.append(ReportTable(caption: "C by \(search.folds)-fold cross-validation (\(score); the chosen C is marked)",
                                      columns: ["C", score, "standard deviation", ""],
                                      rows: search.rows.map { row in
                                          [plain(row.c), NumberText.decimal(row.meanAccuracy), NumberText.decimal(row.std),
                                           row.c == search.chosenC ? "chosen" : ""]
                                      }, numericColumns: [0, 1, 2]))
        }
        return tables
    }

    /// A setting as people write it: "30", "0.5", "0.0001".
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
