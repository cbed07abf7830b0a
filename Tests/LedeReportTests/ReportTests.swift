import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LedeReport

@Suite("Reports: self-contained, deterministic, well-formed pages")
struct ReportTests {
    static let kinds = ["classifier", "summarizer", "model"]

    static func page(_ kind: String) -> String {
        switch kind {
        case "classifier": ReportSamples.classifier().html()
        case "summarizer": ReportSamples.summarizer().html()
        default: ReportSamples.model().html()
        }
    }

    @Test("the same report twice is the same bytes", arguments: kinds)
    func deterministic(kind: String) {
        #expect(Array(Self.page(kind).utf8) == Array(Self.page(kind).utf8))
    }

    @Test("a dictionary's insertion order does not change the bytes")
    func dictionaryOrder() {
        var marks: [Int: [Int]] = [:]
        marks[2] = [1]
        marks[0] = [0]
        var reversed: [Int: [Int]] = [:]
        reversed[0] = [0]
        reversed[2] = [1]
        #expect(ReportSamples.summarizer(marks: marks).html() == ReportSamples.summarizer(marks: reversed).html())
    }

    @Test("every page is well-formed XML (so every element is closed and every character escaped)", arguments: kinds)
    func wellFormed(kind: String) {
        let html = Self.page(kind)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(kind): \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    }

