import LedeFeatures
import LedeText

/// The settings `lede train` uses unless told otherwise, chosen by cross-validation on the training
/// parts of the shared corpora only (BBC 5-fold, 20 Newsgroups 3-fold; see models/README.md):
/// scikit-learn's tokenization, word 1–2-grams, terms in at least 2 documents, English stop words
/// removed, sublinear tf, l2 rows, C = 30, and the title read three times.
public enum TopicModelDefaults {
    /// Word n-gram sizes.
    public static let ngramRange = 1...2
    /// Minimum document frequency of a term.
    public static let minDF = TfidfOptions.DocumentFrequency.count(2)
    /// Whether term frequency is 1 + log(count).
    public static let sublinearTF = true
    /// Inverse regularization strength.
    public static let c = 30.0
    /// The C values a cross-validated choice of C tries (`TopicModelTrainer.CSearch.crossValidated`).
    public static let cGrid: [Double] = [1, 3, 10, 30, 100]
    /// How many times the title is repeated in the model's input (`classifierInput`).
    public static let titleWeight = 3

    /// The default vectorizer.
    public static var vectorizer: TfidfVectorizer {
        TfidfVectorizer(analyzer: .scikitLearn(ngramRange: ngramRange, stopWords: .english),
                        options: TfidfOptions(minDF: minDF, sublinearTF: sublinearTF))
    }
}
