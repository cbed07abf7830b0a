import Foundation
import Testing
import LedeFeatures
import LedeText
import LedeParallel

/// Small corpora whose expected values come from scikit-learn 1.9.1 (`TfidfVectorizer(**options).fit_transform`).
@Suite("TF-IDF vectorizer")
struct TfidfVectorizerTests {
    static let documents = ["the cat sat on the mat", "the dog sat", "cats and dogs and cats", "the the the", "", "Über Straße über"]
    static let terms = ["and", "cat", "cats", "dog", "dogs", "mat", "on", "sat", "straße", "the", "über"]
    static let rowStarts = [0, 5, 8, 11, 12, 12, 14]
    static let columns: [Int32] = [1, 5, 6, 7, 9, 3, 7, 9, 0, 2, 4, 9, 8, 10]

    func expectClose(_ actual: [Float], _ expected: [Double], tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) { #expect(abs(Double(a) - e) <= tolerance, "\(a) vs \(e)", sourceLocation: sourceLocation) }
    }

    @Test func defaultsMatchScikitLearn() throws {
        let fit = try TfidfVectorizer().fitTransform(documents: Self.documents, threads: 1)
        #expect(fit.model.vocabulary.terms == Self.terms)
        #expect(fit.matrix.rowStarts == Self.rowStarts)
        #expect(fit.matrix.columns == Self.columns)
        expectClose(fit.model.idf.map { Float($0) }, [2.252763, 2.252763, 2.252763, 2.252763, 2.252763, 2.252763, 2.252763, 1.847298, 2.252763, 1.559616, 2.252763])
        expectClose(fit.matrix.values, [0.42297, 0.42297, 0.42297, 0.346841, 0.585654, 0.681722, 0.559022, 0.471964, 0.666667, 0.666667, 0.333333, 1.0, 0.447214, 0.894427])
        #expect(fit.model.vocabulary.column(of: "sat") == 7 && fit.model.vocabulary.column(of: "zebra") == nil)
    }

    @Test func unsmoothedIDFAndL1Norm() throws {
        let fit = try TfidfVectorizer(options: TfidfOptions(smoothIDF: false, norm: .l1)).fitTransform(documents: Self.documents, threads: 2)
        expectClose(fit.model.idf.map { Float($0) }, [2.791759, 2.791759, 2.791759, 2.791759, 2.791759, 2.791759, 2.791759, 2.098612, 2.791759, 1.693147, 2.791759])
        expectClose(fit.matrix.values, [0.201423, 0.201423, 0.201423, 0.151413, 0.244318, 0.424053, 0.318768, 0.25718, 0.4, 0.4, 0.2, 1.0, 0.333333, 0.666667])
    }

    @Test func sublinearTFWithoutNorm() throws {
        let fit = try TfidfVectorizer(options: TfidfOptions(sublinearTF: true, norm: .none)).fitTransform(documents: Self.documents)
        expectClose(fit.matrix.values, [2.252763, 2.252763, 2.252763, 1.847298, 2.640659, 2.252763, 1.847298, 1.559616, 3.814259, 3.814259, 2.252763, 3.273029, 2.252763, 3.814259])
    }

    @Test func documentFrequencyBounds() throws {
        let fit = try TfidfVectorizer(options: TfidfOptions(minDF: .count(2), maxDF: .fraction(0.5))).fitTransform(documents: Self.documents)
        #expect(fit.model.vocabulary.terms == ["sat", "the"])
        #expect(fit.matrix.rowStarts == [0, 2, 4, 4, 5, 5, 5])
        expectClose(fit.matrix.values, [0.509571, 0.860429, 0.764096, 0.645102, 1.0])
    }

    @Test func maxFeaturesKeepsHighestCountsAndBreaksTiesByTerm() throws {
        // Binary: ranked by document frequency; "the" (3), "sat" (2), then the earliest of the df-1 terms.
        // (scikit-learn's unstable argsort may pick another of the tied terms.)
        let binary = try TfidfVectorizer(options: TfidfOptions(maxFeatures: 3, binary: true)).fitTransform(documents: Self.documents)
        #expect(binary.model.vocabulary.terms == ["and", "sat", "the"])
        let counts = try TfidfVectorizer(options: TfidfOptions(maxFeatures: 1)).fitTransform(documents: Self.documents)
        #expect(counts.model.vocabulary.terms == ["the"])
    }

