import Foundation
import Testing
import LedeClassifier
import LedeFeatures
import LedeSafetensors
import LedeTestSupport

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let formatOneFixture = packageRoot.appendingPathComponent("Tests/Fixtures/model-format-1.safetensors").path
let formatTwoFixture = packageRoot.appendingPathComponent("Tests/Fixtures/model-format-2.safetensors").path

func temporaryPath(_ name: String) -> String {
    TestFiles.url("\(name)-\(UUID().uuidString)").path
}

/// Rewrites a model file with some tensors or metadata changed.
func rewrite(_ source: String, to path: String, metadata: (inout [String: String]) -> Void = { _ in },
             tensors: (String, inout [Float]) -> Void = { _, _ in }) throws {
    let file = try SafetensorsFile(path: source)
    var meta = file.metadata
    metadata(&meta)
    var writer = SafetensorsWriter(metadata: meta)
    for name in file.names {
        let shape = try file.shape(of: name)
        switch try file.dtype(of: name) {
        case .float32:
            var values = try file.array(name, as: Float.self)
            tensors(name, &values)
            try writer.add(name, values, shape: values.count == shape.reduce(1, *) ? shape : [values.count])
        case .float64: try writer.add(name, try file.array(name, as: Double.self), shape: shape)
        case .int64: try writer.add(name, try file.array(name, as: Int64.self), shape: shape)
        case .uint8: try writer.add(name, try file.array(name, as: UInt8.self), shape: shape)
        default: Issue.record("unexpected dtype in \(name)")
        }
    }
    try writer.write(toFile: path)
}

@Suite("Model file")
struct ModelFileTests {
    @Test("the format 1 fixture loads and labels the articles it was trained on")
    func formatOneLoads() throws {
        let model = try ModelFile.load(from: formatOneFixture)
        #expect(model.labels == ["business", "entertainment", "politics", "sport", "tech"])
        #expect(model.provenance.fields["text"] == "text")
        let probabilities = model.probabilities(of: ["Shares rose after the bank said profit doubled", "The striker scored in the cup final"])
        let k = model.labels.count
        func best(_ row: Int) -> String {
            let scores = probabilities[row * k..<(row + 1) * k]
            return model.labels[scores.indices.max { scores[$0] < scores[$1] }! - row * k]
        }
        #expect(best(0) == "business" && best(1) == "sport")
        #expect(model.titleWeight == 1)
    }

    @Test("the format 2 fixture loads with its title weight, and builds its input with it")
    func formatTwoLoads() throws {
        let model = try ModelFile.load(from: formatTwoFixture)
        #expect(model.labels == ["business", "entertainment", "politics", "sport", "tech"])
        #expect(model.titleWeight == 3)
        #expect(model.input(title: "Bank profit", text: "Shares rose.") == "Bank profit\nBank profit\nBank profit\nShares rose.")
        #expect(model.input(title: "", text: "Shares rose.") == "Shares rose.")
        let k = model.labels.count
        let probabilities = model.probabilities(of: [model.input(title: "Cup final", text: "The striker scored in the cup final")])
        #expect(model.labels[argmax(probabilities[0..<k])] == "sport")
    }

