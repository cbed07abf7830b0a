/// An error from fitting or applying a TF-IDF vectorizer, with a code to act on and, for bad input, the line.
public struct VectorizerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// No term at all was found (empty documents, or only stop words).
        case emptyVocabulary
        /// Terms were found, but `minDF`/`maxDF`/`maxFeatures` removed them all.
        case noTermsRemain
        /// The options contradict each other or are out of range.
        case invalidOptions
        /// A record could not be read (not JSON, or a field that is not a string).
        case badRecord
        /// The input file could not be opened or read.
        case unreadableInput
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for people.
    public var message: String
    /// The 1-based line of the input, for `badRecord`.
    public var line: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String {
        line.map { "line \($0): \(message)" } ?? message
    }
}
