import Foundation
import Testing
import LedeTestSupport

/// Multi-label topics through the command line: train on label sets (JSON Lines, CSV, fastText),
/// classify, process, evaluate classifier and inspect, on a small corpus written by the test.
@Suite("Multi-label models on the command line", .serialized)
struct MultiLabelCommandTests {
    static let folder = TestFiles.url("multilabel")
    static let model = folder.appendingPathComponent("model.safetensors").path

    /// Words of each topic, and the stories: each a few sentences drawn from one or two topics, plus
    /// some about none of them.
    static let words = [
        "grain": ["wheat", "corn", "harvest", "grain", "farmers", "bushels", "crop", "barley"],
        "ship": ["port", "vessel", "cargo", "shipping", "freight", "tanker", "harbour", "crew"],
        "money": ["bank", "rates", "currency", "dollar", "interest", "central", "monetary", "yen"],
        "oil": ["crude", "barrels", "opec", "refinery", "oil", "pipeline", "petroleum", "drilling"],
    ]

    /// Story i: its label set and text, made deterministically.
    static func story(_ i: Int) -> (labels: [String], title: String, text: String) {
        let topics = words.keys.sorted()
        var labels = [topics[i % 4]]
        if i % 3 == 0 { labels.append(topics[(i / 3 + 1) % 4]) }
        if i % 11 == 5 { labels = [] }
        labels = Array(Set(labels)).sorted()
        var sentences: [String] = []
        for (n, label) in (labels.isEmpty ? ["none"] : labels).enumerated() {
            let pool = words[label] ?? ["weather", "festival", "museum", "parade", "garden", "concert", "painting", "holiday"]
            for s in 0..<3 {
                let pick = (0..<4).map { pool[(i * 7 + s * 3 + n + $0 * 5) % pool.count] }
                sentences.append("The \(pick[0]) and \(pick[1]) news said \(pick[2]) was up with \(pick[3]) today.")
            }
        }
        return (labels, "Story \(i)", sentences.joined(separator: " "))
    }

    static func jsonLines(_ range: Range<Int>) -> String {
        range.map { i in
            let s = story(i)
            let labels = "[" + s.labels.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            return "{\"id\":\"s\(i)\",\"title\":\"\(s.title)\",\"text\":\"\(s.text)\",\"labels\":\(labels)}"
        }.joined(separator: "\n") + "\n"
    }

