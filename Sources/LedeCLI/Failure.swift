import ArgumentParser
import Foundation
import Lede

/// The exit codes of docs/command-line.md (sysexits.h), and how errors reach the user: one line on stderr.
enum Exit {
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    static let noInput = ExitCode(66)
    static let ioError = ExitCode(74)

    /// Prints `lede: message` on stderr and returns the exit code to throw.
    static func fail(_ code: ExitCode, _ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("lede: \(message)\n".utf8))
        return code
    }

    /// The exit for an input that could not be opened or read.
    static func fail(_ error: InputError) -> ExitCode {
        fail(error.isMissing ? noInput : ioError, error.description)
    }

    /// The exit for a model that could not be loaded.
    static func fail(_ error: ModelFileError) -> ExitCode {
        switch error.code {
        case .notFound: fail(noInput, error.description)
        case .writeFailed: fail(ioError, error.description)
        default: fail(badData, error.description)
        }
    }
}

/// The exit codes, as every verb's `--help` states them (docs/command-line.md).
let exitCodesHelp = "\n\n" + """
    Exit codes: 0 success (also when stdout is closed early, as by `| head`, and on empty input); \
    64 usage error; 65 bad input data or a bad model file; 66 input or model not found; 74 I/O error; \
    1 anything else.
    """

/// Writes a line of progress or a log message to stderr.
func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
