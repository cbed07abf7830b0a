import Foundation
import LedeParallel

/// Runs a program to its end, for tests: its input written and its error output read on other threads
/// while its output is read here, so that no pipe (64 KiB) can fill and block either side.
public enum ChildProcess {
    /// What a finished run left.
    public struct Result: Sendable {
        /// The exit status (or the signal's number when it was killed).
        public var status: Int32
        /// Everything it wrote to stdout, and to stderr.
        public var stdout: Data, stderr: Data
    }

    /// Runs `executable arguments…` with `input` on stdin and `environment` added to this process's.
    public static func run(_ executable: URL, _ arguments: [String], input: Data = Data(),
                           environment: [String: String] = [:]) throws -> Result {
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
        let done = DispatchGroup()
        let errors = Locked(Data())
        DispatchQueue.global().async(group: done) {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: done) { errors.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return Result(status: process.terminationStatus, stdout: output, stderr: errors.get())
    }
}

/// A value shared between threads behind a lock, for tests: LedeParallel's `LockedValue` (the one lock
/// Lede's code uses) with a getter and a setter.
public final class Locked<Value>: @unchecked Sendable {
    private let box: LockedValue<Value>
    public init(_ value: Value) { box = LockedValue(value) }
    public func get() -> Value { box.withLock { $0 } }
    public func set(_ newValue: Value) { box.withLock { $0 = newValue } }
    /// Changes the value in place, under the lock (a get and a set from two threads could lose one).
    public func update(_ change: (inout Value) -> Void) { box.withLock { change(&$0) } }
}
