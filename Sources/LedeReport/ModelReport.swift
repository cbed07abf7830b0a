/// A topic model as one self-contained HTML page (`lede inspect --report`): each label's top terms as
/// a bar chart, then the vocabulary and analyzer settings, the training settings and where the data came from.
public struct ModelReport: Sendable {
    /// The terms that push hardest toward one label, best first, with their weights.
    public struct LabelTerms: Sendable, Equatable {
        public var label: String
        public var terms: [(term: String, weight: Double)]

        /// Creates one label's list.
        public init(label: String, terms: [(term: String, weight: Double)]) {
            self.label = label
            self.terms = terms
        }

        public static func == (a: LabelTerms, b: LabelTerms) -> Bool {
            a.label == b.label && a.terms.map(\.term) == b.terms.map(\.term) && a.terms.map(\.weight) == b.terms.map(\.weight)
        }
    }

    public var title: String
    public var subtitle: String
    /// The date the page carries; none when nil.
    public var date: String?
    public var generator: String
    /// The figures at the top (labels, vocabulary size, …).
    public var headline: [ReportFact]
    public var topTerms: [LabelTerms]
    /// Vocabulary and analyzer settings.
    public var features: [ReportFact]
    /// Training settings, data and outcome.
    public var provenance: [ReportFact]
    /// Further tables (sources and their label counts, the cross-validation grid).
    public var tables: [ReportTable]

    /// Creates a report from its parts.
    public init(title: String, subtitle: String, date: String?, generator: String, headline: [ReportFact],
                topTerms: [LabelTerms], features: [ReportFact], provenance: [ReportFact], tables: [ReportTable] = []) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.generator = generator
        self.headline = headline
        self.topTerms = topTerms
        self.features = features
        self.provenance = provenance
        self.tables = tables
    }

    /// The page.
    public func html() -> String {
        var page = ReportPage(title: title, subtitle: subtitle, date: date, generator: generator)
        page.section("Summary", id: "summary") { html in html.cards(headline) }
        if topTerms.contains(where: { !$0.terms.isEmpty }) {
            page.section("Top terms per label", id: "top-terms") { html in
                html.element("p", ["class": "note"], text: "For each label, the terms whose weights push a document hardest "
                    + "toward it, with the weight (the logistic regression's coefficient on the term's TF-IDF value); "
                    + "every chart has the same scale.")
                // One scale for every label, so that bars compare across charts.
                let largest = topTerms.flatMap { $0.terms.map(\.weight) }.max() ?? 1
                html.element("div", ["class": "grid"]) { html in
                    for (i, label) in topTerms.enumerated() {
                        var chart = BarChart(bars: label.terms.map {
                            BarChart.Bar(label: $0.term, value: $0.weight, valueText: NumberText.decimal($0.weight, 2))
                        })
                        chart.colour = Self.colour(i)
                        chart.width = 340
                        chart.scaleMaximum = largest
                        html.element("figure") { html in
                            html.element("figcaption", ["class": "label-name"], text: label.label)
                            html.element("div", ["class": "chart-box"]) { $0.markup(chart.svg(label: "Top terms of \(label.label)")) }
                        }
                    }
                }
                html.newline()
            }
        }
        page.section("Vocabulary and analyzer", id: "features") { html in html.facts(features) }
        page.section("Training", id: "training") { html in
            html.facts(provenance)
            for table in tables { html.table(table) }
        }
        return page.html()
    }

    /// The bar colour of the `i`th label: the Okabe–Ito colours dark enough for bars, in turn (each chart also names its label).
    static func colour(_ i: Int) -> String {
        let bars = [Palette.blue, Palette.vermilion, "#009E73", Palette.orange, "#CC79A7", "#56B4E9"]
        return bars[i % bars.count]
    }
}
