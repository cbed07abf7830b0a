import Foundation

extension ClassifierReport {
    /// The report of a topic model's evaluation: `metrics` computed from `probabilities` (one row per
    /// document of `corpus`, in the model's label order), with the `pairs` most frequent confusions and
    /// up to `examplesPerPair` documents each (those the model was surest about). `modelName` and
    /// `dataNames` say what was evaluated on what; `date` is printed on each page when given.
    public init(model: TopicModel, modelName: String, corpus: LabeledCorpus, dataNames: [String], probabilities: [Float],
                metrics: ClassificationMetrics, date: String?, pairs: Int = 10, examplesPerPair: Int = 3) {
        let labels = model.labels, k = labels.count
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        // Each wrong document, grouped by (true, predicted), with the probability of the wrong label.
        var wrong: [Int: [(document: Int, confidence: Float)]] = [:]
        for (i, label) in corpus.labels.enumerated() {
            guard let truth = index[label] else { continue }
            let row = probabilities[i * k..<(i + 1) * k]
            let predicted = argmax(row)
            if predicted != truth { wrong[truth * k + predicted, default: []].append((i, row[i * k + predicted])) }
        }
        let support = metrics.perLabel.map(\.support)
        let confused = wrong.keys.sorted { wrong[$0]!.count != wrong[$1]!.count ? wrong[$0]!.count > wrong[$1]!.count : $0 < $1 }
            .prefix(pairs).map { key in
                let documents = wrong[key]!.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.document < $1.document }
                return ConfusedPair(trueLabel: labels[key / k], predictedLabel: labels[key % k], count: documents.count,
                                    trueLabelSupport: support[key / k],
                                    examples: documents.prefix(examplesPerPair).map { d in
                                        Example(id: corpus.ids[d.document] ?? "document \(d.document + 1)",
                                                title: Self.title(corpus, d.document), confidence: Double(d.confidence))
                                    })
            }
        let unknown = Set(corpus.labels).subtracting(labels).sorted()
        var data = [ReportFact("data", dataNames.joined(separator: ", ")),
                    ReportFact("SHA-256", corpus.sha256),
                    ReportFact("documents", NumberText.count(metrics.count))]
        if !unknown.isEmpty {
            data.append(ReportFact("labels the model does not know (counted as errors)", unknown.joined(separator: ", ")))
        }
        self.init(title: "Classifier evaluation: \(modelName)",
                  subtitle: "The topic model \(modelName) on \(dataNames.joined(separator: ", ")): \(NumberText.count(metrics.count)) documents, \(k) labels.",
                  date: date, generator: "Lede \(LedeInfo.version)",
                  headline: [ReportFact("documents", NumberText.count(metrics.count)),
                             ReportFact("accuracy", NumberText.decimal(metrics.accuracy)),
                             ReportFact("macro-F1", NumberText.decimal(metrics.macroF1)),
                             ReportFact("log-loss", NumberText.decimal(metrics.logLoss)),
                             ReportFact("ECE (calibration error)", NumberText.decimal(metrics.ece))],
                  labels: labels, confusion: metrics.confusion,
                  perLabel: metrics.perLabel.map { LabelScores(label: $0.label, precision: $0.precision, recall: $0.recall, f1: $0.f1, support: $0.support) },
                  calibration: metrics.reliability.map {
                      CalibrationBin(lower: $0.lower, upper: $0.upper, count: $0.count, meanConfidence: $0.meanConfidence, accuracy: $0.accuracy)
                  },
                  ece: metrics.ece, confusedPairs: Array(confused), data: data,
                  provenance: ModelFacts.provenance(model, name: modelName) + ModelFacts.features(model),
                  tables: ModelFacts.tables(model))
    }

    /// Document `i`'s title, or its text's first line when it has none, cut at 140 characters.
    static func title(_ corpus: LabeledCorpus, _ i: Int) -> String {
        let title = i < corpus.titles.count ? corpus.titles[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
        let line = title.isEmpty ? corpus.texts[i].split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? "" : title
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 140 ? trimmed : String(trimmed.prefix(139)) + "…"
    }
}
