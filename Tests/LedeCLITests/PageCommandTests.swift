import Foundation
import Testing
import LedeTestSupport

/// Pages in: `lede extract` on HTML files, folders, JSON Lines and pages saved as text, and the reading
/// verbs on the same pages (`--input-format html`, boilerplate removal with `--input-format text`).
@Suite("lede extract and pages into the reading verbs", .serialized)
struct PageCommandTests {
    /// A small news page written for these tests: navigation, a headline, a byline, a caption, the
    /// article's paragraphs, a newsletter box, related links and a footer.
    static let page = """
    <!DOCTYPE html>
    <html lang="en-GB"><head><meta charset="utf-8">
    <title>Harbour towns vote on sea wall plan | The Coastal Courier</title>
    <meta property="og:title" content="Harbour towns vote on sea wall plan">
    <meta property="article:published_time" content="2026-11-30T08:15:00Z">
    <link rel="canonical" href="https://courier.example/news/sea-wall-vote">
    <script>var tracking = "Skip to content";</script><style>p { color: red }</style>
    </head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <article>
    <h1>Harbour towns vote on sea wall plan</h1>
    <p class="byline">By Ana Ribeiro, Coast correspondent</p>
    <figure><img src="wall.jpg"><figcaption>The old wall at Eastpoint. Photo: Coastal Courier</figcaption></figure>
    <p>Residents of three harbour towns voted on Sunday to back a new sea wall, ending a dispute that has run for almost a decade between the towns and the regional council.</p>
    <p>The plan, which will cost about £48m, raises the existing defences by two metres and adds floodgates at the mouth of the river. Supporters said storms had breached the old wall four times since 2019.</p>
    <p>Opponents argued the money would be better spent moving the most exposed homes inland, and said the council had not consulted fishermen about the floodgates &amp; their effect on the harbour.</p>
    <p>Work is expected to begin next spring and to take three years, the council said in a statement after the count.</p>
    </article>
    <aside class="newsletter"><h2>Sign up to our morning briefing</h2><p>Get the day's top stories in your inbox every morning.</p></aside>
    <section class="related"><h2>Related stories</h2><ul><li><a href="/a">Council budget approved</a></li><li><a href="/b">Storm damage in pictures</a></li></ul></section>
    <footer><p>© 2026 The Coastal Courier. All rights reserved.</p></footer>
    </body></html>
    """

