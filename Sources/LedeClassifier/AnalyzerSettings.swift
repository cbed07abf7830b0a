import LedeFeatures
import LedeText

/// The analyzer and TF-IDF settings as they are written into a model file's metadata (JSON).
///
/// A file schema of its own, separate from the in-memory types, so that those can change while
/// files written by earlier builds still load.
struct AnalyzerSettings: Codable, Equatable {
    var tokenizer: String              // "scikit-learn" or "lede"
    var minimumLength: Int?            // Lede's tokenizer only
    var numbers: String?               // "keep" | "drop"
    var urls: String?                  // "keep" | "drop" | "split"
    var terms: String                  // "words" or "char_wb"
    var ngramRange: [Int]              // [low, high]
    var stopWords: String?             // nil, "english", or "custom" (words in the file's stop_words tensors)
    var unicodeVersion: String?
    var minDF: DocumentFrequencySetting
    var maxDF: DocumentFrequencySetting
    var maxFeatures: Int?
    var binary: Bool
    var useIDF: Bool
    var smoothIDF: Bool
    var sublinearTF: Bool
    var norm: String

    /// A bound given as a count of documents or as a fraction of them.
    struct DocumentFrequencySetting: Codable, Equatable {
        var count: Int?
        var fraction: Double?
    }

    init(analyzer: TextAnalyzer, options: TfidfOptions) {
        switch analyzer.tokenization {
        case .scikitLearn:
            tokenizer = "scikit-learn"
        case .lede(let o):
            tokenizer = "lede"
            minimumLength = o.minimumLength
            numbers = o.numbers == .keep ? "keep" : "drop"
            urls = switch o.urls { case .keep: "keep"; case .drop: "drop"; case .split: "split" }
        }
        switch analyzer.terms {
        case .words(let r): (terms, ngramRange) = ("words", [r.lowerBound, r.upperBound])
        case .charactersWithinWords(let r): (terms, ngramRange) = ("char_wb", [r.lowerBound, r.upperBound])
        }
        if let words = analyzer.stopWords { stopWords = words == .english ? "english" : "custom" }
        unicodeVersion = analyzer.unicodeVersion?.description
        func setting(_ bound: TfidfOptions.DocumentFrequency) -> DocumentFrequencySetting {
            switch bound {
            case .count(let c): DocumentFrequencySetting(count: c)
            case .fraction(let f): DocumentFrequencySetting(fraction: f)
            }
        }
        minDF = setting(options.minDF)
        maxDF = setting(options.maxDF)
        maxFeatures = options.maxFeatures
        binary = options.binary
        useIDF = options.useIDF
        smoothIDF = options.smoothIDF
        sublinearTF = options.sublinearTF
        norm = options.norm.rawValue
    }

    /// The in-memory analyzer and options; `customStopWords` supplies a "custom" list. Errors say what
    /// is wrong; `ModelFile.load` adds the file's path.
    func resolve(customStopWords: [String]) throws(ModelFileError) -> (TextAnalyzer, TfidfOptions) {
        func bad(_ what: String) -> ModelFileError { ModelFileError(.invalidSettings, "analyzer settings: \(what)") }
        guard ngramRange.count == 2, ngramRange[0] >= 1, ngramRange[0] <= ngramRange[1] else { throw bad("ngram range \(ngramRange)") }
        let range = ngramRange[0]...ngramRange[1]
        let tokenization: TextAnalyzer.Tokenization
        switch tokenizer {
        case "scikit-learn": tokenization = .scikitLearn
        case "lede":
            let numbersRule: TokenizerOptions.Numbers = numbers == "drop" ? .drop : .keep
            let urlRule: TokenizerOptions.URLs = urls == "drop" ? .drop : urls == "split" ? .split : .keep
            tokenization = .lede(TokenizerOptions(minimumLength: minimumLength ?? 2, numbers: numbersRule, urls: urlRule))
        default: throw bad("unknown tokenizer \"\(tokenizer)\"")
        }
        let termKind: TextAnalyzer.Terms
        switch terms {
        case "words": termKind = .words(range)
        case "char_wb": termKind = .charactersWithinWords(range)
        default: throw bad("unknown terms \"\(terms)\"")
        }
        let words: StopWords? = switch stopWords {
        case nil: nil
        case "english": .english
        default: StopWords(customStopWords)
        }
        var version: UnicodeVersion?
        if let unicodeVersion {
            guard let parsed = UnicodeVersion(parsing: unicodeVersion) else { throw bad("Unicode version \(unicodeVersion)") }
            version = parsed
        }
        func bound(_ s: DocumentFrequencySetting) throws(ModelFileError) -> TfidfOptions.DocumentFrequency {
            if let c = s.count { return .count(c) }
            if let f = s.fraction { return .fraction(f) }
            throw bad("a document-frequency bound has neither count nor fraction")
        }
        guard let normValue = TfidfOptions.Norm(rawValue: norm) else { throw bad("unknown norm \"\(norm)\"") }
        let options = TfidfOptions(minDF: try bound(minDF), maxDF: try bound(maxDF), maxFeatures: maxFeatures, binary: binary,
                                   useIDF: useIDF, smoothIDF: smoothIDF, sublinearTF: sublinearTF, norm: normValue)
        return (TextAnalyzer(tokenization: tokenization, terms: termKind, stopWords: words, unicodeVersion: version), options)
    }
}
