import Foundation
import Testing
import LedeTestSupport

/// The command line as a person meets it: nothing fails silently, one output line per input line,
/// and `lede sentences`.
@Suite("lede: no silent failures, one line out per line in")
struct NoSilentFailureTests {
    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    static func errorCode(_ record: [String: Any]) -> String? { (record["error"] as? [String: Any])?["code"] as? String }

    @Test("lede with no arguments prints the help on stderr and exits 64")
    func noArguments() throws {
        let result = try CommandRunner.run([])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("SUBCOMMANDS") && result.stderr.contains("classify"))
    }

    @Test("a blank line gets an empty_record in its place, a leading byte-order mark is skipped, an empty article is empty_text, and stderr counts the failures")
    func oneLineOutPerLineIn() throws {
        let input = "\u{FEFF}{\"id\":\"a\",\"text\":\"Shares in the bank rose after profits doubled.\"}\n\n"
            + "{\"id\":\"c\",\"title\":\"\",\"text\":\" \"}\nnot json\n"
        let result = try CommandRunner.run(["classify"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.count == 4)
        #expect(records[0]["id"] as? String == "a" && records[0]["label"] != nil)
        #expect(Self.errorCode(records[1]) == "empty_record" && records[1]["id"] as? Int == 2)
        #expect(Self.errorCode(records[2]) == "empty_text" && records[2]["id"] as? String == "c")
        #expect(Self.errorCode(records[3]) == "not_an_object")
        #expect(result.stderr.contains("3 of 4 records failed: 1 empty_record, 1 empty_text, 1 not_an_object"), "\(result.stderr)")
    }

    @Test("when every record fails, stderr says so and names the likely cause; error records name their file when there are several")
    func everyRecordFailed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-silent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("test.csv").path
        try "id,text\n1,Shares rose\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let one = try CommandRunner.run(["classify", csv])
        #expect(one.status == 0)
        #expect(one.stderr.contains("2 of 2 records failed: 2 not_an_object (every record failed: is the input JSON Lines?"), "\(one.stderr)")
        let two = try CommandRunner.run(["classify", csv, csv])
        let records = try Self.records(two.stdout)
        #expect(records.count == 4)
        #expect(records.allSatisfy { ($0["error"] as? [String: Any])?["file"] as? String == csv })
    }

    @Test("lede sentences: every sentence with its byte range, nothing filtered")
    func sentencesVerb() throws {
        let text = "Dr. Smith left at 5 p.m. on Monday. Yes. Nobody saw him – “not once,” said Ana."
        let input = "{\"id\":7,\"text\":\(String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast())}\n"
        let result = try CommandRunner.run(["sentences"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try Self.records(result.stdout).first)
        #expect(record["id"] as? Int == 7)
        let sentences = try #require(record["sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["text"] as? String } == ["Dr. Smith left at 5 p.m. on Monday.", "Yes.", "Nobody saw him – “not once,” said Ana."])
        let bytes = Array(text.utf8)
        for sentence in sentences {
            let start = sentence["start"] as! Int, end = sentence["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == sentence["text"] as? String)
        }
    }

    @Test("--words N keeps its word: never more than N words; when no sentence fits, an empty summary says budget_too_small")
    func hardWordBudget() throws {
        let input = "{\"id\":1,\"text\":\"The storm closed every road into the valley for two days. Rescue teams reached the last village on Friday. Power came back.\"}\n"
        let small = try CommandRunner.run(["summarize", "--words", "5"], input: input)
        #expect(small.status == 0, "\(small.stderr)")
        let record = try #require(try Self.records(small.stdout).first)
        #expect(record["summary"] as? String == "" && record["warning"] as? String == "budget_too_small")
        #expect(record["sentences"] == nil, "the summary is written once: as a string by default")
        let withOffsets = try CommandRunner.run(["summarize", "--words", "15", "--offsets"], input: input)
        let offsetRecord = try #require(try Self.records(withOffsets.stdout).first)
        let sentences = offsetRecord["sentences"] as? [[String: Any]] ?? []
        #expect(offsetRecord["summary"] == nil && !sentences.isEmpty && sentences.allSatisfy { $0["start"] is Int && $0["end"] is Int })
        let fits = try CommandRunner.run(["summarize", "--words", "15"], input: input)
        let summary = try #require(try Self.records(fits.stdout).first?["summary"] as? String)
        #expect(!summary.isEmpty && summary.split(separator: " ").count <= 15, "\(summary)")
    }
}

/// Error records name their input when there are several, whichever rule made them.
@Suite("error records with several inputs")
struct SeveralInputErrorTests {
    @Test("an empty_text record carries \"file\" like the reader's own error records")
    func emptyTextNamesItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.jsonl"), second = folder.appendingPathComponent("b.jsonl")
        try Data("{\"id\":\"a\",\"text\":\" \"}\n".utf8).write(to: first)
        try Data("not json\n".utf8).write(to: second)
        let result = try CommandRunner.run(["classify", first.path, second.path])
        let records = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let errors = records.compactMap { $0["error"] as? [String: Any] }
        #expect(errors.count == 2)
        #expect(errors.first?["code"] as? String == "empty_text" && errors.first?["file"] as? String == first.path)
        #expect(errors.last?["file"] as? String == second.path)
    }
}
