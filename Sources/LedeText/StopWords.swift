import Foundation

/// A set of stop words, removed after tokenizing and before forming n-grams (as scikit-learn does).
/// Matching is on the tokenizer's output: lower-cased, apostrophes written as ASCII "'".
public struct StopWords: Sendable, Hashable {
    /// The words, for membership tests straight from token bytes.
    @usableFromInline package let members: ByteStringSet

    /// A stop-word set of the given words (matched as given: write them lower-cased).
    public init<S: Sequence>(_ words: S) where S.Element == String {
        members = ByteStringSet(words)
    }

    /// Lede's built-in English list (about 270 function words, written for Lede).
    public static let english = StopWords(englishWords)

    /// Reads a word list: one word per line, UTF-8; blank lines and lines starting with "#" are skipped,
    /// surrounding white space is trimmed, and words are lower-cased.
    public init(contentsOfFile path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        self.init(wordList: text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init))
    }

    /// A word list given as its lines, read as `init(contentsOfFile:)` reads a file's.
    public init(wordList lines: [String]) {
        var words: [String] = []
        for line in lines {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            words.append(word.lowercased())
        }
        self.init(words)
    }

    /// Number of words.
    public var count: Int { members.count }

    /// Whether `word` is a stop word.
    public func contains(_ word: String) -> Bool { members.contains(word) }

    /// Whether the `count` bytes at `p` are a stop word.
    @inlinable public func contains(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool { members.contains(p, count) }
}
