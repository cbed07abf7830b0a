/// A classifier's evaluation as one self-contained HTML page: the headline numbers, the confusion
/// matrix as a heat map, precision, recall and F1 per label, the reliability diagram and its expected
/// calibration error, the most-confused pairs of labels with example documents, and where the model
/// came from. It takes plain values, so any evaluation can fill it; `html()` renders it, the same bytes
/// for the same values.
public struct ClassifierReport: Sendable {
    /// One label's scores on the evaluation data.
    public struct LabelScores: Sendable, Equatable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Documents that truly have the label.
        public var support: Int

        /// Creates one label's row.
        public init(label: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.label = label
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// One bin of the reliability diagram: the predictions whose top-label confidence fell in `(lower, upper]`.
    public struct CalibrationBin: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var count: Int
        public var meanConfidence: Double
        public var accuracy: Double

        /// Creates a bin.
        public init(lower: Double, upper: Double, count: Int, meanConfidence: Double, accuracy: Double) {
            self.lower = lower
            self.upper = upper
            self.count = count
            self.meanConfidence = meanConfidence
            self.accuracy = accuracy
        }
    }

    /// A document shown as an example of a confusion.
    public struct Example: Sendable, Equatable {
        /// Its id, or where it was read ("line 12") when it has none.
        public var id: String
        /// Its title (or first line).
        public var title: String
        /// The probability the model gave the wrong label.
        public var confidence: Double

        /// Creates an example.
        public init(id: String, title: String, confidence: Double) {
            self.id = id
            self.title = title
            self.confidence = confidence
        }
    }

    /// Documents of one label the model gave another.
    public struct ConfusedPair: Sendable, Equatable {
        public var trueLabel: String
        public var predictedLabel: String
        public var count: Int
        /// How many documents truly have `trueLabel`.
        public var trueLabelSupport: Int
        /// A few of them, most confidently wrong first.
        public var examples: [Example]

        /// Creates a pair.
        public init(trueLabel: String, predictedLabel: String, count: Int, trueLabelSupport: Int, examples: [Example]) {
            self.trueLabel = trueLabel
            self.predictedLabel = predictedLabel
            self.count = count
            self.trueLabelSupport = trueLabelSupport
            self.examples = examples
        }
    }

    public var title: String
    /// What was evaluated on what, under the title.
    public var subtitle: String
    /// The date the page carries; none when nil (so the same evaluation gives the same bytes).
    public var date: String?
    /// What made the report ("Lede 0.1.0").
    public var generator: String
    /// The figures at the top: documents, accuracy, macro-F1, log-loss, ECE, …
    public var headline: [ReportFact]
    /// The labels of the confusion matrix, in its order.
    public var labels: [String]
    /// `confusion[t][p]`: documents of true label t predicted as p; nil for a model without one (multi-label).
    public var confusion: [[Int]]?
    /// One row per label, in the order to show (any number of labels).
    public var perLabel: [LabelScores]
    /// The reliability table, when there is one.
    public var calibration: [CalibrationBin]
    /// Expected calibration error over `calibration`'s bins.
    public var ece: Double?
    /// The most frequent confusions, largest first.
    public var confusedPairs: [ConfusedPair]
    /// The evaluation data: names and digests.
    public var data: [ReportFact]
    /// The model: its file, training data and digest, settings, training date.
    public var provenance: [ReportFact]
    /// Further tables about the model (its sources, its cross-validation grid).
    public var tables: [ReportTable]

    /// The most labels the heat map draws; with more, it draws the ones most involved in confusions.
    public static let heatMapLabelLimit = 40