    @Test("nothing in a page is fetched or run: no script, no link, no image, no external URL", arguments: kinds)
    func selfContained(kind: String) {
        let html = Self.page(kind).lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "url(", "@import", "src=", "href=\"http", "javascript:"] {
            #expect(!html.contains(forbidden), "\(kind) contains \(forbidden)")
        }
        // The only URL is SVG's namespace name, which no browser fetches.
        let urls = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("http://www.w3.org/2000/svg\"") }, "\(urls)")
    }

    @Test("text from the data is escaped wherever it lands")
    func escapedData() {
        let html = ReportSamples.classifier().html()
        #expect(!html.contains("<government>") && html.contains("politics &amp; &lt;government&gt;"))
        #expect(html.contains("Tsunami &lt;debt&gt; deal &amp; &quot;more&quot;"))
        #expect(html.contains("<title>Classifier evaluation: &lt;sample&gt;</title>"))
        // In the print rules, the title is a CSS string.
        #expect(html.contains("@top-left { content: \"Classifier evaluation: \\3C sample\\3E \";"))
    }

    @Test("the date is on the page and in each printed page's margin when given, and nowhere when not")
    func date() {
        let dated = ReportSamples.classifier(date: "2026-12-07").html()
        #expect(dated.contains("<span class=\"date\">2026-12-07</span>"))
        #expect(dated.contains("@top-right { content: \"2026-12-07\";"))
        let undated = ReportSamples.classifier(date: nil).html()
        #expect(!undated.contains("class=\"date\"") && !undated.contains("@top-right"))
        #expect(!undated.contains("2026"))
    }

    @Test("the confusion matrix writes every count in its cell and every label on both axes")
    func heatMap() {
        let report = ReportSamples.classifier()
        let svg = HeatMap(rowLabels: report.labels, columnLabels: report.labels, counts: report.confusion!).svg(label: "m")
        for label in report.labels {
            // Once as a row label and once as a column label.
            #expect(svg.components(separatedBy: ">\(Markup.escape(label))</text>").count - 1 == 2, "\(label)")
        }
        for (r, row) in report.confusion!.enumerated() {
            for count in row where count > 0 { #expect(svg.contains(">\(count)</text>")) }
            #expect(svg.contains("font-weight=\"bold\" dy=\"0.35em\">\(row[r])</text>"), "the diagonal's count is bold")
        }
        let zeroWritten = svg.contains(">0</text>")
        #expect(!zeroWritten, "empty cells stay blank")
    }

    @Test("the per-label table takes any number of labels; the heat map draws the 40 most confused of many", arguments: [5, 20, 100])
    func manyLabels(count: Int) {
        let html = ReportSamples.classifier(labelCount: count).html()
        let table = html.components(separatedBy: "<table class=\"data per-label\">")[1].components(separatedBy: "</table>")[0]
        #expect(table.components(separatedBy: "<tr>").count - 1 == count + 1)
        let heatMap = html.components(separatedBy: "aria-label=\"Confusion matrix\"")[1].components(separatedBy: "</svg>")[0]
        let drawn = min(count, ClassifierReport.heatMapLabelLimit)
        #expect(heatMap.components(separatedBy: "stroke=\"#000000\" stroke-width=\"1.5\"").count - 1 == drawn, "one outlined diagonal cell per label drawn")
        #expect(html.contains("labels (of \(count))") == (count > ClassifierReport.heatMapLabelLimit))
    }

    @Test("a multi-label report without a confusion matrix has no heat map but every label's scores")
    func noConfusion() {
        let html = ReportSamples.classifier(labelCount: 100, confusion: false).html()
        #expect(!html.contains("Confusion matrix"))
        #expect(html.contains(">label-99</td>"))
    }

    @Test("picked sentences are shaded, the reference's tagged with their number, the text between kept")
    func articleMarks() {
        let html = ReportSamples.summarizer().html()
        #expect(html.contains("<span class=\"picked ref\">Shares rose &lt;sharply&gt; today.</span><sup class=\"tag\">R1</sup>"))
        #expect(html.contains("<span class=\"picked\">The bank &amp; its rivals gained.</span> <span class=\"ref\">Analysts were surprised.</span><sup class=\"tag\">R2</sup> Nothing else happened."))
        #expect(html.contains("<li>Analysts were surprised.</li>"))
    }

    @Test("best, median and worst by ROUGE-2, each once, ties to the earlier article")
    func examples() {
        let picked = SummarizerReport.exampleIndices(rouge2: [0.2, 0.5, 0.1, 0.3, 0.5])
        #expect(picked.map(\.index) == [1, 3, 2])
        #expect(picked.map(\.heading) == ["Best by ROUGE-2", "Median by ROUGE-2", "Worst by ROUGE-2"])
        #expect(SummarizerReport.exampleIndices(rouge2: [0.4]).map(\.index) == [0])
        #expect(SummarizerReport.exampleIndices(rouge2: [0.4, 0.1]).map(\.index) == [0, 1])
        #expect(SummarizerReport.exampleIndices(rouge2: []).isEmpty)
    }

    @Test("the histogram puts each value in its bin, the upper end in the last")
    func histogram() {
        var histogram = Histogram(values: [0, 0.04, 0.05, 0.5, 0.99, 1, .nan])
        histogram.binCount = 20
        var expected = [Int](repeating: 0, count: 20)
        expected[0] = 2
        expected[1] = 1
        expected[10] = 1
        expected[19] = 2
        #expect(histogram.counts == expected)
    }

    @Test("top-term charts name every term and write every weight")
    func topTerms() {
        let html = ReportSamples.model().html()
        for text in ["&lt;goal&gt;", "phone &amp; tablet", ">10.90</text>", ">6.20</text>", ">sport</figcaption>"] {
            #expect(html.contains(text), "\(text)")
        }
    }

    @Test("the length chart draws at most a few thousand dots, and says so when it draws fewer than all")
    func scatterSample() {
        var report = ReportSamples.summarizer()
        report.articles = (0..<12_001).map { i in
            SummarizerReport.ArticleScores(rouge1: 0.3, rouge2: 0.1, rougeL: 0.2, summaryWords: 50 + i % 40, referenceWords: 30 + i % 25)
        }
        let html = report.html()
        let dots = html.components(separatedBy: "<circle ").count - 1
        #expect(dots == 4001 && dots <= SummarizerReport.largestScatter)
        #expect(html.contains("One article in 3 is drawn (4\u{202F}001 of 12\u{202F}001)."))
    }
}