    /// The same story as a page saved as text, boilerplate and all.
    static let textPage = """
    Skip to content
    Home
    News
    Sport
    Harbour towns vote on sea wall plan
    By Ana Ribeiro, Coast correspondent
    Image: The old wall at Eastpoint. Photo: Coastal Courier
    Residents of three harbour towns voted on Sunday to back a new sea wall, ending a dispute that has run for almost a decade between the towns and the regional council.
    The plan, which will cost about £48m, raises the existing defences by two metres and adds floodgates at the mouth of the river. Supporters said storms had breached the old wall four times since 2019.
    Opponents argued the money would be better spent moving the most exposed homes inland, and said the council had not consulted fishermen about the floodgates and their effect on the harbour.
    Work is expected to begin next spring and to take three years, the council said in a statement after the count.
    Sign up to our morning briefing
    Get the day's top stories in your inbox every morning.
    Related stories
    Council budget approved
    Storm damage in pictures
    © 2026 The Coastal Courier. All rights reserved.

    """

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-pages-cli-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = directory.appendingPathComponent(name).path
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("extract from an HTML file: headline, body without the furniture, date, language, URL")
    func extractHTMLFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = write("sea-wall.html", Self.page)
        let result = try CommandRunner.run(["extract", "--input-format", "html", path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        try #require(records.count == 1)
        let record = records[0]
        #expect(record["id"] as? String == "sea-wall")
        #expect(record["title"] as? String == "Harbour towns vote on sea wall plan")
        #expect(record["date"] as? String == "2026-11-30T08:15:00Z")
        #expect(record["language"] as? String == "en-GB")
        #expect(record["url"] as? String == "https://courier.example/news/sea-wall-vote")
        let text = try #require(record["text"] as? String)
        #expect(text.hasPrefix("Residents of three harbour towns voted on Sunday"))
        #expect(text.contains("the floodgates & their effect"))
        #expect(text.contains("\n\nThe plan, which will cost about £48m"))
        for furniture in ["Skip to content", "Home", "Sign up", "Related stories", "Photo: Coastal Courier", "All rights reserved", "color: red"] {
            #expect(!text.contains(furniture), "kept \(furniture)")
        }
    }

    @Test("extract reads a folder's .html and .htm files in name order, JSON Lines pages, and says when a folder has none")
    func extractFolderAndJSONLines() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = write("site/b.htm", Self.page)
        _ = write("site/a.HTML", Self.page)
        _ = write("site/notes.txt", "not a page")
        let folder = try CommandRunner.run(["extract", "--input-format", "html", directory.appendingPathComponent("site").path])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(try Self.records(folder.stdout).map { $0["id"] as? String } == ["a", "b"])

        let empty = directory.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let none = try CommandRunner.run(["extract", "--input-format", "html", empty])
        #expect(none.status == 66)
        #expect(none.stderr.contains(empty) && none.stderr.contains(".html or .htm"), "\(none.stderr)")

        func quoted(_ s: String) -> String {
            String(data: try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]), encoding: .utf8)!.dropFirst().dropLast().description
        }
        let lines = "{\"id\":\"p1\",\"html\":\(quoted(Self.page))}\n{\"id\":\"p2\",\"page\":\(quoted(Self.page))}\n"
            + "{\"id\":\"t1\",\"text\":\(quoted(Self.textPage))}\n"
        let jsonl = try CommandRunner.run(["extract"], input: lines)
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let records = try Self.records(jsonl.stdout)
        try #require(records.count == 3)
        #expect(records[0]["title"] as? String == "Harbour towns vote on sea wall plan")
        #expect((records[1]["error"] as? [String: Any])?["code"] as? String == "missing_field")
        #expect((records[2]["text"] as? String)?.hasPrefix("Residents of three harbour towns") == true, "\(records[2])")
        let renamed = try CommandRunner.run(["extract", "--html-field", "page"], input: lines)
        #expect((try Self.records(renamed.stdout)[1]["title"] as? String) == "Harbour towns vote on sea wall plan")
    }

    @Test("a page with no article gets empty text and the empty_article warning; junk and deep nesting are records, not crashes")
    func badPages() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = write("bad/empty.html", "<html><head><title>Nothing</title></head><body></body></html>")
        var junk = SplitMix64(seed: 7)
        _ = write("bad/junk.html", (0..<20_000).map { _ in UInt8(truncatingIfNeeded: junk.next()) })
        _ = write("bad/nested.html", String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000))
        _ = write("bad/big.html", "<p>" + String(repeating: "word ", count: 40_000) + "</p>")
        let result = try CommandRunner.run(["extract", "--input-format", "html", "--max-record-bytes", "100000",
                                            directory.appendingPathComponent("bad").path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.map { $0["id"] as? String } == ["big", "empty", "junk", "nested"])
        #expect((records[0]["error"] as? [String: Any])?["code"] as? String == "record_too_large")
        #expect(records[1]["text"] as? String == "" && records[1]["warning"] as? String == "empty_article")
    }

    @Test("summarize --input-format html gives the offsets of lede extract's text; the headline is the title, never a sentence")
    func summarizeHTMLMatchesExtract() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = write("sea-wall.html", Self.page)
        let direct = try CommandRunner.run(["summarize", "--input-format", "html", "--sentences", "2", "--offsets", path])
        #expect(direct.status == 0, "\(direct.stderr)")
        let extracted = try CommandRunner.run(["extract", "--input-format", "html", path])
        let piped = try CommandRunner.run(["summarize", "--sentences", "2", "--offsets"], input: extracted.stdout)
        #expect(direct.stdout == piped.stdout)
        let text = try #require(try Self.records(extracted.stdout)[0]["text"] as? String)
        let sentences = try #require(try Self.records(direct.stdout)[0]["sentences"] as? [[String: Any]])
        #expect(sentences.count == 2)
        for sentence in sentences {
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(decoding: Array(text.utf8)[start..<end], as: UTF8.self) == sentence["text"] as? String)
            #expect(!(sentence["text"] as! String).contains("Harbour towns vote on sea wall plan"))
        }
    }

    @Test("summarize --input-format text drops navigation and keeps offsets into the file; --keep-boilerplate keeps every line")
    func summarizeTextPage() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = write("sea-wall.txt", Self.textPage)
        let result = try CommandRunner.run(["summarize", "--input-format", "text", "--sentences", "3", "--offsets", path])
        #expect(result.status == 0, "\(result.stderr)")
        let sentences = try #require(try Self.records(result.stdout)[0]["sentences"] as? [[String: Any]])
        let bytes = Array(Self.textPage.utf8)
        for sentence in sentences {
            let text = sentence["text"] as! String
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == text)
            for furniture in ["Skip to content", "Sign up", "Related stories", "Harbour towns vote on sea wall plan"] {
                #expect(!text.contains(furniture), "picked \(text)")
            }
        }
        let classify = try CommandRunner.run(["extract", "--input-format", "text", path])
        #expect(try Self.records(classify.stdout)[0]["title"] as? String == "Harbour towns vote on sea wall plan")
        let kept = try CommandRunner.run(["extract", "--input-format", "text", "--keep-boilerplate", path])
        #expect((try Self.records(kept.stdout)[0]["text"] as? String)?.hasPrefix("Skip to content") == true)
    }

    @Test("classify and process read HTML pages")
    func classifyHTML() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = write("sea-wall.html", Self.page)
        for verb in ["classify", "process"] {
            let result = try CommandRunner.run([verb, "--input-format", "html", path])
            #expect(result.status == 0, "\(result.stderr)")
            let record = try #require(try Self.records(result.stdout).first)
            #expect(record["id"] as? String == "sea-wall")
            #expect(record["label"] is String && record["error"] == nil, "\(record)")
        }
    }
}