    /// Creates a report from its parts.
    public init(title: String, subtitle: String, date: String?, generator: String, headline: [ReportFact],
                labels: [String], confusion: [[Int]]?, perLabel: [LabelScores], calibration: [CalibrationBin], ece: Double?,
                confusedPairs: [ConfusedPair], data: [ReportFact], provenance: [ReportFact], tables: [ReportTable] = []) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.generator = generator
        self.headline = headline
        self.labels = labels
        self.confusion = confusion
        self.perLabel = perLabel
        self.calibration = calibration
        self.ece = ece
        self.confusedPairs = confusedPairs
        self.data = data
        self.provenance = provenance
        self.tables = tables
    }

    /// The page.
    public func html() -> String {
        var page = ReportPage(title: title, subtitle: subtitle, date: date, generator: generator)
        page.section("Summary", id: "summary") { html in
            html.cards(headline)
            if !data.isEmpty { html.facts(data, caption: "Evaluation data") }
        }
        if let confusion, !labels.isEmpty {
            page.section("Confusion matrix", id: "confusion") { html in confusionSection(&html, confusion) }
        }
        page.section("Scores per label", id: "per-label") { html in
            html.element("p", ["class": "note"], text: "Precision: of the documents given the label, the share that have it. "
                + "Recall: of the documents that have it, the share given it. F1: their harmonic mean; "
                + "bold where it is under 0.5. Support: documents that have the label.")
            html.labelScores(perLabel, lowF1: 0.5)
        }
        if !calibration.isEmpty {
            page.section("Calibration", id: "calibration") { html in
                let eceText = ece.map { "Expected calibration error (ECE): \(NumberText.decimal($0)). " } ?? ""
                html.element("p", text: eceText + "Predictions are put in bins by the probability of their top label; "
                    + "where a bin's bar (its accuracy) reaches its vermilion tick (its mean confidence), the model's "
                    + "probabilities can be read as chances. Bars under the ticks: over-confident; above: under-confident.")
                let diagram = ReliabilityDiagram(bins: calibration.map {
                    ReliabilityDiagram.Bin(lower: $0.lower, upper: $0.upper, count: $0.count, meanConfidence: $0.meanConfidence, accuracy: $0.accuracy)
                })
                html.figure(diagram.svg(label: "Reliability diagram"), caption: "\(calibration.count) equal-width bins of the top label's probability; "
                    + "numbers: each bin's accuracy (top) and its number of predictions (bottom).")
            }
        }
        if !confusedPairs.isEmpty {
            page.section("Most-confused labels", id: "confused") { html in confusedSection(&html) }
        }
        page.section("Model", id: "model") { html in
            html.facts(provenance)
            for table in tables { html.table(table) }
        }
        return page.html()
    }

    private func confusionSection(_ html: inout HTMLWriter, _ confusion: [[Int]]) {
        var shown = Array(labels.indices)
        if labels.count > Self.heatMapLabelLimit {
            // The labels with the most documents confused, either way.
            let errors = labels.indices.map { i in
                labels.indices.reduce(0) { sum, j in
                    i == j ? sum : sum + Self.cell(confusion, i, j) + Self.cell(confusion, j, i)
                }
            }
            shown = labels.indices.sorted { errors[$0] != errors[$1] ? errors[$0] > errors[$1] : $0 < $1 }
                .prefix(Self.heatMapLabelLimit).sorted()
            html.element("p", ["class": "note"], text: "The \(Self.heatMapLabelLimit) labels (of \(labels.count)) whose documents "
                + "are most often confused with others, in their usual order; the per-label table below has them all.")
        }
        let names = shown.map { labels[$0] }
        let counts = shown.map { r in shown.map { c in Self.cell(confusion, r, c) } }
        html.element("p", ["class": "note"], text: "Rows: the true label; columns: the label predicted. Each cell is a number "
            + "of documents, coloured by its share of the row (on a square-root scale, so that small shares differ too): "
            + "a row's dark cell is where most of its documents went; "
            + "the outlined diagonal holds the right answers.")
        html.figure(HeatMap(rowLabels: names, columnLabels: names, counts: counts).svg(label: "Confusion matrix"),
                    caption: nil, wide: true)
    }

    private static func cell(_ matrix: [[Int]], _ row: Int, _ column: Int) -> Int {
        row < matrix.count && column < matrix[row].count ? matrix[row][column] : 0
    }

    private func confusedSection(_ html: inout HTMLWriter) {
        html.element("p", ["class": "note"], text: "The pairs of labels confused most often, with the documents the model "
            + "was surest about; each line is a document's id, the probability given the wrong label, and its title.")
        html.element("table", ["class": "data confused"]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", ["scope": "col"], text: "true label")
                    html.element("th", ["scope": "col"], text: "predicted")
                    html.element("th", ["scope": "col", "class": "num"], text: "documents")
                    html.element("th", ["scope": "col"], text: "examples")
                }
            }
            html.element("tbody") { html in
                for pair in confusedPairs {
                    html.element("tr") { html in
                        html.element("td", text: pair.trueLabel)
                        html.element("td", text: pair.predictedLabel)
                        let share = pair.trueLabelSupport > 0 ? " (\(NumberText.percent(Double(pair.count) / Double(pair.trueLabelSupport))))" : ""
                        html.element("td", ["class": "num"], text: NumberText.count(pair.count) + share)
                        html.element("td") { html in
                            html.element("ul", ["class": "examples"]) { html in
                                for example in pair.examples {
                                    html.element("li") { html in
                                        html.element("span", ["class": "id"], text: example.id)
                                        html.text(" · \(NumberText.decimal(example.confidence, 2)) · ")
                                        html.text(example.title)
                                    }
                                }
                            }
                        }
                    }
                    html.newline()
                }
            }
        }
        html.newline()
    }
}