    static func write(_ name: String, _ text: String) -> String {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Trains the shared model once, with the defaults (thresholds by 3-fold cross-validation).
    static func trainedModel() throws -> String {
        if FileManager.default.fileExists(atPath: model) { return model }
        let train = write("train.jsonl", jsonLines(0..<90))
        let result = try CommandRunner.run(["train", "--data", train, "-o", model, "--min-df", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("multi-label: 4 labels (one-vs-rest); 8 documents have no label"), "\(result.stderr)")
        #expect(result.stderr.contains("mean CV micro-F1") && result.stderr.contains("thresholds: global"), "\(result.stderr)")
        return model
    }

    static func records(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test("train on label sets writes a multi-label model; inspect shows its kind and thresholds")
    func trainAndInspect() throws {
        let model = try Self.trainedModel()
        let inspected = try CommandRunner.run(["inspect", model, "--json"])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(inspected.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(report["multi_label"] as? Bool == true)
        let thresholds = report["thresholds"] as? [String: Double] ?? [:]
        #expect(thresholds.keys.sorted() == ["grain", "money", "oil", "ship"])
        #expect(thresholds.values.allSatisfy { $0 > 0 && $0 < 1 })
        let provenance = report["provenance"] as? [String: Any] ?? [:]
        #expect((provenance["fields"] as? [String: String])?["labels"] == "labels")
        #expect((provenance["scores"] as? [String: Double])?["cv_micro_f1"] != nil)
        let text = try CommandRunner.run(["inspect", model])
        #expect(text.stdout.contains("kind: multi-label (one-vs-rest)") && text.stdout.contains("thresholds: chosen on 3-fold"), "\(text.stdout)")
        // The file is format 3.
        let header = try Data(contentsOf: URL(fileURLWithPath: model)).prefix(4096)
        #expect(String(decoding: header, as: UTF8.self).contains("\"format_version\":\"3\""))
    }

    @Test("classify writes the labels given, most probable first; --top-k, --threshold, --at-least-one, --explain")
    func classify() throws {
        let model = try Self.trainedModel()
        let input = Self.jsonLines(90..<96) + "{\"id\":\"x\",\"text\":\"museum garden parade\"}\n"
        let result = try CommandRunner.run(["classify", "--model", model, "--top-k", "2", "--output-format", "jsonl"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.records(result.stdout)
        #expect(records.count == 7)
        var right = 0
        for (i, record) in records.prefix(6).enumerated() {
            let given = record["labels"] as? [[String: Any]] ?? []
            let probabilities = given.compactMap { $0["probability"] as? Double }
            #expect(probabilities == probabilities.sorted(by: >))
            #expect(record["label"] == nil && (record["top"] as? [Any])?.count == 2)
            if given.compactMap({ $0["label"] as? String }).sorted() == Self.story(90 + i).labels { right += 1 }
        }
        #expect(right >= 5, "\(result.stdout)")
        let everything = try CommandRunner.run(["classify", "--model", model, "--threshold", "0", "--output-format", "jsonl"], input: input)
        #expect(Self.records(everything.stdout).allSatisfy { ($0["labels"] as? [Any])?.count == 4 })
        let nothing = try CommandRunner.run(["classify", "--model", model, "--threshold", "1", "--output-format", "jsonl"], input: input)
        #expect(Self.records(nothing.stdout).allSatisfy { ($0["labels"] as? [Any])?.isEmpty == true })
        let one = try CommandRunner.run(["classify", "--model", model, "--threshold", "1", "--at-least-one", "--output-format", "jsonl"], input: input)
        #expect(Self.records(one.stdout).allSatisfy { ($0["labels"] as? [Any])?.count == 1 })
        let explained = try CommandRunner.run(["classify", "--model", model, "--explain", "3", "--output-format", "jsonl"], input: input)
        for record in Self.records(explained.stdout) {
            let labels = (record["labels"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            let explanations = record["explain"] as? [[String: Any]] ?? []
            #expect(explanations.compactMap { $0["label"] as? String } == labels)
            #expect(explanations.allSatisfy { ($0["terms"] as? [Any])?.count ?? 0 <= 3 && $0["score"] is Double })
        }
    }

    @Test("TSV joins the labels and their probabilities with |")
    func tsv() throws {
        let model = try Self.trainedModel()
        let result = try CommandRunner.run(["classify", "--model", model, "--output-format", "tsv", "--threshold", "0"],
                                           input: Self.jsonLines(90..<91))
        let cells = result.stdout.split(separator: "\n").first?.split(separator: "\t", omittingEmptySubsequences: false) ?? []
        #expect(cells.count == 4, "\(result.stdout)")  // id, labels, probabilities, error
        #expect(cells.count == 4 && cells[1].split(separator: "|").count == 4 && cells[2].split(separator: "|").count == 4)
    }

    @Test("process writes the labels beside the summary")
    func process() throws {
        let model = try Self.trainedModel()
        let result = try CommandRunner.run(["process", "--model", model, "--output-format", "jsonl"], input: Self.jsonLines(90..<92))
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.records(result.stdout)
        #expect(records.count == 2 && records.allSatisfy { $0["labels"] is [Any] && $0["summary"] is String })
    }

    @Test("evaluate classifier reports micro- and macro-F1, per label, Hamming loss and exact match")
    func evaluate() throws {
        let model = try Self.trainedModel()
        let test = Self.write("test.jsonl", Self.jsonLines(90..<130))
        let result = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", test, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        #expect((report["micro_f1"] as? Double ?? 0) > 0.8, "\(result.stdout)")
        #expect(report["macro_f1"] is Double && report["hamming_loss"] is Double && report["exact_match"] is Double)
        #expect((report["per_label"] as? [[String: Any]])?.count == 4 && report["count"] as? Int == 40)
        let text = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", test])
        #expect(text.stdout.hasPrefix("40 documents, multi-label: micro-F1"), "\(text.stdout)")
        // The title is read as the model reads it (three times, before the text): stories whose topic is in the title alone.
        let titled = (0..<8).map { i in
            let topic = ["grain", "money", "oil", "ship"][i % 4]
            return "{\"title\":\"\(Self.words[topic]!.prefix(4).joined(separator: " "))\",\"text\":\"Reported today.\",\"labels\":[\"\(topic)\"]}"
        }.joined(separator: "\n") + "\n"
        let byTitle = try CommandRunner.run(["evaluate", "classifier", "--model", model, "--data", Self.write("titled.jsonl", titled), "--json"])
        let titleReport = try JSONSerialization.jsonObject(with: Data(byTitle.stdout.utf8)) as? [String: Any] ?? [:]
        #expect((titleReport["micro_f1"] as? Double ?? 0) > 0.8, "\(byTitle.stdout)")
    }

    @Test("CSV with a labels column and fastText with several labels train multi-label models; --multi-label on one-label data too")
    func otherFormats() throws {
        var csv = "id,title,text,topics\n"
        for i in 0..<40 {
            let s = Self.story(i)
            csv += "\(i),\(s.title),\(s.text),\(s.labels.joined(separator: ";"))\n"
        }
        let csvPath = Self.write("train.csv", csv)
        let csvModel = Self.folder.appendingPathComponent("csv.safetensors").path
        let fromCSV = try CommandRunner.run(["train", "--data", csvPath, "-o", csvModel, "--labels-field", "topics",
                                             "--label-separator", ";", "--no-calibrate", "--min-df", "1"])
        #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
        #expect(fromCSV.stderr.contains("multi-label: 4 labels"))
        let inspected = try CommandRunner.run(["inspect", csvModel])
        #expect(inspected.stdout.contains("thresholds: not calibrated (0.5 for every label)"), "\(inspected.stdout)")

        let fastText = (0..<40).map { i in
            let s = Self.story(i)
            return (s.labels.isEmpty ? ["__label__none"] : s.labels.map { "__label__" + $0 }).joined(separator: " ") + " " + s.text
        }.joined(separator: "\n") + "\n"
        let ftModel = Self.folder.appendingPathComponent("ft.safetensors").path
        let fromFastText = try CommandRunner.run(["train", "--data", Self.write("train.ft", fastText), "-o", ftModel, "--no-calibrate", "--min-df", "1"])
        #expect(fromFastText.status == 0 && fromFastText.stderr.contains("multi-label: 5 labels"), "\(fromFastText.stderr)")

        let single = (0..<40).map { "{\"text\":\"\(Self.story($0).text)\",\"label\":\"\(Self.story($0).labels.first ?? "none")\"}" }
            .joined(separator: "\n") + "\n"
        let forced = Self.folder.appendingPathComponent("forced.safetensors").path
        let fromSingle = try CommandRunner.run(["train", "--data", Self.write("single.jsonl", single), "-o", forced, "--multi-label",
                                                "--no-calibrate", "--min-df", "1"])
        #expect(fromSingle.status == 0 && fromSingle.stderr.contains("multi-label: 5 labels"), "\(fromSingle.stderr)")
        let balanced = try CommandRunner.run(["train", "--data", csvPath, "-o", forced, "--labels-field", "topics", "--label-separator", ";",
                                              "--class-weight", "balanced"])
        #expect(balanced.status == 65 && balanced.stderr.contains("class weights are for single-label models"), "\(balanced.stderr)")
    }

    @Test("a single-label model on data with label sets is bad data, said plainly")
    func singleLabelModelOnSets() throws {
        let single = (0..<40).map { "{\"text\":\"\(Self.story($0).text)\",\"label\":\"\(Self.story($0).labels.first ?? "none")\"}" }
            .joined(separator: "\n") + "\n"
        let singleModel = Self.folder.appendingPathComponent("single.safetensors").path
        let trained = try CommandRunner.run(["train", "--data", Self.write("single-train.jsonl", single), "-o", singleModel, "--no-calibrate",
                                             "--min-df", "1"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let evaluated = try CommandRunner.run(["evaluate", "classifier", "--model", singleModel, "--data",
                                               Self.write("sets.jsonl", Self.jsonLines(0..<10))])
        #expect(evaluated.status == 65 && evaluated.stderr.contains("the data has label sets"), "\(evaluated.stderr)")
    }
}
