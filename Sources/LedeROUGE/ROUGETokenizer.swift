/// rouge-score's default tokenizer (`rouge_score.tokenize.tokenize`, version 0.1.2): lower-case, every run
/// of characters other than `[a-z0-9]` separates tokens, and with stemming each token longer than three
/// characters is replaced by its Porter stem (NLTK's `PorterStemmer`).
package struct ROUGETokenizer: Sendable {
    /// Whether tokens longer than three characters are stemmed (rouge-score's `use_stemmer`).
    package var stemming: Bool

    /// Creates a tokenizer; `stemming` as rouge-score's `use_stemmer`.
    package init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// The tokens of `text`, exactly as rouge-score's tokenizer returns them. O(bytes).
    package func tokens(_ text: String) -> [String] {
        let scanned = ROUGETokenScanner.scan(text)
        let stemmer = PorterStemmer()
        var word = PorterWord([])
        return (0..<scanned.count).map { i in
            let token = scanned.bytes[scanned.start(i)..<scanned.ends[i]]
            guard stemming && token.count > 3 else { return String(decoding: token, as: UTF8.self) }
            word.letters = token.map { UInt32($0) }
            stemmer.stem(&word, originalLength: token.count)
            return String(decoding: word.letters.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
        }
    }
}
