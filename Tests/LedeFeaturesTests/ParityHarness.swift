import Foundation
import Testing

/// Finds the datasets and the Python interpreter for tests that compare with scikit-learn, runs the
/// script `Tests/Parity/sklearn_tfidf.py`, and reads what it wrote.
enum ParityHarness {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/datasets` beside the package root.
    static let datasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")
    static let script = packageRoot.appendingPathComponent("Tests/Parity/sklearn_tfidf.py")
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// `$LEDE_PYTHON`, else `.venv-test/bin/python` under the package root, if it exists.
    static var python: String? {
        if let path = ProcessInfo.processInfo.environment["LEDE_PYTHON"], !path.isEmpty { return path }
        let venv = packageRoot.appendingPathComponent(".venv-test/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    /// Whether a prerequisite is there; when not: fails in CI, and elsewhere records why the test did nothing.
    static func require(_ present: Bool, _ what: String) -> Bool {
        if present { return true }
        if inCI {
            Issue.record("missing in CI: \(what)")
        } else {
            print("◇ skipped: \(what) is missing (set LEDE_PYTHON or create .venv-test; see Tests/Parity/requirements.txt)")
        }
        return false
    }

    /// Runs the script with `arguments`; throws with its error output when it fails.
    static func runScript(python: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw ScriptFailure(message: String(decoding: message, as: UTF8.self))
        }
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "sklearn_tfidf.py failed: \(message)" }
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Reads a little-endian binary file of `T` values.
    static func readArray<T: BitwiseCopyable>(_ url: URL, as: T.Type) throws -> [T] {
        let data = try Data(contentsOf: url)
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }

    /// Reads one term per line.
    static func readLines(_ url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func readMeta(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }
}
