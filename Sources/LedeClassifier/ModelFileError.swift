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
    public var message: String
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    init(_ error: SafetensorsError, path: String) {
        self.init(error.code == .fileNotFound ? .notFound : .unreadable, error.description, path: nil)
        self.path = path
    }

    public var description: String {
        guard let path, !message.hasPrefix(path) else { return message }
        return "\(path): \(message)"
    }
}
