import Foundation
import Testing

/// The Python interpreter that runs a parity test's reference side: `$LEDE_PYTHON`, else
/// `.venv-test/bin/python` under the package root, when it exists and runs `check` without error.
/// Keep one in a `static let`, so that the interpreter is looked for once.
public struct ReferencePython: Sendable {
    /// The interpreter, or nil when it is missing or fails the check.
    public let path: String?
    /// What the tests need, for the message when it is missing (such as "safetensors==0.8.0").
    public let requirement: String

    /// Looks for the interpreter and runs `python -c check` with it (an import of the reference modules).
    public init(check: String, requirement: String) {
        self.requirement = requirement
        let candidate = ProcessInfo.processInfo.environment["LEDE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Prerequisites.packageRoot.appendingPathComponent(".venv-test/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: candidate),
              (try? Self.run(candidate, ["-c", check])) != nil else {
            path = nil
            return
        }
        path = candidate
    }

    /// The interpreter, or nil after recording an issue (`Prerequisites.missing`).
    public func require(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let path { return path }
        Prerequisites.missing("Python with \(requirement) (set LEDE_PYTHON or: python3 -m venv .venv-test && .venv-test/bin/pip install -r Tests/Parity/requirements.txt)",
                              sourceLocation: sourceLocation)
        return nil
    }

    /// A reference run that exited with an error, with its arguments and error output.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `python arguments…` and returns its standard output; throws with its error output when it fails.
    @discardableResult
    public static func run(_ python: String, _ arguments: [String]) throws -> Data {
        let result = try ChildProcess.run(URL(fileURLWithPath: python), arguments)
        let stderr = result.stderr
        guard result.status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed: \(String(decoding: stderr, as: UTF8.self))")
        }
        return result.stdout
    }
}
