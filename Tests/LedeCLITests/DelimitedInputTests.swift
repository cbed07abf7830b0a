import Foundation
import Testing
import LedeTestSupport

/// `--input-format csv|tsv` on the reading verbs: a header row names the columns, each row is an
/// article, and rows that cannot be read are error records in their place.
@Suite("reading verbs: CSV and TSV input")
struct DelimitedInputTests {
    static func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("classify reads CSV rows (quoted commas and line breaks, a BOM, CRLF), with error records for a blank line and an open quote")
    func classifyCSV() throws {
        let input = "\u{FEFF}id,title,text\r\n"
            + "a,Cup final,\"The striker scored twice, and the club won the cup final.\"\r\n"
            + "\r\n"
            + "b,Rates,\"Shares fell as the central bank raised\r\ninterest rates again.\"\r\n"
            + "c,Open,\"this quote never closes\r\n"
        let result = try CommandRunner.run(["classify", "--input-format", "csv"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.count == 4)
        #expect(records[0]["id"] as? String == "a" && records[0]["label"] as? String == "sport")
        #expect((records[1]["error"] as? [String: Any])?["code"] as? String == "empty_record")
        #expect(records[2]["id"] as? String == "b" && records[2]["label"] as? String == "business")
        let open = records[3]["error"] as? [String: Any]
        #expect(open?["code"] as? String == "invalid_record" && open?["line"] as? Int == 6)
        #expect(result.stderr.contains("2 of 4 records failed"))
    }

    @Test("summarize reads TSV, with the text column named by --text-field")
    func summarizeTSV() throws {
        let input = "key\tbody\nx\tThe minister said the election would be held in May. Critics disagreed.\n"
        let result = try CommandRunner.run(["summarize", "--input-format", "tsv", "--id-field", "key", "--text-field", "body", "-n", "1"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        #expect(records.count == 1 && records[0]["id"] as? String == "x")
        #expect((records[0]["summary"] as? String)?.hasPrefix("The minister said") == true)
    }

    @Test("a row with too many fields is an error record naming its line; an unusable header is exit 65 naming the input")
    func badRows() throws {
        let ragged = try CommandRunner.run(["classify", "--input-format", "csv"], input: "id,text\n1,a,b\n")
        let records = try Self.records(ragged.stdout)
        #expect((records.first?["error"] as? [String: Any])?["line"] as? Int == 2)
        let header = try CommandRunner.run(["classify", "--input-format", "csv"], input: "text,text\n1,2\n")
        #expect(header.status == 65 && header.stderr.contains("stdin:1") && header.stderr.contains("twice"))
    }

    @Test("JSON Lines given as CSV by mistake: every record fails and stderr names the formats")
    func hint() throws {
        let result = try CommandRunner.run(["classify"], input: "id,text\n1,hello\n")
        #expect(result.stderr.contains("every record failed") && result.stderr.contains("csv or tsv"))
    }
}
