import LedeText

extension StopWords {
    /// The summarizer's stop words: only the core of English function words (articles, personal and
    /// relative pronouns, the forms of "be", "have" and "do", the commonest prepositions and
    /// conjunctions, and a handful of adverbs of place, time and degree), about 140 words.
    ///
    /// It is deliberately shorter than `StopWords.english`. Sentence similarity is measured on what two
    /// sentences share, and words that `english` drops because they carry little topic, such as the
    /// modals ("would", "could", "may"), quantities ("many", "one", "less") and stance adverbs ("also",
    /// "however", "still"), tie sentences that report the same claim: with `english` the summarizer
    /// matched fewer of the BBC reference sentences (see the tuning notes in `SummarizerOptions`).
    package static let summarizerCore = StopWords(summarizerCoreWords)

    static let summarizerCoreWords: [String] = [
        // articles and determiners
        "a", "an", "the", "this", "that", "these", "those", "each", "all", "any", "both", "few",
        "more", "most", "other", "some", "such", "no", "own", "same",
        // personal, reflexive and relative pronouns
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom",
        "which", "what",
        // be, have, do, and the two commonest auxiliaries
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "can", "will", "should",
        // negative contractions of those (the tokenizer keeps the apostrophe)
        "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
        "didn't", "won't", "wouldn't", "couldn't", "shouldn't", "mustn't", "mightn't", "shan't",
        "needn't", "you're", "you've", "you'll", "you'd", "that'll",
        // prepositions
        "about", "above", "after", "against", "at", "before", "below", "between", "by", "down",
        "during", "for", "from", "in", "into", "of", "off", "on", "out", "over", "through", "to",
        "under", "until", "up", "with",
        // conjunctions
        "and", "but", "or", "nor", "so", "than", "as", "if", "because", "while", "once",
        // adverbs of place, time and degree
        "not", "only", "very", "too", "just", "then", "there", "here", "where", "when", "why",
        "how", "now", "again", "further",
    ]
}
