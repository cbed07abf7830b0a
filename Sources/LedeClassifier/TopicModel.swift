import LedeFeatures

/// A trained topic classifier, ready to use: the TF-IDF vectorizer it reads text with, the
/// logistic-regression weights, and where it came from. Saved and loaded by `ModelFile`.
///
/// A single-label model gives each article one label (a softmax over the labels); a multi-label
/// model (`Kind.multiLabel`) gives each label its own probability (one-vs-rest) and any number of
/// labels, those whose probability reaches their threshold.
public struct TopicModel: Sendable {
    /// How the model turns scores into labels.
    public enum Kind: Sendable, Equatable {
        /// One label per article: probabilities are a softmax over the labels.
        case singleLabel
        /// Any number of labels: each label's probability is σ(its score), and label j is given when it
        /// reaches `thresholds[j]` (see `ThresholdRule`).
        case multiLabel(thresholds: [Float])
    }

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
    /// Single-label or multi-label, with the multi-label decision thresholds. Stored in the model file as
    /// `kind` and the `thresholds` tensor (since format 3).
    public package(set) var kind: Kind {
        didSet { Self.check(kind, labelCount: classifier.labels.count, temperature: temperature) }
    }

    public init(tfidf: TfidfModel, classifier: LogisticRegressionModel, provenance: ModelProvenance, temperature: Double = 1,
                titleWeight: Int = 1, kind: Kind = .singleLabel) {
        precondition(tfidf.vocabulary.count == classifier.featureCount, "TopicModel: vectorizer and classifier disagree")
        precondition(temperature.isFinite && temperature > 0, "TopicModel: temperature must be positive")
        precondition(titleWeight >= 1, "TopicModel: the title weight must be at least 1")
        Self.check(kind, labelCount: classifier.labels.count, temperature: temperature)
        self.tfidf = tfidf
        self.classifier = classifier
        self.provenance = provenance
        self.temperature = temperature
        self.titleWeight = titleWeight
        self.kind = kind
    }

    /// A multi-label model has one threshold in (0, 1) per label, and temperature 1.
    private static func check(_ kind: Kind, labelCount: Int, temperature: Double) {
        guard case .multiLabel(let thresholds) = kind else { return }
        precondition(thresholds.count == labelCount && thresholds.allSatisfy { $0 > 0 && $0 < 1 },
                     "TopicModel: a multi-label model needs one threshold in (0, 1) per label")
        precondition(temperature == 1, "TopicModel: a multi-label model is not temperature-scaled")
    }

    /// Whether the model gives each article any number of labels (one-vs-rest) rather than one.
    public var isMultiLabel: Bool {
        if case .multiLabel = kind { true } else { false }
    }

    /// The multi-label decision thresholds, one per label; nil for a single-label model.
    public var thresholds: [Float]? {
        if case .multiLabel(let thresholds) = kind { thresholds } else { nil }
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
    /// A multi-label model's rows hold each label's own probability (they need not sum to 1).
    public func probabilities(of texts: [String], threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        probabilities(tfidf.transform(documents: texts, threads: threads), threads: threads)
    }

    /// Label probabilities for rows already vectorized by `tfidf` (N×K, row-major, at the model's temperature;
    /// for a multi-label model, each label's own probability).
    public func probabilities(_ matrix: CSRMatrix, threads: Int = TfidfVectorizer.defaultThreadCount) -> [Float] {
        switch kind {
        case .singleLabel: classifier.probabilities(matrix, temperature: temperature, threads: threads)
        case .multiLabel: classifier.sigmoidProbabilities(matrix, threads: threads)
        }
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
    /// How a multi-label model's thresholds were chosen and how many positives each label had; nil for a
    /// single-label model.
    public var multiLabel: MultiLabelProvenance?

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
