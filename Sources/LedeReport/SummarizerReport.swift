/// A summarizer's evaluation as one self-contained HTML page: mean scores beside a baseline, the
/// distributions of ROUGE-1, ROUGE-2 and ROUGE-L over the articles, each summary's length against its
/// reference's, and a few articles (best, median and worst by ROUGE-2) with the picked sentences
/// highlighted and the reference's sentences marked. Plain values in, the same bytes out for the same values.
public struct SummarizerReport: Sendable {
    /// Mean scores of one system (Lede, or a baseline).
    public struct SystemScores: Sendable, Equatable {
        public var name: String
        public var rouge1: Double
        public var rouge2: Double
        public var rougeL: Double
        /// Sentence precision, recall and F1, when some references are made of the articles' sentences.
        public var sentencePrecision: Double?
        public var sentenceRecall: Double?
        public var sentenceF1: Double?

        /// Creates a row.
        public init(name: String, rouge1: Double, rouge2: Double, rougeL: Double,
                    sentencePrecision: Double? = nil, sentenceRecall: Double? = nil, sentenceF1: Double? = nil) {
            self.name = name
            self.rouge1 = rouge1
            self.rouge2 = rouge2
            self.rougeL = rougeL
            self.sentencePrecision = sentencePrecision
            self.sentenceRecall = sentenceRecall
            self.sentenceF1 = sentenceF1
        }
    }

    /// One article's scores and lengths.
    public struct ArticleScores: Sendable, Equatable {
        public var rouge1: Double
        public var rouge2: Double
        public var rougeL: Double
        /// Words in the summary, and in the reference.
        public var summaryWords: Int
        public var referenceWords: Int

        /// Creates one article's scores.
        public init(rouge1: Double, rouge2: Double, rougeL: Double, summaryWords: Int, referenceWords: Int) {
            self.rouge1 = rouge1
            self.rouge2 = rouge2
            self.rougeL = rougeL
            self.summaryWords = summaryWords
            self.referenceWords = referenceWords
        }
    }

    /// An article shown whole, with its sentences marked.
    public struct Example: Sendable, Equatable {
        /// Why it is shown ("best by ROUGE-2").
        public var heading: String
        public var id: String
        public var title: String
        public var text: String
        /// The text's sentences, as UTF-8 byte ranges in document order.
        public var sentences: [Range<Int>]
        /// Indices (into `sentences`) of the sentences the summarizer picked.
        public var picked: Set<Int>
        /// The reference summary's sentences.
        public var reference: [String]
        /// Whether the reference is made of the article's own sentences (then `referenceMarks` says which);
        /// otherwise `referenceMarks` holds the article sentence closest to each reference sentence.
        public var referenceIsExtractive: Bool
        /// Article sentence index → the reference sentences (0-based) it is, or is closest to.
        public var referenceMarks: [Int: [Int]]
        public var scores: ArticleScores

        /// Creates an example.
        public init(heading: String, id: String, title: String, text: String, sentences: [Range<Int>], picked: Set<Int>,
                    reference: [String], referenceIsExtractive: Bool, referenceMarks: [Int: [Int]], scores: ArticleScores) {
            self.heading = heading
            self.id = id
            self.title = title
            self.text = text
            self.sentences = sentences
            self.picked = picked
            self.reference = reference
            self.referenceIsExtractive = referenceIsExtractive
            self.referenceMarks = referenceMarks
            self.scores = scores
        }
    }

    public var title: String
    public var subtitle: String
    /// The date the page carries; none when nil.
    public var date: String?
    public var generator: String
    /// The figures at the top (articles, budget, …).
    public var headline: [ReportFact]
    /// Lede's mean scores, then the baselines'.
    public var systems: [SystemScores]
    /// Every article's scores, for the distributions.
    public var articles: [ArticleScores]
    /// The articles shown whole (see `exampleIndices(rouge2:)`).
    public var examples: [Example]
    /// The summarizer's settings and where its model came from.
    public var settings: [ReportFact]

    /// Creates a report from its parts.
    public init(title: String, subtitle: String, date: String?, generator: String, headline: [ReportFact],
                systems: [SystemScores], articles: [ArticleScores], examples: [Example], settings: [ReportFact]) {
        self.title = title
        self.subtitle = subtitle
        self.date = date
        self.generator = generator
        self.headline = headline
        self.systems = systems
        self.articles = articles
        self.examples = examples
        self.settings = settings
    }

    /// The most articles the length chart draws.
    public static let largestScatter = 5000

