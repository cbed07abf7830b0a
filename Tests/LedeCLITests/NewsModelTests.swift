import Foundation
import Testing
import LedeTestSupport

/// Issue 19: training on several corpora through a label map, the shipped general-news model
/// (`models/news-topics.safetensors`, the default), shipped models by name, and where the default is
/// found when `lede` is installed elsewhere.
@Suite("News topics: label maps, the default model, install locations", .serialized)
struct NewsModelTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lede-news-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) -> String {
        let path = directory.appendingPathComponent(name).path
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// JSON Lines of `count` generated articles for each (label, words) pair.
    static func corpus(_ topics: [(String, [String])], count: Int = 8) -> String {
        var lines: [String] = []
        for (label, words) in topics {
            for i in 0..<count {
                let picked = (0..<6).map { words[($0 * 3 + i) % words.count] }
                lines.append("{\"id\":\"\(label)-\(i)\",\"label\":\"\(label)\",\"title\":\"\(picked[0]) \(picked[1])\",\"text\":\"The \(picked.joined(separator: " ")).\"}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let sportWords = ["striker", "goal", "match", "league", "coach", "cup", "scored", "team"]
    static let worldWords = ["ceasefire", "diplomats", "embassy", "border", "minister", "talks", "refugees", "treaty"]
    static let businessWords = ["shares", "profits", "bank", "market", "investors", "rates", "economy", "firm"]
    static let recipeWords = ["onion", "garlic", "simmer", "lentils", "oven", "butter", "flour", "salt"]

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    @Test("train --data A --data B --label-map: labels mapped, - dropped, provenance with each input's digest, counts and the map; inspect shows them")
    func multiSourceProvenance() throws {
        let a = write("ag/train.jsonl", Self.corpus([("World", Self.worldWords), ("Sports", Self.sportWords)]))
        let b = write("hp/train.jsonl", Self.corpus([("SPORTS", Self.sportWords), ("BUSINESS", Self.businessWords), ("FOOD & DRINK", Self.recipeWords)]))
        let map = write("map.tsv", "# test map\nWorld\tworld\nSports\tsport\nSPORTS\tsport\nBUSINESS\tbusiness\nFOOD & DRINK\t-\n")
        let model = directory.appendingPathComponent("m.safetensors").path
        let trained = try CommandRunner.run(["train", "--data", a, "--data", b, "--label-map", map, "--no-calibrate", "--min-df", "1",
                                             "--source-weight", "\(b)=2", "-o", model])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stderr.contains("\(b): 24 records, 16 kept; 8 dropped by the map"), "\(trained.stderr)")
        #expect(trained.stderr.contains("read 32 documents"))

        let inspected = try CommandRunner.run(["inspect", model, "--json"])
        let report = Self.json(inspected.stdout)
        #expect(report["labels"] as? [String] == ["business", "sport", "world"])
        let provenance = report["provenance"] as? [String: Any] ?? [:]
        #expect(provenance["trainingData"] as? [String] == ["ag/train.jsonl", "hp/train.jsonl"])
        #expect(provenance["documentCount"] as? Int == 32)
        let sources = provenance["sources"] as? [[String: Any]] ?? []
        #expect(sources.map { $0["name"] as? String } == ["ag/train.jsonl", "hp/train.jsonl"])
        #expect(sources.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect(sources.first?["sha256"] as? String != sources.last?["sha256"] as? String)
        #expect(sources.last?["labelCounts"] as? [String: Int] == ["SPORTS": 8, "BUSINESS": 8, "FOOD & DRINK": 8])
        #expect(sources.last?["mappedCounts"] as? [String: Int] == ["sport": 8, "business": 8])
        #expect(sources.last?["droppedByMap"] as? Int == 8 && sources.last?["unmappedDropped"] as? Int == 0)
        #expect(sources.first?["mappedCounts"] as? [String: Int] == ["world": 8, "sport": 8])
        #expect((provenance["labelMap"] as? [[String]])?.count == 5)
        #expect((provenance["labelMap"] as? [[String]])?.last == ["FOOD & DRINK", "-"])
        #expect(provenance["sourceWeights"] as? [String: Double] == ["hp/train.jsonl": 2])

        let text = try CommandRunner.run(["inspect", model, "--terms", "0"])
        #expect(text.stdout.contains("hp/train.jsonl (SHA-256 "), "\(text.stdout)")
        #expect(text.stdout.contains("weight 2): 24 records; dropped by the map 8, unmapped dropped 0"))
        #expect(text.stdout.contains("before mapping: BUSINESS 8, FOOD & DRINK 8, SPORTS 8"))
        #expect(text.stdout.contains("after mapping: business 8, sport 8"))
        #expect(text.stdout.contains("label map (5 rules): World → world; Sports → sport;"))

        // evaluate classifier maps the same way.
        let evaluated = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", b, "--label-map", map, "--json"])
        #expect(evaluated.status == 0 && Self.json(evaluated.stdout)["count"] as? Int == 16, "\(evaluated.stderr)")

        // --holdout takes its fraction from each input, so the weights stay with their documents.
        let held = try CommandRunner.run(["train", "--data", a, "--data", b, "--label-map", map, "--no-calibrate", "--min-df", "1",
                                          "--source-weight", "\(b)=2", "--holdout", "0.25", "-o", model])
        #expect(held.status == 0 && held.stderr.contains("holding out 8 documents") && held.stderr.contains("holdout accuracy"), "\(held.stderr)")
    }

    @Test("a label the map does not name stops train (exit 65, naming it) unless --unmapped drop, which reports the count")
    func unmappedLabels() throws {
        let a = write("a.jsonl", Self.corpus([("World", Self.worldWords), ("Sports", Self.sportWords), ("Crime", Self.recipeWords)], count: 5))
        let map = write("map.tsv", "World\tworld\nSports\tsport\n")
        let model = directory.appendingPathComponent("m.safetensors").path
        let refused = try CommandRunner.run(["train", "--data", a, "--label-map", map, "-o", model])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("lede: \(a): labels the label map does not name: \"Crime\" (5 records)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--unmapped drop"))
        let dropped = try CommandRunner.run(["train", "--data", a, "--label-map", map, "--unmapped", "drop", "--no-calibrate", "--min-df", "1", "-o", model])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stderr.contains("\(a): 15 records, 10 kept; 5 dropped with labels the map does not name: Crime (5)"), "\(dropped.stderr)")
        let provenance = Self.json(try CommandRunner.run(["inspect", model, "--json"]).stdout)["provenance"] as? [String: Any] ?? [:]
        #expect((provenance["sources"] as? [[String: Any]])?.first?["unmappedDropped"] as? Int == 5)
    }

    @Test("a bad or missing map, or a bad --source-weight, gets its exit code and names what is wrong")
    func badMaps() throws {
        let a = write("a.jsonl", Self.corpus([("World", Self.worldWords), ("Sports", Self.sportWords)], count: 4))
        let bad = write("bad.tsv", "World\tworld\nSports sport\n")
        let twice = write("twice.tsv", "World\tworld\nWorld\tnews\n")
        let model = directory.appendingPathComponent("m.safetensors").path
        for (map, status, message) in [(bad, Int32(65), "\(bad):2: expected source-label<TAB>target-label, found no tab"),
                                       (twice, 65, "\(twice):2: \"World\" is mapped twice (also by rule 1)"),
                                       ("/nonexistent/map.tsv", 66, "/nonexistent/map.tsv: No such file or directory")] {
            let refused = try CommandRunner.run(["train", "--data", a, "--label-map", map, "-o", model])
            #expect(refused.status == status && refused.stderr.contains("lede: \(message)"), "\(refused.status) \(refused.stderr)")
        }
        for weight in ["\(a)=0", "\(a)=x", "other.jsonl=2"] {
            let refused = try CommandRunner.run(["train", "--data", a, "--source-weight", weight, "-o", model])
            #expect(refused.status == 64 && refused.stderr.contains("--source-weight"), "\(weight): \(refused.stderr)")
        }
    }

    // Bar (issue 19): scikit-learn (1–2-grams, sublinear tf, min_df 2, C = 30) on AG + BBC + the mapped
    // HuffPost categories scores 0.943 on BBC test with labels mapped. The shipped model, scored once
    // for this bar (2026-12-07): 0.9617 (402 of 418).
    @Test("the shipped default (news-topics) scores BBC test, labels mapped, at or above scikit-learn's 0.943", .needsDatasets("bbc/test.jsonl"))
    func shippedDefaultOnBBCTest() throws {
        guard let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let map = CommandRunner.packageRoot.appendingPathComponent("models/news-topics.labelmap.tsv").path
        let evaluated = try CommandRunner.run(["evaluate", "classifier", "--data", test, "--label-map", map, "--json"],
                                              environment: ["LEDE_MODEL": ""])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let accuracy = Self.json(evaluated.stdout)["accuracy"] as? Double ?? 0
        print("news-topics on BBC test (mapped): \(accuracy)")
        #expect(accuracy >= 0.943)
    }

    @Test("the shipped default labels every article of datasets/examples.jsonl as a reader would, the full-length world reports included")
    func examplesLabelled() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let expected = try String(contentsOfFile: examples, encoding: .utf8).split(separator: "\n").map { Self.json(String($0)) }
        #expect(expected.count == 18 && expected.filter { $0["label"] as? String == "world" }.count == 3)
        let classified = try CommandRunner.run(["classify", "--output-format", "jsonl", examples], environment: ["LEDE_MODEL": ""])
        #expect(classified.status == 0, "\(classified.stderr)")
        let got = classified.stdout.split(separator: "\n").map { Self.json(String($0)) }
        #expect(got.count == expected.count)
        for (record, result) in zip(expected, got) {
            #expect(result["id"] as? String == record["id"] as? String)
            #expect(result["label"] as? String == record["label"] as? String, "\(record["id"] ?? "?"): \(result)")
        }
        // The full-length articles (over 200 words) are labelled with confidence.
        for (record, result) in zip(expected, got) where ((record["text"] as? String) ?? "").split(separator: " ").count > 200 {
            #expect(result["confidence"] as? Double ?? 0 > 0.8, "\(record["id"] ?? "?"): \(result)")
        }
    }