    @Test func bigramsOnly() throws {
        let fit = try TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 2...2)).fitTransform(documents: Self.documents)
        #expect(fit.model.vocabulary.terms == ["and cats", "and dogs", "cat sat", "cats and", "dog sat", "dogs and", "on the", "sat on",
                                              "straße über", "the cat", "the dog", "the mat", "the the", "über straße"])
        #expect(fit.matrix.columns == [2, 6, 7, 9, 11, 4, 10, 0, 1, 3, 5, 12, 8, 13])
    }

    @Test func errorsAsScikitLearnRaisesThem() {
        #expect(throws: VectorizerError.self) { try TfidfVectorizer().fitTransform(documents: ["", "a b", "!!"]) }
        #expect(throws: VectorizerError.self) { try TfidfVectorizer(options: TfidfOptions(minDF: .count(5))).fitTransform(documents: Self.documents) }
        #expect(throws: VectorizerError.self) { try TfidfVectorizer(options: TfidfOptions(minDF: .fraction(1.5))).fitTransform(documents: Self.documents) }
        #expect(throws: VectorizerError.self) { try TfidfVectorizer(options: TfidfOptions(minDF: .count(3), maxDF: .count(2))).fitTransform(documents: Self.documents) }
    }

    /// A corpus of many documents with repeated words, n-grams up to 3 and Lede's tokenizer.
    static func syntheticCorpus(_ count: Int) -> [String] {
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        // Stop words among the frequent words, so that dropping them before n-grams is exercised.
        let words = ["the", "and", "of", "it's"] + (0..<3000).map { "w\($0 % 97)x\($0)" } + ["Über", "straße", "ΟΔΟΣ", "don’t", "e-mail", "3.14"]
        return (0..<count).map { _ in (0..<(next() % 200)).map { _ in words[next() % 60 == 0 ? next() % words.count : next() % 300] }.joined(separator: " ") }
    }

    static let analyzers: [String: TextAnalyzer] = [
        "scikit-learn 1-3-grams": .scikitLearn(ngramRange: 1...3),
        "Lede 2-3-grams, English stop words": TextAnalyzer(terms: .words(2...3), stopWords: .english),
        "Lede character 2-4-grams": TextAnalyzer(terms: .charactersWithinWords(2...4)),
    ]

    @Test(arguments: analyzers.keys.sorted())
    func sameResultWhateverTheThreadCount(_ name: String) throws {
        let analyzer = try #require(Self.analyzers[name])
        let corpus = Self.syntheticCorpus(1500)
        let vectorizer = TfidfVectorizer(analyzer: analyzer, options: TfidfOptions(minDF: .count(2), sublinearTF: true))
        let one = try vectorizer.fitTransform(documents: corpus, threads: 1)
        for threads in [2, 3, 8] {
            let many = try vectorizer.fitTransform(documents: corpus, threads: threads)
            #expect(many.model.vocabulary == one.model.vocabulary)
            #expect(many.model.idf == one.model.idf)
            #expect(many.matrix == one.matrix)
        }
        // transform gives the rows fit_transform gave.
        #expect(one.model.transform(documents: corpus, threads: 2) == one.matrix)
        // The vocabulary holds the analyzer's terms that occur in at least two documents.
        var df: [String: Int] = [:]
        for document in corpus { for term in Set(analyzer.terms(of: document)) { df[term, default: 0] += 1 } }
        #expect(one.model.vocabulary.terms == df.filter { $0.value >= 2 }.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test("fit (model only, no per-document counts kept) gives the model fitTransform gives", arguments: [1, 2, 3])
    func fitMatchesFitTransform(threads: Int) throws {
        let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2), options: TfidfOptions(minDF: .count(1), sublinearTF: true))
        let documents = (0..<40).map { i in Self.documents[i % Self.documents.count] + " extra\(i % 7) words\(i % 3)" }
        let model = try vectorizer.fit(documents: documents, threads: threads)
        let full = try vectorizer.fitTransform(documents: documents, threads: threads).model
        #expect(model.vocabulary == full.vocabulary && model.idf == full.idf && model.documentFrequency == full.documentFrequency)
    }

    @Test("a thread count above WorkerThreads.maximum is treated as the maximum, with the same result")
    func absurdThreadCount() throws {
        let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2))
        let one = try vectorizer.fitTransform(documents: Self.documents, threads: 1)
        let most = try vectorizer.fitTransform(documents: Self.documents, threads: 1_000_000_000_000)
        #expect(most.model.vocabulary == one.model.vocabulary && most.matrix == one.matrix)
        #expect(one.model.transform(documents: Self.documents, threads: .max) == one.matrix)
        #expect(WorkerThreads.clamped(.max) == WorkerThreads.maximum && WorkerThreads.clamped(-5) == 1)
    }

    @Test("a vocabulary term with an empty word (or an empty term) never matches, and does not stop the lookup build")
    func termsWithEmptyWords() throws {
        let terms = ["", "bank", "bank  rates", "rates", "rates ", "the bank"]
        let vocabulary = Vocabulary(sortedTerms: terms)
        let model = TfidfModel(analyzer: .scikitLearn(ngramRange: 1...2), options: TfidfOptions(), vocabulary: vocabulary,
                               idf: Array(repeating: 1, count: terms.count), documentFrequency: Array(repeating: 1, count: terms.count),
                               documentCount: 1)
        let matrix = model.transform(documents: ["The bank rates rates"])
        let columns = matrix.entries(ofRow: 0).map { terms[Int(matrix.columns[$0])] }
        #expect(columns == ["bank", "rates", "the bank"])
    }

    @Test("an empty stop word is ignored: fitting and transforming work as without it")
    func emptyStopWord() throws {
        let analyzer = TextAnalyzer(tokenization: .scikitLearn, terms: .words(1...2), stopWords: StopWords(["", "the"]))
        let plain = TextAnalyzer(tokenization: .scikitLearn, terms: .words(1...2), stopWords: StopWords(["the"]))
        let fit = try TfidfVectorizer(analyzer: analyzer).fitTransform(documents: Self.documents)
        let expected = try TfidfVectorizer(analyzer: plain).fitTransform(documents: Self.documents)
        #expect(fit.model.vocabulary == expected.model.vocabulary && fit.matrix == expected.matrix)
        #expect(fit.model.transform(documents: Self.documents) == expected.matrix)
    }

    @Test func transformIgnoresUnknownTerms() throws {
        let model = try TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2)).fit(documents: Self.documents)
        let matrix = model.transform(documents: ["zebra the cat sat", "", "unknown words only"])
        #expect(matrix.rowCount == 3)
        let terms = matrix.entries(ofRow: 0).map { model.vocabulary[Int(matrix.columns[$0])] }
        #expect(terms == ["cat", "cat sat", "sat", "the", "the cat"])
        #expect(matrix.entries(ofRow: 1).isEmpty && matrix.entries(ofRow: 2).isEmpty)
    }

    /// Titled documents (a classifier's input) give the rows of the joined strings, title copies and line
    /// breaks included: n-grams across the copies and into the text, stop words, titles that are empty,
    /// only punctuation or end in a partial token, in every analyzer (scikit-learn's words tokenize the
    /// title once; the others join the bytes).
    @Test("transform(titles:texts:titleRepeats:) gives the rows of the joined strings",
          arguments: [TextAnalyzer.scikitLearn(ngramRange: 1...2, stopWords: .english),
                      TextAnalyzer.scikitLearn(ngramRange: 1...3),
                      TextAnalyzer(tokenization: .lede(TokenizerOptions()), terms: .words(1...2)),
                      TextAnalyzer(tokenization: .scikitLearn, terms: .charactersWithinWords(2...4))])
    func titledDocumentsMatchJoinedStrings(analyzer: TextAnalyzer) throws {
        let titles = ["Cat sat", "", "The mat", "…!", "Über straße über", "dog-", "a", "sat on the"]
        let texts = ["the cat sat on the mat", "the dog sat", "", "cats and dogs", "Über Straße", "dogs sat", "the the", "mat"]
        let model = try TfidfVectorizer(analyzer: analyzer, options: TfidfOptions(sublinearTF: true))
            .fit(documents: zip(titles, texts).map { "\($0)\n\($1)" } + Self.documents)
        for repeats in 1...3 {
            let joined = zip(titles, texts).map { title, text in
                title.isEmpty ? text : String(repeating: title + "\n", count: repeats) + text
            }
            let expected = model.transform(documents: joined, threads: 1)
            #expect(expected.values.count > 0)
            for threads in [1, 2] {
                #expect(model.transform(titles: titles, texts: texts, titleRepeats: repeats, threads: threads) == expected,
                        "title read \(repeats) times, \(threads) threads")
            }
        }
    }
}
