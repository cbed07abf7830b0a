import Foundation
import Testing
import LedeTestSupport

/// Each report `lede` writes, opened from disk in headless Chromium: its charts are drawn (SVG elements,
/// the labels' names as text), nothing is fetched from the network, and the screenshot is not blank.
@Suite("HTML reports in headless Chromium", .serialized)
struct ReportBrowserTests {
    static let folder = TestFiles.url("report-browser")
    static let window = (width: 1200, height: 1600)

    /// Writes the report of `lede arguments… --report FILE` and returns the file.
    static func report(_ name: String, _ arguments: [String]) throws -> URL? {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        let result = try CommandRunner.run(arguments + ["--report", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.status == 0 ? file : nil
    }

    /// The size of a blank page's screenshot in the same window: a report's must be far larger.
    static func blankScreenshotSize(_ chromium: HeadlessChromium) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let blank = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>".utf8).write(to: blank)
        return try chromium.screenshot(blank, width: window.width, height: window.height).output.count
    }

    /// Renders `page` both ways and checks what every report must satisfy; returns the DOM.
    static func check(_ page: URL, _ chromium: HeadlessChromium, svgAtLeast: Int, texts: [String]) throws -> String {
        let shot = try chromium.screenshot(page, width: window.width, height: window.height)
        #expect(shot.pageRequests.isEmpty, "the page asked the network for \(shot.pageRequests)")
        let size = HeadlessChromium.pngSize(shot.output)
        #expect(size?.width == window.width && size?.height == window.height, "not a \(window.width)×\(window.height) PNG")
        let blank = try blankScreenshotSize(chromium)
        #expect(shot.output.count > 8 * blank, "the screenshot (\(shot.output.count) bytes) is hardly bigger than a blank page's (\(blank))")

        let dom = try chromium.dumpDOM(page)
        #expect(dom.pageRequests.isEmpty, "the page asked the network for \(dom.pageRequests)")
        let html = String(decoding: dom.output, as: UTF8.self)
        let svgCount = html.components(separatedBy: "<svg ").count - 1
        #expect(svgCount >= svgAtLeast, "\(svgCount) SVG charts in the DOM, expected at least \(svgAtLeast)")
        #expect(html.contains("<rect ") && html.contains("<text "))
        for text in texts { #expect(html.contains(text), "the DOM lacks \(text)") }
        // Nothing in the DOM points outside the file: no scripts, style sheets, images or frames, no remote URLs.
        let lower = html.lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "href=\"http"] {
            #expect(!lower.contains(forbidden), "the DOM has \(forbidden)")
        }
        return html
    }

    @Test("the classifier report: heat map and reliability diagram, every label named on the chart", .needsDatasets("bbc/test.jsonl"), .needsChromium)
    func classifier() throws {
        guard let chromium = HeadlessChromium.find(), let test = CommandRunner.dataset("bbc/test.jsonl"),
              let page = try Self.report("classifier.html", ["evaluate", "classifier", "--model", "bbc-topics", "--data", test]) else { return }
        let labels = ["business", "entertainment", "politics", "sport", "tech"]
        let dom = try Self.check(page, chromium, svgAtLeast: 2, texts: labels.map { ">\($0)</text>" } + ["Confusion matrix", "Calibration", "ECE"])
        // Each label names a row and a column of the heat map.
        for label in labels { #expect(dom.components(separatedBy: ">\(label)</text>").count - 1 >= 2, "\(label)") }
    }

    @Test("the summarizer report: three ROUGE histograms, the length scatter, articles with marked sentences", .needsDatasets("cnndm-dev/dev.jsonl"), .needsChromium)
    func summarizer() throws {
        guard let chromium = HeadlessChromium.find(), let dev = CommandRunner.dataset("cnndm-dev/dev.jsonl") else { return }
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let subset = Self.folder.appendingPathComponent("cnndm-120.jsonl")
        let lines = try String(contentsOfFile: dev, encoding: .utf8).split(separator: "\n").prefix(120)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: subset)
        guard let page = try Self.report("summarizer.html", ["evaluate", "summarizer", "--data", subset.path]) else { return }
        let dom = try Self.check(page, chromium, svgAtLeast: 4, texts: ["ROUGE-1 F1</text>", "ROUGE-2 F1</text>", "ROUGE-L F1</text>",
                                                                         "summary words</text>", "Best by ROUGE-2", "Worst by ROUGE-2"])
        #expect(dom.contains("<span class=\"picked"), "no picked sentence is marked")
        #expect(dom.contains("<sup class=\"tag\">R1</sup>"), "no reference sentence is marked")
    }

    @Test("the inspect report: one bar chart of top terms per label, each label named", .needsChromium)
    func inspect() throws {
        guard let chromium = HeadlessChromium.find(),
              let page = try Self.report("inspect.html", ["inspect", "news-topics"]) else { return }
        let labels = ["business", "entertainment", "politics", "science-tech", "sport", "world"]
        _ = try Self.check(page, chromium, svgAtLeast: labels.count, texts: labels.map { ">\($0)</figcaption>" } + ["Vocabulary and analyzer"])
    }

    @Test("the network check is not vacuous: a page that fetches an image and a style sheet is caught", .needsChromium)
    func networkCheckCatchesRequests() throws {
        guard let chromium = HeadlessChromium.find() else { return }
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let page = Self.folder.appendingPathComponent("fetching.html")
        try Data("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>fetches</title>
            <link rel="stylesheet" href="https://example.com/style.css"></head>
            <body><img src="http://example.org/picture.png" alt=""></body></html>
            """.utf8).write(to: page)
        let render = try chromium.dumpDOM(page)
        #expect(render.pageRequests.contains { $0.hasPrefix("https://example.com/style.css") }, "\(render.pageRequests)")
        #expect(render.pageRequests.contains { $0.hasPrefix("http://example.org/picture.png") }, "\(render.pageRequests)")
    }
}
