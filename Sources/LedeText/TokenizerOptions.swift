/// Settings of Lede's own tokenizer (see `scanLede` for the rules they adjust).
public struct TokenizerOptions: Sendable, Hashable {
    /// What to do with tokens that have no letter ("2004", "1,000", "3.5").
    public enum Numbers: Sendable, Hashable {
        /// Keep them as tokens.
        case keep
        /// Drop them.
        case drop
    }

    /// What to do with web addresses ("https://…", "www.…").
    public enum URLs: Sendable, Hashable {
        /// Keep each address as one lower-cased token.
        case keep
        /// Drop them.
        case drop
        /// Read them like any other text (their words become tokens).
        case split
    }

    /// Shortest token kept, in Unicode scalars (combining marks count). Web addresses are always kept.
    public var minimumLength: Int
    /// Rule for tokens without letters.
    public var numbers: Numbers
    /// Rule for web addresses.
    public var urls: URLs

    /// Creates options; the defaults keep numbers and web addresses and drop one-character tokens.
    public init(minimumLength: Int = 2, numbers: Numbers = .keep, urls: URLs = .keep) {
        self.minimumLength = minimumLength
        self.numbers = numbers
        self.urls = urls
    }
}
