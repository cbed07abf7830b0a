import Foundation
import Testing
import LedeTestSupport

/// Runs the built `lede` binary (it sits beside the test bundle) with arguments and stdin.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets")

    /// The `lede` executable of this build.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("lede").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("lede")
    }

    /// Runs `lede arguments…` with `input` on stdin and `environment` added.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        let run = try ChildProcess.run(executable, arguments, input: Data(input.utf8), environment: environment)
        return Result(status: run.status, stdout: String(decoding: run.stdout, as: UTF8.self),
                      stderr: String(decoding: run.stderr, as: UTF8.self))
    }

    /// The Python with the test helpers (`ReferencePython`), or nil after recording an issue; tests that call it carry `.needs(CommandRunner.testPython)`.
    static func python(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        testPython.require(sourceLocation: sourceLocation)
    }
    static let testPython = ReferencePython(check: "import safetensors", requirement: "the test helpers of Tests/Parity/requirements.txt")

    /// A dataset file, or nil after recording an issue (`SharedDatasets.require`); tests that call it carry `.needsDatasets(…)`.
    static func dataset(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        SharedDatasets.require(relative, sourceLocation: sourceLocation)?.path
    }
}

