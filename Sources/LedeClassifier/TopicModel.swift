import LedeFeatures

/// A trained topic classifier, ready to use: the TF-IDF vectorizer it reads text with, the
/// logistic-regression weights, and where it came from. Saved and loaded by `ModelFile`.
public struct TopicModel: Sendable {
    /// Turns text into the classifier's feature rows.
    public package(set) var tfidf: TfidfModel
    /// Labels, weights and intercepts.
    public package(set) var classifier: LogisticRegressionModel
    /// Training data, settings, outcome and scores.
    public var provenance: ModelProvenance
    /// Scores are divided by this before the softmax (temperature scaling, see `TemperatureScaling`);
    /// 1 leaves the classifier's probabilities as trained. Stored in the model file as `temperature`.
    public package(set) var temperature: Double
    /// How many times the title is repeated in the model's input (`classifierInput`); 1 reads title and
    /// text alike. Stored in the model file as `title_weight`.
    public package(set) var titleWeight: Int

    public init(tfidf: TfidfModel, classifier: LogisticRegressionModel, provenance: ModelProvenance, temperature: Double = 1,
                titleWeight: Int = 1) {
        precondition(tfidf.vocabulary.count == classifier.featureCount, "TopicModel: vectorizer and classifier disagree")
        precondition(temperature.isFinite && temperature > 0, "TopicModel: temperature must be positive")
        precondition(titleWeight >= 1, "TopicModel: the title weight must be at least 1")
        self.tfidf = tfidf
        self.classifier = classifier
        self.provenance = provenance
        self.temperature = temperature
        self.titleWeight = titleWeight
    }

    /// The text this model reads for an article with this title and text (`classifierInput` at the model's title weight).
    public func input(title: String, text: String) -> String {
        classifierInput(title: title, text: text, titleWeight: titleWeight)
    }

    /// The TF-IDF rows of articles as this model reads them (the rows of `input(title:text:)`), made
    /// without joining the strings and, with scikit-learn's tokenization, tokenizing each title once.
    public func features(titles: [String], texts: [String], threads: Int = TfidfVectorizer.defaultThreadCount) -> CSRMatrix {
        tfidf.transform(titles: titles, texts: texts, titleRepeats: titleWeight, threads: threads)
    }

    /// The labels, in the order of probability rows.
    public var labels: [String] { classifier.labels }

    /// Label probabilities for each text (N×K, row-major, at the model's temperature), computed on `threads` threads.
    /// Each text is a model input: for an article with a title, make it with `input(title:text:)`.
    public func probabilities(of texts: [String], threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        probabilities(tfidf.transform(documents: texts, threads: threads), threads: threads)
    }

    /// Label probabilities for rows already vectorized by `tfidf` (N×K, row-major, at the model's temperature).
    public func probabilities(_ matrix: CSRMatrix, threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        classifier.probabilities(matrix, temperature: temperature, threads: threads)
    }
}

/// Where a model came from and how good it is, as recorded in its file and shown by `lede inspect`.
public struct ModelProvenance: Codable, Sendable, Equatable {
    /// The Lede release that trained it.
    public var ledeVersion: String
    /// When it was trained (ISO 8601, UTC).
    public var createdAt: String
    /// The training data's file name(s), as given.
    public var trainingData: [String]
    /// SHA-256 of the training data's bytes, hex.
    public var trainingDataSHA256: String
    /// Documents trained on.
    public var documentCount: Int
    /// Record fields the model was trained with (`id`, `title`, `text`, `label`, `summary` → names); they
    /// become the defaults when the model is used.
    public var fields: [String: String]
    /// Training settings.
    public var c: Double
    public var classWeight: String
    public var maxIterations: Int
    public var tolerance: Double
    /// Training outcome.
    public var iterations: Int
    public var converged: Bool
    public var stopReason: String
    /// ½‖W‖² + C·Σ log-loss at the end of training.
    public var objective: Double
    /// Named scores, e.g. `holdout_accuracy`, `validation_accuracy`, `cv_accuracy`.
    public var scores: [String: Double]
    /// The cross-validation table C was chosen from (`lede train --c auto`); nil when C was given
    /// (and in files written before `--c auto` existed).
    public var cSearch: GridSearchResult?
    /// Each input and its label counts before and after the label map, when the model was trained through
    /// one (`lede train --label-map`); nil otherwise.
    public var sources: [MappedSource]?
    /// The label map's rules as `[source, target]` pairs (`-` drops), when one was used.
    public var labelMap: [[String]]?
    /// Sample weights per input (file name → weight) other than 1, when given (`lede train --data-weight`).
    public var sourceWeights: [String: Double]?

    public init(ledeVersion: String, createdAt: String, trainingData: [String], trainingDataSHA256: String,
                documentCount: Int, fields: [String: String], options: LogisticRegressionOptions,
                report: TrainingReport, scores: [String: Double] = [:]) {
        self.ledeVersion = ledeVersion
        self.createdAt = createdAt
        self.trainingData = trainingData
        self.trainingDataSHA256 = trainingDataSHA256
        self.documentCount = documentCount
        self.fields = fields
        self.c = options.c
        self.classWeight = options.classWeight.rawValue
        self.maxIterations = options.maxIterations
        self.tolerance = options.tolerance
        self.iterations = report.iterations
        self.converged = report.converged
        self.stopReason = report.stopReason
        self.objective = report.objective
        self.scores = scores
    }
}