    @Test("a title weight that is missing or out of range in a format 2 file is refused", arguments: [nil, "0", "101", "two"])
    func badTitleWeight(value: String?) throws {
        let path = temporaryPath("title-weight")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try rewrite(formatTwoFixture, to: path, metadata: { $0["title_weight"] = value })
        #expect { try ModelFile.load(from: path) } throws: { error in
            guard let error = error as? ModelFileError else { return false }
            return error.code == .invalidSettings && error.description.contains("title_weight")
        }
    }

    @Test("save then load gives the same model, byte for byte on a second save")
    func roundTrip() throws {
        let model = try ModelFile.load(from: formatTwoFixture)
        let first = temporaryPath("roundtrip-a"), second = temporaryPath("roundtrip-b")
        defer { try? FileManager.default.removeItem(atPath: first); try? FileManager.default.removeItem(atPath: second) }
        try ModelFile.save(model, to: first)
        let loaded = try ModelFile.load(from: first)
        #expect(loaded.classifier.parameters == model.classifier.parameters)
        #expect(loaded.tfidf.vocabulary == model.tfidf.vocabulary && loaded.tfidf.idf == model.tfidf.idf)
        #expect(loaded.tfidf.analyzer == model.tfidf.analyzer && loaded.tfidf.options == model.tfidf.options)
        #expect(loaded.provenance == model.provenance)
        #expect(loaded.titleWeight == model.titleWeight && loaded.temperature == model.temperature)
        try ModelFile.save(loaded, to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test("a newer format gets a message saying so")
    func newerFormat() throws {
        let path = temporaryPath("format4")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try rewrite(formatTwoFixture, to: path, metadata: { $0["format_version"] = String(ModelFile.formatVersion + 1) })
        #expect { try ModelFile.load(from: path) } throws: { error in
            guard let error = error as? ModelFileError else { return false }
            return error.code == .newerFormat && error.description.contains("format \(ModelFile.formatVersion + 1) is newer than this build")
        }
    }

    @Test("broken files get one clear error each", arguments: [
        "missing", "empty", "truncated", "foreign safetensors", "not safetensors", "bad labels",
        "weights of the wrong shape", "non-finite weight", "bad analyzer", "unsorted vocabulary",
        "duplicate vocabulary term", "a term before its own prefix", "infinite intercept",
        "an empty vocabulary term", "a term ending in a space", "a term with two spaces in a row",
    ])
    func broken(kind: String) throws {
        let path = temporaryPath("broken")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = try Data(contentsOf: URL(fileURLWithPath: formatOneFixture))
        var expected: ModelFileError.Code = .inconsistent
        switch kind {
        case "missing": expected = .notFound
        case "empty": #expect(FileManager.default.createFile(atPath: path, contents: Data())); expected = .notALedeModel
        case "truncated": #expect(FileManager.default.createFile(atPath: path, contents: good.prefix(good.count - 100))); expected = .unreadable
        case "not safetensors": #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 64))); expected = .notALedeModel
        case "foreign safetensors":
            var writer = SafetensorsWriter(metadata: ["format": "pt"])
            try writer.add("w", [Float](repeating: 1, count: 4), shape: [2, 2])
            try writer.write(toFile: path)
            expected = .notALedeModel
        case "bad labels": try rewrite(formatOneFixture, to: path, metadata: { $0["labels"] = "[\"a\",\"a\"]" })
        case "weights of the wrong shape": try rewrite(formatOneFixture, to: path, tensors: { name, v in if name == "weights" { v.removeLast() } })
        case "non-finite weight": try rewrite(formatOneFixture, to: path, tensors: { name, v in if name == "weights" { v[3] = .nan } })
        case "infinite intercept": try rewrite(formatOneFixture, to: path, tensors: { name, v in if name == "intercepts" { v[1] = -.infinity } })
        case "bad analyzer": try rewrite(formatOneFixture, to: path, metadata: { $0["analyzer"] = "{\"tokenizer\": 3}" }); expected = .invalidSettings
        case "unsorted vocabulary":
            // The first term now starts with "z", after the second.
            try rewriteVocabulary(to: path) { terms in terms[0][0] = UInt8(ascii: "z") }
        case "duplicate vocabulary term":
            try rewriteVocabulary(to: path) { terms in terms[1] = terms[0] }
        case "a term before its own prefix":
            try rewriteVocabulary(to: path) { terms in terms[0] = terms[1] + [UInt8(ascii: "z")] }
        case "an empty vocabulary term":
            try rewriteVocabulary(to: path) { terms in terms[0] = [] }
        case "a term ending in a space":
            try rewriteVocabulary(to: path) { terms in terms[terms.count - 1] += [UInt8(ascii: " ")] }
        case "a term with two spaces in a row":
            try rewriteVocabulary(to: path) { terms in terms[terms.count - 1] += Array("  z".utf8) }
        default: Issue.record("unknown case")
        }
        #expect { try ModelFile.load(from: path) } throws: { error in
            guard let error = error as? ModelFileError else { return false }
            let named = !kind.contains("empty vocabulary term") && !kind.contains("space") || error.description.contains("empty word")
            return error.code == expected && error.description.hasPrefix(path) && !error.description.contains("\n")
                && error.description.components(separatedBy: path).count == 2 && named
        }
    }

    /// Writes the format 1 fixture to `path` with its vocabulary's terms (as bytes) changed by `change`.
    func rewriteVocabulary(to path: String, _ change: (inout [[UInt8]]) -> Void) throws {
        let file = try SafetensorsFile(path: formatOneFixture)
        let bytes = try file.array("vocabulary", as: UInt8.self)
        let offsets = try file.array("vocabulary_offsets", as: Int64.self)
        var terms = (0..<(offsets.count - 1)).map { Array(bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])]) }
        change(&terms)
        var writer = SafetensorsWriter(metadata: file.metadata)
        for name in file.names where name != "vocabulary" && name != "vocabulary_offsets" {
            switch try file.dtype(of: name) {
            case .float32: try writer.add(name, try file.array(name, as: Float.self), shape: try file.shape(of: name))
            case .float64: try writer.add(name, try file.array(name, as: Double.self), shape: try file.shape(of: name))
            case .int64: try writer.add(name, try file.array(name, as: Int64.self), shape: try file.shape(of: name))
            default: try writer.add(name, try file.array(name, as: UInt8.self), shape: try file.shape(of: name))
            }
        }
        let joined = terms.flatMap { $0 }
        var newOffsets: [Int64] = [0]
        for term in terms { newOffsets.append(newOffsets.last! + Int64(term.count)) }
        try writer.add("vocabulary", joined, shape: [joined.count])
        try writer.add("vocabulary_offsets", newOffsets, shape: [newOffsets.count])
        try writer.write(toFile: path)
    }

    @Test("a bad analyzer setting is an invalid-settings error naming the file once", arguments: [
        "tokenizer", "terms", "ngram range", "norm", "Unicode version", "document-frequency bound",
    ])
    func badAnalyzerSetting(setting: String) throws {
        let path = temporaryPath("bad-setting")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try rewrite(formatTwoFixture, to: path, metadata: { metadata in
            // Well-formed JSON with every key the schema needs, and one value that makes no sense.
            var analyzer = try! JSONSerialization.jsonObject(with: Data(metadata["analyzer"]!.utf8)) as! [String: Any]
            switch setting {
            case "tokenizer": analyzer["tokenizer"] = "whitespace"
            case "terms": analyzer["terms"] = "sentences"
            case "ngram range": analyzer["ngramRange"] = [2, 1]
            case "norm": analyzer["norm"] = "l3"
            case "Unicode version": analyzer["unicodeVersion"] = "fifteen"
            default: analyzer["minDF"] = [String: Any]()
            }
            metadata["analyzer"] = String(decoding: try! JSONSerialization.data(withJSONObject: analyzer), as: UTF8.self)
        })
        #expect { try ModelFile.load(from: path) } throws: { error in
            guard let error = error as? ModelFileError else { return false }
            let description = error.description
            return error.code == .invalidSettings && error.path == path && description.hasPrefix("\(path): analyzer settings: ")
                && description.components(separatedBy: path).count == 2 && !description.contains("\n")
        }
    }
}

