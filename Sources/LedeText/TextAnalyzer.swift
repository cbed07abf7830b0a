/// What turns a document into the terms that are counted: a tokenizer (scikit-learn's default, or
/// Lede's own rules), optional stop words, and the kind of terms (word n-grams, or character n-grams
/// within word boundaries). One analyzer serves the classifier and the summarizer alike.
public struct TextAnalyzer: Sendable, Hashable {
    /// The tokenizer to use.
    public enum Tokenization: Sendable, Hashable {
        /// scikit-learn's default: `str.lower()`, then runs of two or more Python `\w` characters.
        case scikitLearn
        /// Lede's own rules (see `TokenizerOptions`).
        case lede(TokenizerOptions)
    }

    /// The terms formed from the tokens.
    public enum Terms: Sendable, Hashable {
        /// Word n-grams for each n in the range: tokens joined by single spaces (scikit-learn's `ngram_range`).
        case words(ClosedRange<Int>)
        /// Character n-grams of each token padded with spaces (like scikit-learn's `char_wb`, over tokens).
        case charactersWithinWords(ClosedRange<Int>)

        /// The terms in words, as `lede inspect` and the reports show them ("word 1–2-grams").
        public var summary: String {
            switch self {
            case .words(let r): "word \(r.lowerBound)–\(r.upperBound)-grams"
            case .charactersWithinWords(let r): "character \(r.lowerBound)–\(r.upperBound)-grams within words"
            }
        }
    }

    /// The tokenizer.
    public var tokenization: Tokenization
    /// The terms formed from tokens.
    public var terms: Terms
    /// Stop words, dropped before n-grams are formed.
    public var stopWords: StopWords?
    /// Treat characters assigned after this Unicode version as unassigned (to match an older Python); nil: Swift's data.
    public var unicodeVersion: UnicodeVersion?

    /// Creates an analyzer; by default Lede's tokenizer with single words.
    public init(tokenization: Tokenization = .lede(TokenizerOptions()), terms: Terms = .words(1...1),
                stopWords: StopWords? = nil, unicodeVersion: UnicodeVersion? = nil) {
        if case .words(let sizes) = terms { precondition(sizes.lowerBound >= 1, "TextAnalyzer: n-gram sizes start at 1") }
        if case .charactersWithinWords(let sizes) = terms { precondition(sizes.lowerBound >= 1, "TextAnalyzer: n-gram sizes start at 1") }
        self.tokenization = tokenization
        self.terms = terms
        self.stopWords = stopWords
        self.unicodeVersion = unicodeVersion
    }

    /// scikit-learn's `TfidfVectorizer` analyzer with default tokenization and the given `ngram_range`.
    public static func scikitLearn(ngramRange: ClosedRange<Int> = 1...1, stopWords: StopWords? = nil,
                                   unicodeVersion: UnicodeVersion? = nil) -> TextAnalyzer {
        TextAnalyzer(tokenization: .scikitLearn, terms: .words(ngramRange), stopWords: stopWords, unicodeVersion: unicodeVersion)
    }

    /// Builds the Unicode tables tokenizing needs now, rather than at the first text.
    public func prepare() {
        _ = ScalarTable.table(limit: unicodeVersion)
    }

    /// Tokenizes UTF-8 bytes into `buffer`, calling `onBlock` for each block of tokens (see `TokenBuffer`);
    /// tokens of a document come in order across blocks. Returns the number of ill-formed UTF-8 sequences,
    /// each read as U+FFFD. O(n) in the bytes; memory bounded by the buffer's limits.
    package func tokenize(_ text: UnsafeBufferPointer<UInt8>, into buffer: TokenBuffer, onBlock: (TokenBuffer) -> Void) -> Int {
        let table = ScalarTable.table(limit: unicodeVersion)
        switch tokenization {
        case .scikitLearn:
            return scanScikitLearn(text, table: table, stopWords: stopWords, into: buffer, onBlock: onBlock)
        case .lede(let options):
            return scanLede(text, options: options, table: table, stopWords: stopWords, into: buffer, onBlock: onBlock)
        }
    }

    /// The tokens of a text, as strings (for tests and small jobs; the vectorizer reads the buffer instead).
    public func tokens(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { tokens(ofBytes: $0).tokens }
    }

    /// The tokens of UTF-8 bytes, and the number of ill-formed sequences met.
    public func tokens(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> (tokens: [String], invalidUTF8: Int) {
        var result: [String] = []
        let invalid = tokenize(bytes, into: TokenBuffer()) { buffer in
            for i in 0..<buffer.tokenCount { result.append(String(decoding: buffer.token(i), as: UTF8.self)) }
        }
        return (result, invalid)
    }

    /// The terms of a text, as strings, in scikit-learn's order: all n-grams of the smallest n, then the next n.
    public func terms(of text: String) -> [String] {
        let tokens = tokens(of: text)
        switch terms {
        case .words(let sizes):
            var result: [String] = []
            for n in sizes where n <= tokens.count {
                for i in 0...(tokens.count - n) { result.append(tokens[i..<(i + n)].joined(separator: " ")) }
            }
            return result
        case .charactersWithinWords(let sizes):
            var result: [String] = []
            for token in tokens {
                let padded = Array((" " + token + " ").unicodeScalars)
                for n in sizes {
                    var offset = 0
                    while true {
                        var term = String.UnicodeScalarView()
                        term.append(contentsOf: padded[offset..<min(offset + n, padded.count)])
                        result.append(String(term))
                        if offset + n >= padded.count { break }
                        offset += 1
                    }
                    if offset == 0 { break }
                }
            }
            return result
        }
    }
}
