import LedeSafetensors

/// Why a model file could not be read or written; one clear message naming the file.
public struct ModelFileError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable {
        /// No file at the path.
        case notFound = "not_found"
        /// Not a readable safetensors file (truncated, corrupt, a directory…).
        case unreadable = "unreadable"
        /// A valid safetensors file, but not a Lede topic model.
        case notALedeModel = "not_a_lede_model"
        /// Written by a newer Lede whose format this build does not know.
        case newerFormat = "newer_format"
        /// The analyzer or training settings in the metadata make no sense.
        case invalidSettings = "invalid_settings"
        /// Tensors or metadata disagree with each other (sizes, offsets, values).
        case inconsistent = "inconsistent"
        /// Writing failed.
        case writeFailed = "write_failed"
    }

    public var code: Code
    /// What is wrong, without the file's path.
    public var message: String
    /// The model file concerned; `description` puts it in front of the message.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// A safetensors failure as a model-file error (`code`, else not found or unreadable): the code's
    /// phrase and the message, without the file the safetensors error names (the model file, which
    /// `path` holds instead).
    init(_ error: SafetensorsError, code: Code? = nil, path: String? = nil) {
        self.init(code ?? (error.code == .fileNotFound ? .notFound : .unreadable), "\(error.code.summary): \(error.message)",
                  path: path)
    }

    /// This error, about the file at `path`.
    func about(_ path: String) -> ModelFileError {
        var error = self
        error.path = path
        return error
    }

    /// `path: message`, or the message alone when no file is concerned.
    public var description: String {
        guard let path else { return message }
        return "\(path): \(message)"
    }
}