@Suite("Model file: calibration and the C search")
struct ModelFileCalibrationTests {
    @Test("format 1 files without the new keys load as temperature 1 and no C search")
    func oldFilesLoad() throws {
        let model = try ModelFile.load(from: formatOneFixture)
        #expect(model.temperature == 1 && model.provenance.cSearch == nil)
    }

    @Test("the temperature and the C search survive a save and load; the temperature softens probabilities")
    func roundTrip() throws {
        var model = try ModelFile.load(from: formatOneFixture)
        let plain = model.probabilities(of: ["The striker scored in the cup final"])
        model.temperature = 2.5
        model.provenance.cSearch = GridSearchResult(folds: 3, seed: 1, rows: [GridSearchRow(c: 10, foldAccuracies: [0.9, 0.8, 1.0])], chosenC: 10)
        let path = temporaryPath("temperature")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(model, to: path)
        let loaded = try ModelFile.load(from: path)
        #expect(loaded.temperature == 2.5 && loaded.provenance.cSearch == model.provenance.cSearch)
        #expect(abs(loaded.provenance.cSearch!.rows[0].meanAccuracy - 0.9) < 1e-12)
        let soft = loaded.probabilities(of: ["The striker scored in the cup final"])
        #expect(soft.max()! < plain.max()! && soft.firstIndex(of: soft.max()!) == plain.firstIndex(of: plain.max()!))
    }

    @Test("a bad temperature is a clear error")
    func badTemperature() throws {
        let path = temporaryPath("bad-temperature")
        defer { try? FileManager.default.removeItem(atPath: path) }
        for bad in ["0", "-1", "nan", "warm"] {
            try rewrite(formatOneFixture, to: path, metadata: { $0["temperature"] = bad })
            #expect(throws: ModelFileError.self) { try ModelFile.load(from: path) }
        }
    }
}
