import Foundation
import Testing

/// Finds the datasets and the Python interpreter for the tests that compare with rouge-score and NLTK,
/// and runs `Tests/Parity/rouge_check.py`.
enum ROUGEParityHarness {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/datasets` beside the package root.
    static let datasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    /// The reference side of the parity tests.
    static let script = packageRoot.appendingPathComponent("Tests/Parity/rouge_check.py")
    /// Whether missing prerequisites fail the tests instead of skipping them.
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// `$LEDE_PYTHON`, else `.venv-test/bin/python` under the package root, when it exists and imports
    /// rouge_score and nltk.
    static let python: String? = {
        let candidate = ProcessInfo.processInfo.environment["LEDE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? packageRoot.appendingPathComponent(".venv-test/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: candidate),
              (try? run(candidate, ["-c", "import rouge_score.rouge_scorer, nltk.stem.porter"])) != nil else { return nil }
        return candidate
    }()

    /// The Python to run the script with, or nil after failing (in CI) or printing why the test is skipped.
    static func requirePython() -> String? {
        if let python { return python }
        missing("Python with rouge-score==0.1.2 and nltk==3.10.4 (set LEDE_PYTHON or: python3 -m venv .venv-test && .venv-test/bin/pip install -r Tests/Parity/requirements.txt)")
        return nil
    }

    /// The JSON Lines records of `datasets/relativePath`, or nil after failing (in CI) or printing why the
    /// test is skipped.
    static func requireDataset(_ relativePath: String) -> [[String: Any]]? {
        let url = datasets.appendingPathComponent(relativePath)
        guard let data = try? Data(contentsOf: url) else {
            missing("the dataset \(url.path)")
            return nil
        }
        return data.split(separator: 0x0A).compactMap { line in
            try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        }
    }

    /// Fails when `CI` is `true`, else prints that the test did nothing and why.
    static func missing(_ what: String) {
        if inCI {
            Issue.record("missing in CI: \(what)")
        } else {
            print("◇ skipped: missing \(what)")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `python arguments…` and returns its standard output; throws with its error output when it fails.
    @discardableResult
    static func run(_ python: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed: \(String(decoding: stderr, as: UTF8.self))")
        }
        return stdout
    }

    /// Runs the script in `mode` on `input` written to a temporary file, and returns what it wrote.
    static func runScript(_ python: String, mode: String, input: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-rouge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("in"), target = folder.appendingPathComponent("out")
        try input.write(to: source)
        try run(python, [script.path, mode, source.path, target.path])
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

    /// Records decoded from JSON Lines.
    static func decodeLines<T: Decodable>(_ data: Data, as type: T.Type) throws -> [T] {
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(T.self, from: $0) }
    }
}
