import Foundation
import Testing

/// The scikit-learn side of the parity tests: its interpreter (through `ReferencePython`), the script
/// `Tests/Parity/sklearn_tfidf.py`, and readers for the files it writes.
public enum ParityHarness {
    /// The script that fits scikit-learn's vectorizer and writes what it made.
    public static let script = Prerequisites.packageRoot.appendingPathComponent("Tests/Parity/sklearn_tfidf.py")
    /// The interpreter to run the script with, when it imports scikit-learn (`python.require()`).
    public static let python = ReferencePython(check: "import sklearn, numpy", requirement: "scikit-learn==1.9.1 and numpy")

    /// Runs the script with `arguments`; throws with its error output when it fails.
    public static func runScript(python: String, _ arguments: [String]) throws {
        try ReferencePython.run(python, [script.path] + arguments)
    }

    /// A fresh temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Reads a little-endian binary file of `T` values.
    public static func readArray<T: BitwiseCopyable>(_ url: URL, as: T.Type) throws -> [T] {
        let data = try Data(contentsOf: url)
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }

    /// Reads one term per line.
    public static func readLines(_ url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    public static func readMeta(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }
}
