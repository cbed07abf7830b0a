import Foundation
import Testing

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
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // A child that exits without reading its input must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Feed stdin and drain stderr on other threads so that large inputs and outputs cannot block.
        let done = DispatchGroup()
        let errorData = Locked(Data())
        DispatchQueue.global().async(group: done) {
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: done) { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// The Python with the test helpers: `$LEDE_PYTHON`, else `.venv-test/bin/python`; a test failure
    /// under CI (nil elsewhere) when there is none.
    static func python() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["LEDE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? packageRoot.appendingPathComponent(".venv-test/bin/python").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        if environment["CI"] == "true" {
            Issue.record("no Python at \(path): run .ci/setup")
        } else {
            print("skipping: no Python at \(path) (run .ci/setup)")
        }
        return nil
    }

    /// A dataset file, or a test failure (under CI) / nil (elsewhere) when the shared data is missing.
    static func dataset(_ relative: String) -> String? {
        let path = datasets.appendingPathComponent(relative).path
        if FileManager.default.fileExists(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("missing \(path): the quality tests need ../shared/datasets beside the repository")
        } else {
            print("skipping: \(path) is missing")
        }
        return nil
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    /// Changes the value in place, under the lock (a get and a set from two threads could lose one).
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
}
