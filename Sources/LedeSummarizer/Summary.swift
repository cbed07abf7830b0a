/// One sentence of a summary: where it is in the text, its text, and its score.
public struct SummarySentence: Sendable, Equatable {
    /// Its position among the text's sentences, counting from 0.
    public var index: Int
    /// Its UTF-8 byte offsets `[start, end)` in the text, trimmed of white space.
    public var range: Range<Int>
    /// Its text: exactly the bytes of `range` (ill-formed UTF-8 repaired as U+FFFD).
    public var text: String
    /// Its rank score: the sentence's PageRank. A text's candidates' scores sum to 1 (across windows
    /// too: each window's scores are scaled by its share of the candidates); with one or two
    /// candidates each scores `1 / candidates`. With a learned scorer (`Summarizer.scorer`), the
    /// probability it gives the sentence of belonging in a summary, in (0, 1).
    public var score: Double

    /// Creates a summary sentence.
    public init(index: Int, range: Range<Int>, text: String, score: Double) {
        self.index = index
        self.range = range
        self.text = text
        self.score = score
    }
}

/// An extractive summary: sentences of the text, in document order.
public struct Summary: Sendable, Equatable {
    /// The picked sentences, in the order they appear in the text.
    public var sentences: [SummarySentence]
    /// How many sentences the text has (the segmenter's segments, with overlong ones cut).
    public var sentenceCount: Int
    /// Whether the summary is empty because no sentence fits the word budget (`SummaryBudget.words`
    /// is hard: the summary never has more words than it allows).
    public var budgetTooSmall: Bool

    /// Creates a summary.
    public init(sentences: [SummarySentence], sentenceCount: Int, budgetTooSmall: Bool = false) {
        self.sentences = sentences
        self.sentenceCount = sentenceCount
        self.budgetTooSmall = budgetTooSmall
    }

    /// The summary as one string: its sentences joined by single spaces.
    public var text: String { sentences.map(\.text).joined(separator: " ") }

    /// Whether the summary has no sentence: the text has none that may be picked (none, or only page
    /// furniture), or none fits a word budget (`budgetTooSmall`).
    public var isEmpty: Bool { sentences.isEmpty }
}

/// Every sentence of a text with its score: the ranking a summary is cut from.
public struct SentenceRanking: Sendable, Equatable {
    /// The sentences' UTF-8 byte ranges, in document order.
    public var sentences: [Range<Int>]
    /// Each sentence's score (0 for sentences that are not candidates).
    public var scores: [Double]
    /// Whether each sentence may be picked (fragments under `minimumWords` words are not).
    public var isCandidate: [Bool]
    /// The candidates' indices, best first (ties go to the earlier sentence).
    public var order: [Int]
    /// Each sentence's word count.
    public var wordCounts: [Int]
}
