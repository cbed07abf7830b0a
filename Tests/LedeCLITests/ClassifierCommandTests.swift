import Foundation
import Testing
import LedeTestSupport

/// The train → evaluate → classify path of the command line, on a small model trained on BBC.
@Suite("lede train, evaluate classifier, classify", .serialized)
struct ClassifierCommandTests {
    static let model = TestFiles.url("cli-test.safetensors").path

    /// Trains the shared test model once.
    static func trainedModel() throws -> String? {
        if FileManager.default.fileExists(atPath: model) { return model }
        guard let train = CommandRunner.dataset("bbc/train.jsonl") else { return nil }
        let result = try CommandRunner.run(["train", "--data", train, "-o", model, "--holdout", "0.1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("holdout accuracy"))
        return model
    }

    @Test("train writes a model that evaluate scores well above chance", .needsDatasets("bbc/test.jsonl", "bbc/train.jsonl"))
    func evaluateJSON() throws {
        guard let model = try Self.trainedModel(), let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let result = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", test, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((report?["accuracy"] as? Double ?? 0) > 0.9)
        #expect(report?["macro_f1"] is Double && report?["log_loss"] is Double)
    }

    @Test("classify writes one line per input line, in order, with error records in place", .needsDatasets("bbc/train.jsonl"))
    func classifyStream() throws {
        guard let model = try Self.trainedModel() else { return }
        let input = """
        {"id":"a","title":"Striker scores twice","text":"The striker scored twice as the club won the cup final."}
        {"id":7,"text":"Shares fell sharply as the bank raised interest rates and profits slumped."}
        not json at all
        {"title":"no text field"}

        {"text":"The minister told parliament the election would be held in May."}
        """
        let result = try CommandRunner.run(["classify", "--model", model, "--top-k", "2"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let records = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 6)
        #expect(records[0]["id"] as? String == "a" && records[0]["label"] as? String == "sport")
        #expect(records[1]["id"] as? Int == 7 && records[1]["label"] as? String == "business")
        #expect((records[2]["error"] as? [String: Any])?["line"] as? Int == 3)
        #expect((records[3]["error"] as? [String: Any])?["code"] as? String == "missing_field")
        #expect((records[4]["error"] as? [String: Any])?["code"] as? String == "empty_record")
        #expect(records[5]["id"] as? Int == 6 && records[5]["label"] as? String == "politics")
        #expect((records[0]["top"] as? [Any])?.count == 2)
    }

    @Test("--strict stops at the first bad record with exit 65", .needsDatasets("bbc/train.jsonl"))
    func strict() throws {
        guard let model = try Self.trainedModel() else { return }
        let result = try CommandRunner.run(["classify", "--model", model, "--strict"], input: "{\"text\":\"ok\"}\n{bad\n{\"text\":\"never\"}\n")
        #expect(result.status == 65)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("stdin:2"))
    }

    @Test("--threshold makes the label null when the model is unsure", .needsDatasets("bbc/train.jsonl"))
    func threshold() throws {
        guard let model = try Self.trainedModel() else { return }
        let result = try CommandRunner.run(["classify", "--model", model, "--threshold", "0.999"], input: "{\"text\":\"the\"}\n")
        #expect(result.stdout.contains("\"label\":null"))
    }

    @Test("--explain names the terms that pushed hardest toward the label; with the intercept and the rest they add up to the score")
    func explain() throws {
        let input = "{\"id\":1,\"title\":\"Cup final\",\"text\":\"The striker scored twice as the club won the league title.\"}\n"
            + "{\"id\":2,\"text\":\"Shares fell as the central bank raised interest rates and profits slid.\"}\n"
        let result = try CommandRunner.run(["classify", "--explain", "3", "--top-k", "5", "--output-format", "jsonl"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(records.count == 2)
        for record in records {
            let explain = try #require(record["explain"] as? [String: Any])
            let terms = explain["terms"] as? [[String: Any]] ?? []
            let contributions = terms.compactMap { $0["contribution"] as? Double }
            #expect(terms.count == 3 && contributions.count == 3)
            #expect(contributions == contributions.sorted(by: >) && contributions.allSatisfy { $0 > 0 })
            let score = explain["score"] as? Double ?? .nan, intercept = explain["intercept"] as? Double ?? .nan
            let rest = explain["rest"] as? Double ?? .nan
            #expect(abs(intercept + contributions.reduce(0, +) + rest - score) < 1e-4)
            // The label's probability is the softmax of the scores: the explained label is the best one.
            let top = record["top"] as? [[String: Any]] ?? []
            #expect(top.first?["label"] as? String == record["label"] as? String)
        }
        #expect(records.first?["label"] as? String == "sport")
        let firstTerms = ((records.first?["explain"] as? [String: Any])?["terms"] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
        #expect(!Set(firstTerms).isDisjoint(with: ["cup", "club", "league", "striker", "scored"]), "\(firstTerms)")
    }

    @Test("empty input gives no output and exit 0", .needsDatasets("bbc/train.jsonl"))
    func emptyInput() throws {
        guard let model = try Self.trainedModel() else { return }
        let result = try CommandRunner.run(["classify", "--model", model], input: "")
        #expect(result.status == 0 && result.stdout.isEmpty)
    }

    @Test("bad models get one clear error and exit 65 or 66", .needsDatasets("bbc/train.jsonl"), arguments: ["missing", "empty", "truncated", "foreign"])
    func badModel(kind: String) throws {
        guard let model = try Self.trainedModel() else { return }
        let path = TestFiles.url("bad-\(kind)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        switch kind {
        case "empty": FileManager.default.createFile(atPath: path, contents: Data())
        case "truncated": FileManager.default.createFile(atPath: path, contents: bytes.prefix(bytes.count / 2))
        case "foreign": FileManager.default.createFile(atPath: path, contents: Data("PK\u{3}\u{4} not a model at all".utf8))
        default: break
        }
        let result = try CommandRunner.run(["classify", "--model", path], input: "{\"text\":\"x\"}\n")
        #expect(result.status == (kind == "missing" ? 66 : 65), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("lede: \(path)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("a missing input file exits 66; bad training data exits 65 naming file and line")
    func badInputs() throws {
        let missing = try CommandRunner.run(["train", "--data", "/nonexistent.jsonl", "-o", "/tmp/never.safetensors"])
        #expect(missing.status == 66)
        let path = TestFiles.url("bad-train.jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data("{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"b\"\n".utf8))
        let bad = try CommandRunner.run(["train", "--data", path, "-o", "/tmp/never.safetensors"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\(path):2"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.safetensors"))
    }

    @Test("a closed stdout ends classify quietly with exit 0", .needsDatasets("bbc/test.jsonl", "bbc/train.jsonl"))
    func closedStdout() throws {
        guard let model = try Self.trainedModel(), let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let script = "'\(CommandRunner.executable.path)' classify --model '\(model)' '\(test)' '\(test)' 2>'\(TestFiles.url("epipe.err").path)' | head -1 >/dev/null; echo ${PIPESTATUS[0]}"
        process.arguments = ["-c", script]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = (try? String(contentsOfFile: TestFiles.url("epipe.err").path, encoding: .utf8)) ?? ""
        #expect(status == "0")
        #expect(errors.isEmpty)
    }

    @Test("--title-weight is stored in the model and applied by classify and process; out of range is a usage error")
    func titleWeight() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let title = "Cup final", text = "The ministers met the bank chiefs before the vote on interest rates."
        func record(_ title: String, _ text: String) -> String {
            "{\"id\":\"t\",\"title\":\"\(title)\",\"text\":\"\(text.replacingOccurrences(of: "\n", with: "\\n"))\"}\n"
        }
        func fields(_ line: String) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
        }
        for weight in [1, 3] {
            let model = TestFiles.url("title-\(weight).safetensors").path
            defer { try? FileManager.default.removeItem(atPath: model) }
            let trained = try CommandRunner.run(["train", "--data", examples, "-o", model, "--min-df", "1", "--title-weight", String(weight)])
            #expect(trained.status == 0, "\(trained.stderr)")
            let json = try CommandRunner.run(["inspect", model, "--json"])
            #expect(fields(json.stdout)["title_weight"] as? Int == weight)
            // The model reads the title `weight` times: the same as an untitled record whose text starts with those copies.
            let titled = try CommandRunner.run(["classify", "--model", model, "--output-format", "jsonl"], input: record(title, text))
            let spelled = String(repeating: title + "\n", count: weight) + text
            let untitled = try CommandRunner.run(["classify", "--model", model, "--output-format", "jsonl"], input: record("", spelled))
            let processed = try CommandRunner.run(["process", "--model", model, "--output-format", "jsonl"], input: record(title, text))
            let a = fields(titled.stdout), b = fields(untitled.stdout), c = fields(processed.stdout)
            #expect(a["label"] as? String != nil)
            #expect(a["label"] as? String == b["label"] as? String && a["confidence"] as? Double == b["confidence"] as? Double)
            #expect(a["label"] as? String == c["label"] as? String && a["confidence"] as? Double == c["confidence"] as? Double)
        }
        for bad in ["0", "101"] {
            let refused = try CommandRunner.run(["train", "--data", examples, "-o", "/tmp/unused.safetensors", "--title-weight", bad])
            #expect(refused.status == 64 && refused.stderr.contains("--title-weight"))
        }
    }

    @Test("--threads outside 1...1024 is a usage error for every verb that takes it, before any work")
    func threadsOutOfRange() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        for bad in ["0", "1025", "1000000000000"] {
            for verb in [["classify", examples], ["summarize", examples], ["process", examples],
                         ["train", "--data", examples, "-o", "/tmp/unused.safetensors"],
                         ["evaluate", "classifier", "--data", examples]] {
                let refused = try CommandRunner.run(verb + ["--threads", bad])
                #expect(refused.status == 64 && refused.stderr.contains("--threads must be a whole number from 1 to 1024"),
                        "\(verb.first!) --threads \(bad): \(refused.status) \(refused.stderr)")
            }
        }
        let most = try CommandRunner.run(["classify", "--threads", "1024", "--output-format", "jsonl", examples])
        #expect(most.status == 0 && most.stdout.split(separator: "\n").count == 18)
    }

    @Test("more --folds than the data allows is a data error saying what is needed, however large the number")
    func tooManyFolds() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        for (folds, need) in [("10", "at least 20 documents, found 18"), ("9223372036854775807", "two documents a fold, found 18")] {
            let refused = try CommandRunner.run(["train", "--data", examples, "-o", "/tmp/unused.safetensors", "--c", "auto", "--folds", folds])
            #expect(refused.status == 65 && refused.stderr.contains("\(folds)-fold cross-validation needs \(need)"), "\(refused.stderr)")
        }
    }

    @Test("--stop-words FILE: a word per line is used; a missing file, a folder or a line that is not UTF-8 gets its exit code and names the file")
    func stopWordFile() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        func temporary(_ name: String, _ contents: Data) -> String {
            let path = TestFiles.url("\(name)").path
            FileManager.default.createFile(atPath: path, contents: contents)
            return path
        }
        let good = temporary("stop-good.txt", Data("# the list\n  The \nof\n\n".utf8))
        let bad = temporary("stop-bad.txt", Data("the\nof\n".utf8) + Data([0xFF, 0x0A]))
        let model = temporary("stop-model.safetensors", Data())
        defer { for path in [good, bad, model] { try? FileManager.default.removeItem(atPath: path) } }
        let trained = try CommandRunner.run(["train", "--data", examples, "-o", model, "--min-df", "1", "--stop-words", good])
        #expect(trained.status == 0, "\(trained.stderr)")
        let inspected = try CommandRunner.run(["inspect", model, "--json"])
        #expect(inspected.stdout.contains("\"stop_words\":2"), "\(inspected.stdout.prefix(400))")
        for (path, status, message) in [("/nonexistent/stop.txt", Int32(66), "/nonexistent/stop.txt: No such file or directory"),
                                         ("/", 66, "/: is a folder, not a file"), (bad, 65, "\(bad):3: a stop word that is not UTF-8")] {
            let refused = try CommandRunner.run(["train", "--data", examples, "-o", model, "--stop-words", path])
            #expect(refused.status == status && refused.stderr.contains("lede: \(message)"), "\(refused.status) \(refused.stderr)")
        }
        let nan = try CommandRunner.run(["train", "--data", examples, "-o", model, "--tolerance", "nan"])
        #expect(nan.status == 64 && nan.stderr.contains("--tolerance must be a number of 0 or more"))
        let negative = try CommandRunner.run(["train", "--data", examples, "-o", model, "--max-iterations=-5"])
        #expect(negative.status == 64 && negative.stderr.contains("--max-iterations must be 0 or more"), "\(negative.stderr)")
    }

    @Test("train -o a folder, or into a folder that does not exist, fails at once (exit 74), before reading the data")
    func unwritableOutput() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let folder = FileManager.default.temporaryDirectory.path
        for (output, message) in [(folder, "\(folder): is a folder"), ("/nonexistent-lede/m.safetensors", "the folder /nonexistent-lede does not exist")] {
            let refused = try CommandRunner.run(["train", "--data", examples, "-o", output])
            #expect(refused.status == 74 && refused.stderr.contains(message) && !refused.stderr.contains("read 18 documents"), "\(refused.stderr)")
        }
    }

    @Test("inspect shows labels, vocabulary, provenance and top terms; --json for machines", .needsDatasets("bbc/train.jsonl"))
    func inspect() throws {
        guard let model = try Self.trainedModel() else { return }
        let text = try CommandRunner.run(["inspect", model, "--terms", "5"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("labels (5): business, entertainment, politics, sport, tech"))
        #expect(text.stdout.contains("sport: "))
        let json = try CommandRunner.run(["inspect", model, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((report?["vocabulary_size"] as? Int ?? 0) > 1000)
        #expect(((report?["top_terms"] as? [String: [String]])?["sport"]?.count ?? 0) == 10)
        #expect((report?["provenance"] as? [String: Any])?["trainingDataSHA256"] is String)
    }
}