    // Measured 2026-12-07: confidences 0.49–0.87 (recipe 0.76 sport, wellness 0.87 science-tech, travel 0.55
    // business, parenting 0.49 business); the in-taxonomy full-length examples score 0.86–1.00.
    @Test("out-of-taxonomy articles (a recipe, health advice, travel, parenting) get no label at --threshold 0.9")
    func outOfTaxonomy() throws {
        let fixture = CommandRunner.packageRoot.appendingPathComponent("Tests/Fixtures/out-of-taxonomy.jsonl").path
        let classified = try CommandRunner.run(["classify", "--threshold", "0.9", "--output-format", "jsonl", fixture], environment: ["LEDE_MODEL": ""])
        let results = classified.stdout.split(separator: "\n").map { Self.json(String($0)) }
        #expect(classified.status == 0 && results.count == 4)
        for result in results { #expect(result["label"] is NSNull, "\(result)") }
    }

    // How fast the shipped model starts (a fresh process classifying one record) is measured in
    // Benchmarks/compare (row `stream-cold-start-news`), not here: tests check behaviour, not time.
    @Test("the shipped news-topics model: six labels, within 8 MB, classifies one record in a fresh process")
    func shippedModelSizeAndStart() throws {
        let model = CommandRunner.packageRoot.appendingPathComponent("models/news-topics.safetensors").path
        let size = try FileManager.default.attributesOfItem(atPath: model)[.size] as? Int ?? 0
        #expect(size > 0 && size <= 8_000_000, "the default model must stay within 8 MB")
        let inspected = Self.json(try CommandRunner.run(["inspect", model, "--json", "--terms", "0"]).stdout)
        #expect(inspected["labels"] as? [String] == ["business", "entertainment", "politics", "science-tech", "sport", "world"])
        let one = try CommandRunner.run(["classify", "--model", model, "--output-format", "jsonl"],
                                        input: "{\"title\":\"Talks resume\",\"text\":\"The two governments agreed to a ceasefire.\"}\n")
        #expect(one.status == 0 && one.stdout.split(separator: "\n").count == 1, "\(one.stdout) \(one.stderr)")
        #expect(Self.json(one.stdout)["label"] as? String == "world", "\(one.stdout)")
    }

    @Test("--model NAME picks a shipped model; inspect --list lists them with their labels, the default first")
    func shippedByName() throws {
        let bbc = try CommandRunner.run(["classify", "--model", "bbc-topics", "--output-format", "jsonl"],
                                        input: "{\"text\":\"The new phone has a faster chip and the software update brings a better camera.\"}\n")
        #expect(bbc.status == 0 && bbc.stdout.contains("\"label\":\"tech\""), "\(bbc.stdout) \(bbc.stderr)")
        let listed = try CommandRunner.run(["inspect", "--list"])
        let lines = listed.stdout.split(separator: "\n")
        #expect(listed.status == 0 && lines.count >= 2, "\(listed.stderr)")
        #expect(lines.first?.hasPrefix("news-topics (default): business, entertainment, politics, science-tech, sport, world") == true)
        #expect(lines.contains { $0.hasPrefix("bbc-topics: business, entertainment, politics, sport, tech") })
        let json = try CommandRunner.run(["inspect", "--list", "--json"])
        #expect(json.stdout.split(separator: "\n").map { Self.json(String($0))["name"] as? String }.prefix(2) == ["news-topics", "bbc-topics"])
        let unknown = try CommandRunner.run(["classify", "--model", "no-such-model"], input: "{\"text\":\"x\"}\n")
        #expect(unknown.status == 66 && unknown.stderr.contains("--model names no-such-model, which is neither a file nor a shipped model (shipped: bbc-topics, cnndm-summarizer, news-topics)"),
                "\(unknown.stderr)")
    }

