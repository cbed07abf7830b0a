import Foundation
import Testing
import LedeTestSupport

/// Reads the datasets and finds the Python interpreter (through LedeTestSupport) for the tests that compare
/// with rouge-score and NLTK, and runs `Tests/Parity/rouge_check.py`.
enum ROUGEParityHarness {
    /// The reference side of the parity tests.
    static let script = Prerequisites.packageRoot.appendingPathComponent("Tests/Parity/rouge_check.py")

    /// The interpreter to run the script with, when it imports rouge_score and nltk (`python.require()`).
    static let python = ReferencePython(check: "import rouge_score.rouge_scorer, nltk.stem.porter",
                                        requirement: "rouge-score==0.1.2 and nltk==3.10.4")

    /// The JSON Lines records of `datasets/relativePath`, or nil after failing (in CI) or printing why the
    /// test is skipped.
    static func requireDataset(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]]? {
        guard let url = SharedDatasets.require(relativePath, sourceLocation: sourceLocation) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            Issue.record(error, "reading \(url.path)", sourceLocation: sourceLocation)
            return nil
        }
        return data.split(separator: 0x0A).compactMap { line in
            try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        }
    }

    /// Runs the script in `mode` on `input` written to a temporary file, and returns what it wrote.
    static func runScript(_ python: String, mode: String, input: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-rouge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("in"), target = folder.appendingPathComponent("out")
        try input.write(to: source)
        try ReferencePython.run(python, [script.path, mode, source.path, target.path])
        return try Data(contentsOf: target)
    }

    /// JSON Lines from encodable records.
    static func jsonLines<T: Encodable>(_ records: [T]) throws -> Data {
        let encoder = JSONEncoder()
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return data
    }
}