    /// Which articles to show, by their ROUGE-2: the best, the median and the worst, each with its
    /// heading; ties go to the earlier article, and an article is shown once.
    public static func exampleIndices(rouge2: [Double]) -> [(heading: String, index: Int)] {
        guard !rouge2.isEmpty else { return [] }
        let order = rouge2.indices.sorted { rouge2[$0] != rouge2[$1] ? rouge2[$0] > rouge2[$1] : $0 < $1 }
        var picked: [(String, Int)] = []
        for (heading, index) in [("Best by ROUGE-2", order[0]), ("Median by ROUGE-2", order[(order.count - 1) / 2]),
                                 ("Worst by ROUGE-2", order[order.count - 1])] where !picked.contains(where: { $0.1 == index }) {
            picked.append((heading, index))
        }
        return picked
    }

    /// The page.
    public func html() -> String {
        var page = ReportPage(title: title, subtitle: subtitle, date: date, generator: generator)
        page.section("Summary", id: "summary") { html in
            html.cards(headline)
            systemsTable(&html)
        }
        page.section("ROUGE over the articles", id: "distributions") { html in
            html.element("p", ["class": "note"], text: "Each article's ROUGE F1 against its reference, in bins of 0.05; "
                + "numbers: articles per bin.")
            for (name, values) in [("ROUGE-1", articles.map(\.rouge1)), ("ROUGE-2", articles.map(\.rouge2)), ("ROUGE-L", articles.map(\.rougeL))] {
                var histogram = Histogram(values: values)
                histogram.axisTitle = "\(name) F1"
                html.figure(histogram.svg(label: "\(name) distribution"), caption: nil)
            }
        }
        page.section("Summary length", id: "length") { html in
            let summary = articles.map(\.summaryWords).sorted(), reference = articles.map(\.referenceWords).sorted()
            func median(_ sorted: [Int]) -> String { sorted.isEmpty ? "—" : NumberText.count(sorted[(sorted.count - 1) / 2]) }
            html.element("p", ["class": "note"], text: "Each dot is an article: its summary's words across, its reference's up. "
                + "Median summary \(median(summary)) words, median reference \(median(reference)) words; dots under the "
                + "dashed line are summaries longer than their references.")
            // Beyond a few thousand dots the chart says no more and the file only grows: every k-th article then.
            let step = (articles.count + Self.largestScatter - 1) / Self.largestScatter
            if step > 1 {
                html.element("p", ["class": "note"], text: "One article in \(step) is drawn (\(NumberText.count((articles.count + step - 1) / step)) of \(NumberText.count(articles.count))).")
            }
            let drawn = stride(from: 0, to: articles.count, by: max(1, step)).map { articles[$0] }
            var plot = ScatterPlot(points: drawn.map { (Double($0.summaryWords), Double($0.referenceWords)) })
            plot.xTitle = "summary words"
            plot.yTitle = "reference words"
            html.figure(plot.svg(label: "Summary length against reference length"), caption: nil)
        }
        if !examples.isEmpty {
            page.section("Articles", id: "articles") { html in
                html.element("div", ["class": "legend"]) { html in
                    html.element("span", ["class": "picked"], text: "picked by the summarizer (bold, shaded)")
                    html.element("span", ["class": "ref"], text: "in the reference (underlined)")
                    html.element("span") { html in
                        html.element("sup", ["class": "tag"], text: "R2")
                        html.text(" the reference sentence it is, or is closest to")
                    }
                }
                for (i, example) in examples.enumerated() { articleView(&html, example, id: "article-\(i + 1)") }
            }
        }
        page.section("Settings", id: "settings") { html in html.facts(settings) }
        return page.html()
    }

    private func systemsTable(_ html: inout HTMLWriter) {
        let hasSentences = systems.contains { $0.sentenceF1 != nil }
        var columns = ["system", "ROUGE-1", "ROUGE-2", "ROUGE-L"]
        if hasSentences { columns += ["sentence P", "sentence R", "sentence F1"] }
        let rows = systems.map { system -> [String] in
            var row = [system.name, NumberText.decimal(system.rouge1), NumberText.decimal(system.rouge2), NumberText.decimal(system.rougeL)]
            if hasSentences {
                row += [system.sentencePrecision, system.sentenceRecall, system.sentenceF1].map { $0.map { NumberText.decimal($0) } ?? "—" }
            }
            return row
        }
        html.table(ReportTable(caption: "Mean F1 over the articles (ROUGE with Porter stemming, as Google's rouge-score)",
                               columns: columns, rows: rows, numericColumns: Set(1..<columns.count)))
    }
}
