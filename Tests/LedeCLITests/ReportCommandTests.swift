import Foundation
import Testing
import LedeTestSupport

/// `--report` on evaluate classifier, evaluate summarizer and inspect: the file is written whole, the same
/// bytes for the same run, dated only when asked, and a path that cannot be written fails before any work.
@Suite("lede … --report FILE.html")
struct ReportCommandTests {
    static let folder = TestFiles.url("report-command")

    static func path(_ name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test("the same evaluation twice writes the same bytes; --report-date puts the date in", .needsDatasets("bbc/test.jsonl"))
    func deterministic() throws {
        guard let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let first = try Self.path("first.html"), second = try Self.path("second.html"), dated = try Self.path("dated.html")
        for file in [first, second] {
            let result = try CommandRunner.run(["evaluate", "classifier", "--model", "bbc-topics", "--data", test, "--report", file])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(!a.isEmpty && a == b)
        #expect(!String(decoding: a, as: UTF8.self).contains("class=\"date\""))
        let result = try CommandRunner.run(["evaluate", "classifier", "--model", "bbc-topics", "--data", test, "--report", dated,
                                            "--report-date", "2026-12-07"])
        #expect(result.status == 0)
        let html = try String(contentsOfFile: dated, encoding: .utf8)
        #expect(html.contains("<span class=\"date\">2026-12-07</span>"))
        // The report holds what the text report prints: the accuracy, and the most-confused pairs' examples.
        let text = try CommandRunner.run(["evaluate", "classifier", "--model", "bbc-topics", "--data", test, "--json"])
        let accuracy = try #require((try JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any])?["accuracy"] as? Double)
        #expect(html.contains(String(format: ">%.4f</div><div class=\"name\">accuracy<", accuracy)))
        #expect(html.contains("<span class=\"id\">"), "no example document ids")
    }

    @Test("a report path in a missing folder, or naming a folder, fails first with exit 74 and says where",
          .needsDatasets("bbc/test.jsonl"), arguments: [
        ["evaluate", "classifier", "--model", "bbc-topics", "--data", "DATA"],
        ["evaluate", "summarizer", "--data", "DATA"],
        ["inspect", "bbc-topics"],
    ])
    func badPath(arguments: [String]) throws {
        guard let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let command = arguments.map { $0 == "DATA" ? test : $0 }
        let missing = try Self.path("no-such-folder") + "/report.html"
        let result = try CommandRunner.run(command + ["--report", missing])
        #expect(result.status == 74)
        #expect(result.stderr.contains(missing) && result.stderr.contains("does not exist"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "the work ran before the path was checked")
        let folder = try CommandRunner.run(command + ["--report", Self.folder.path])
        #expect(folder.status == 74 && folder.stderr.contains("is a folder"), "\(folder.stderr)")
    }

    @Test("--report-date without --report is a usage error")
    func dateWithoutReport() throws {
        let result = try CommandRunner.run(["inspect", "bbc-topics", "--report-date", "2026-12-07"])
        #expect(result.status == 64 && result.stderr.contains("--report-date needs --report"), "\(result.stderr)")
    }

    @Test("on extractive references (BBC) the reference's sentences are marked in the article text", .needsDatasets("bbc/test.jsonl"))
    func extractiveMarks() throws {
        guard let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let subset = try Self.path("bbc-40.jsonl"), file = try Self.path("bbc-summaries.html")
        let lines = try String(contentsOfFile: test, encoding: .utf8).split(separator: "\n").prefix(40)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: subset))
        let result = try CommandRunner.run(["evaluate", "summarizer", "--data", subset, "--reference-length", "--report", file])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let marked = html.contains("of the article&#39;s own sentences, underlined below")
        let both = html.contains("<span class=\"picked ref\">"), sentenceScores = html.contains(">sentence F1<")
        #expect(marked, "no article says its reference is made of its sentences")
        #expect(both, "no sentence both picked and in the reference")
        #expect(sentenceScores, "no sentence F1")
    }
}