    /// Runs `lede arguments…` found through `PATH` (not by its path) from `folder`, with `LEDE_MODEL` unset unless given.
    func runThroughPath(_ bin: String, _ arguments: [String], in folder: String, input: String, model: String? = nil) throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec lede \"$@\"", "sh"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        environment["LEDE_MODEL"] = model
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                    stderr: String(decoding: err, as: UTF8.self))
    }

    @Test("a moved binary called through PATH from another folder finds its model: PREFIX/share/lede/models, or models/ beside it")
    func installLocations() throws {
        let fm = FileManager.default
        let models = CommandRunner.packageRoot.appendingPathComponent("models")
        let article = "{\"title\":\"Ceasefire talks resume\",\"text\":\"Diplomats from both governments met the UN envoy to discuss a ceasefire on the border and the return of refugees.\"}\n"
        // An install: PREFIX/bin/lede and PREFIX/share/lede/models/*.safetensors.
        let prefix = directory.appendingPathComponent("prefix")
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("share/lede/models"), withIntermediateDirectories: true)
        try fm.copyItem(at: CommandRunner.executable, to: prefix.appendingPathComponent("bin/lede"))
        for name in ["news-topics.safetensors", "bbc-topics.safetensors"] {
            try fm.copyItem(at: models.appendingPathComponent(name), to: prefix.appendingPathComponent("share/lede/models/\(name)"))
        }
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bin = prefix.appendingPathComponent("bin").path
        let installed = try runThroughPath(bin, ["classify", "--output-format", "jsonl"], in: elsewhere.path, input: article)
        #expect(installed.status == 0 && installed.stdout.contains("\"label\":\"world\""), "\(installed.status) \(installed.stdout) \(installed.stderr)")
        let listed = try runThroughPath(bin, ["inspect", "--list"], in: elsewhere.path, input: "")
        #expect(listed.stdout.contains(prefix.appendingPathComponent("share/lede/models/news-topics.safetensors").path), "\(listed.stdout)")
        let byName = try runThroughPath(bin, ["classify", "--model", "bbc-topics", "--output-format", "jsonl"], in: "/", input: article)
        #expect(byName.status == 0 && !byName.stdout.contains("\"label\":\"world\""), "\(byName.stdout) \(byName.stderr)")

        // A missing $LEDE_MODEL file is reported naming the variable (exit 66), not replaced by the default.
        let missing = try runThroughPath(bin, ["classify"], in: elsewhere.path, input: article, model: "/nonexistent/model.safetensors")
        #expect(missing.status == 66 && missing.stderr.contains("LEDE_MODEL names /nonexistent/model.safetensors"), "\(missing.stderr)")

        // A folder holding the binary and models/ beside it.
        let flat = directory.appendingPathComponent("flat")
        try fm.createDirectory(at: flat.appendingPathComponent("models"), withIntermediateDirectories: true)
        try fm.copyItem(at: CommandRunner.executable, to: flat.appendingPathComponent("lede"))
        try fm.copyItem(at: models.appendingPathComponent("news-topics.safetensors"), to: flat.appendingPathComponent("models/news-topics.safetensors"))
        let beside = try runThroughPath(flat.path, ["classify", "--output-format", "jsonl"], in: elsewhere.path, input: article)
        #expect(beside.status == 0 && beside.stdout.contains("\"label\":\"world\""), "\(beside.stdout) \(beside.stderr)")

        // A binary with no models anywhere above it: exit 66, saying where it looked.
        let lone = directory.appendingPathComponent("lone/bin")
        try fm.createDirectory(at: lone, withIntermediateDirectories: true)
        try fm.copyItem(at: CommandRunner.executable, to: lone.appendingPathComponent("lede"))
        let none = try runThroughPath(lone.path, ["classify"], in: elsewhere.path, input: article)
        #expect(none.status == 66 && none.stderr.contains("the shipped model news-topics.safetensors was not found"), "\(none.stderr)")
        try? fm.removeItem(at: directory)
    }
}
