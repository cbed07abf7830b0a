import Foundation
import Testing
import LedeTestSupport

/// `lede train` and `lede evaluate classifier` on the input formats besides JSON Lines: a tiny model
/// trained from CSV and from a folder, evaluated on the other formats.
@Suite("lede train and evaluate classifier: input formats", .serialized)
struct InputFormatCommandTests {
    /// A small, easily separable corpus: (label, text) pairs.
    static let documents: [(String, String)] = {
        let words = [
            "sport": ["striker", "goal", "match", "league", "coach", "cup", "scored", "team"],
            "business": ["shares", "profits", "bank", "market", "investors", "rates", "economy", "firm"],
            "tech": ["software", "chips", "computer", "internet", "phone", "users", "digital", "network"],
        ]
        var out: [(String, String)] = []
        for (label, vocabulary) in words.sorted(by: { $0.key < $1.key }) {
            for i in 0..<12 {
                let picked = (0..<6).map { vocabulary[($0 * 3 + i) % vocabulary.count] }
                out.append((label, "The \(picked[0]), \"\(picked[1])\" and \(picked[2])\nwith \(picked[3]) \(picked[4]) \(picked[5])."))
            }
        }
        return out
    }()

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-formats-cli-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) -> String {
        let path = directory.appendingPathComponent(name).path
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func csv(_ name: String) -> String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let rows = Self.documents.enumerated().map { "\($0.offset),\(quoted($0.element.1)),\($0.element.0)" }
        return write(name, "\u{FEFF}id,text,label\r\n" + rows.joined(separator: "\r\n"))
    }

    func folder(_ name: String) -> String {
        for (i, (label, text)) in Self.documents.enumerated() { _ = write("\(name)/\(label)/doc\(i).txt", text) }
        _ = write("\(name)/sport/notes.md", "ignored")
        return directory.appendingPathComponent(name).path
    }

    func accuracy(_ result: CommandRunner.Result) -> Double {
        let report = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return report?["accuracy"] as? Double ?? -1
    }

    @Test("train from CSV, evaluate on a folder, a TSV and fastText; train from a folder, evaluate on CSV")
    func roundTrip() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("csv.safetensors").path
        let train = try CommandRunner.run(["train", "--data", csv("train.csv"), "-o", model, "--min-df", "1", "--threads", "1"])
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stderr.contains("read 36 documents"))

        let evaluated = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", folder("dev"), "--json"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        #expect(accuracy(evaluated) > 0.9)

        let tsv = write("dev.tsv", "label\ttext\n" + Self.documents.map { "\($0.0)\t\($0.1.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n"))
        let tsvResult = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", tsv, "--json"])
        #expect(accuracy(tsvResult) > 0.9, "\(tsvResult.stderr)")

        // The flag overrides the name: fastText lines in a .txt file.
        let ft = write("dev.txt", Self.documents.map { "__label__\($0.0) \($0.1.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n"))
        let ftResult = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", ft, "--input-format", "fasttext", "--json"])
        #expect(accuracy(ftResult) > 0.9, "\(ftResult.stderr)")

        let folderModel = directory.appendingPathComponent("folder.safetensors").path
        let fromFolder = try CommandRunner.run(["train", "--data", folder("train"), "-o", folderModel, "--min-df", "1",
                                                "--validation", csv("valid.csv"), "--threads", "1"])
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(fromFolder.stderr.contains("validation accuracy"))
        let text = try CommandRunner.run(["evaluate", "classifier", "--model", folderModel, "--data", csv("test.csv")])
        #expect(text.status == 0 && text.stdout.hasPrefix("36 documents: accuracy"), "\(text.stderr)")
    }

    @Test("bad inputs: a missing column, a bad fastText line, a ragged CSV row exit 65 naming the file")
    func badInputs() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let never = directory.appendingPathComponent("never.safetensors").path
        let noLabel = write("nolabel.csv", "text,topic\nhello,a\n")
        let missing = try CommandRunner.run(["train", "--data", noLabel, "-o", never])
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("lede: \(noLabel):1: no \"label\" column"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("--skip-invalid"))
        // With the label column named, the same file reads (and then has too few labels).
        let named = try CommandRunner.run(["train", "--data", noLabel, "-o", never, "--label-field", "topic"])
        #expect(named.status == 65 && named.stderr.contains("at least two labels"), "\(named.stderr)")

        let unlabeled = write("unlabeled.ft", "__label__a one\nno label two\n__label__b three\n")
        let unlabeledResult = try CommandRunner.run(["train", "--data", unlabeled, "-o", never])
        #expect(unlabeledResult.status == 65)
        #expect(unlabeledResult.stderr.contains("\(unlabeled):2: no __label__ on the line"), "\(unlabeledResult.stderr)")

        let ragged = write("ragged.csv", "text,label\n\"goal match\",a\ntwo,b,c\nshares bank,b\n")
        let raggedResult = try CommandRunner.run(["train", "--data", ragged, "-o", never, "--min-df", "1"])
        #expect(raggedResult.status == 65 && raggedResult.stderr.contains("\(ragged):3:"), "\(raggedResult.stderr)")
        let skipped = try CommandRunner.run(["train", "--data", ragged, "-o", never, "--min-df", "1", "--skip-invalid"])
        #expect(skipped.status == 0 && skipped.stderr.contains("skipped: \(ragged):3:"), "\(skipped.stderr)")

        let bad = try CommandRunner.run(["train", "--data", noLabel, "-o", never, "--input-format", "xml"])
        #expect(bad.status == 64)
        #expect(try CommandRunner.run(["train", "--data", directory.appendingPathComponent("nope").path, "--input-format", "folder", "-o", never]).status == 66)
    }
}
