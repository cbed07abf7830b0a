import Foundation

/// Trains a topic model from a labeled corpus the way `lede train` does, in one call: cross-validation
/// when C is to be chosen or probabilities calibrated, the vectorizer fitted on the whole corpus, the
/// logistic regression trained, and the model assembled with its provenance and scores.
///
/// A corpus with label sets (`LabeledCorpus.isMultiLabel`), or `multiLabel` set, trains a multi-label
/// (one-vs-rest) model instead, with per-label thresholds (`trainMultiLabel`).
///
/// What happens along the way is reported as `TopicModelTrainer.Event`s, for a progress display.
/// Holding data out and scoring the model afterwards are left to the caller (`StratifiedSplit`,
/// `TopicModel.predict`, `ClassificationMetrics`).
public struct TopicModelTrainer: Sendable {
    /// Whether C is chosen by cross-validation.
    public enum CSearch: Sendable, Equatable {
        /// Train at `options.c`.
        case off
        /// Train at the C of best mean accuracy over stratified folds of the training data, from this grid
        /// (`options.c` is not used).
        case crossValidated(grid: [Double])
    }

    /// Whether to fit a temperature on out-of-fold predictions so that confidences match accuracy.
    public enum CalibrationMode: Sendable, Equatable {
        /// Keep temperature 1 (and run no cross-validation unless C is chosen by one).
        case off
        /// Calibrate, unless the corpus is too small for the folds or the cross-validation fails: then
        /// go on uncalibrated and say why (`Event.calibrationSkipped`).
        case whenPossible
        /// Calibrate; a corpus too small for it is an error.
        case required
    }

    /// Why calibration was skipped under `CalibrationMode.whenPossible`.
    public enum CalibrationSkip: Sendable {
        /// These labels have fewer documents than there are folds.
        case rareLabels([String])
        /// The cross-validation failed with this error.
        case crossValidationFailed(any Error & Sendable)
    }

    /// The temperature fitted on out-of-fold scores, and the out-of-fold calibration before and after it.
    public struct TemperatureFit: Sendable {
        /// The temperature every score is divided by before the softmax.
        public var temperature: Double
        /// Out-of-fold expected calibration error at temperature 1, and at `temperature`.
        public var eceBefore: Double, eceAfter: Double
        /// Out-of-fold log-loss at temperature 1, and at `temperature`.
        public var logLossBefore: Double, logLossAfter: Double
    }

    /// One step of training, as it happens.
    public enum Event: Sendable {
        /// Calibration was possible only, and is skipped; the model keeps temperature 1.
        case calibrationSkipped(CalibrationSkip)
        /// Cross-validation that was asked for goes on although these labels are missing from some folds.
        case labelsMissingFromFolds([String])
        /// The cross-validation begins: every C of `grid` on `folds` stratified folds.
        case crossValidationStarted(grid: [Double], folds: Int)
        /// A line of the cross-validation's progress (a fold finished).
        case crossValidationProgress(String)
        /// The cross-validation's table, out-of-fold scores and timings; its chosen C is the one trained.
        case crossValidated(GridSearchRun)
        /// The rows the classifier trains on (`invalidUTF8Count` sequences were replaced with U+FFFD).
        case vectorized(rows: Int, columns: Int, entries: Int, invalidUTF8Count: Int)
        /// An L-BFGS iteration of the final training, with the mean-scaled objective and largest gradient component.
        case iteration(Int, objective: Double, largestGradient: Double)
        /// The final training is done: iterations, objective, and why it stopped (`converged` false: it did not).
        case trained(TrainingReport)
        /// The temperature was fitted on the out-of-fold scores and stored in the model.
        case calibrated(TemperatureFit)
        /// A step of multi-label training.
        case multiLabel(MultiLabelEvent)
    }

    /// The vectorizer fitted on the corpus (its analyzer and TF-IDF options).
    public var vectorizer: TfidfVectorizer
    /// Training options: C (unless `cSearch` chooses it), class weights, iterations, threads.
    public var options: LogisticRegressionOptions
    /// Whether C is chosen by cross-validation.
    public var cSearch: CSearch
    /// Folds of the cross-validation (at least 2).
    public var folds: Int
    /// Whether to calibrate.
    public var calibration: CalibrationMode
    /// How many times the model reads each title before the text; applied to the corpus's titles here and to
    /// an article's at prediction, since the model records it.
    public var titleWeight: Int
    /// Whether to train a multi-label (one-vs-rest) model even when the corpus has no label sets (a corpus
    /// that has them, `LabeledCorpus.isMultiLabel`, always trains one). See `trainMultiLabel`.
    public var multiLabel = false
    /// The C of a multi-label model when `cSearch` does not choose it (`options.c` is for single-label models).
    public var multiLabelC = MultiLabelDefaults.c
    /// How a multi-label model's thresholds are chosen when calibrating.
    public var thresholdRule = ThresholdRule()

    /// Creates a trainer with `lede train`'s defaults for what is not given.
    public init(vectorizer: TfidfVectorizer = TopicModelDefaults.vectorizer, options: LogisticRegressionOptions = LogisticRegressionOptions(c: TopicModelDefaults.c),
                cSearch: CSearch = .off, folds: Int = 3, calibration: CalibrationMode = .whenPossible,
                titleWeight: Int = TopicModelDefaults.titleWeight) {
        self.vectorizer = vectorizer
        self.options = options
        self.cSearch = cSearch
        self.folds = folds
        self.calibration = calibration
        self.titleWeight = titleWeight
    }

    /// Trains on `corpus`, reading each title `titleWeight` times before its text (the corpus's texts are
    /// released once vectorized, so pass it with `consume` to free them during training). `dataNames` name the training data in the provenance.
    /// `sampleWeights`, one per document when given, weight each document's log-loss in the final
    /// training and in the cross-validation (e.g. per-source weights of a corpus read from several inputs).
    public func train(_ corpus: consuming LabeledCorpus, dataNames: [String], fields: RecordFields, sampleWeights: [Float]? = nil,
                      events: @escaping @Sendable (Event) -> Void = { _ in }) throws(TopicModelTrainingError) -> TopicModel {
        if multiLabel || corpus.isMultiLabel {
            return try trainMultiLabel(corpus, dataNames: dataNames, fields: fields, sampleWeights: sampleWeights, events: events)
        }
        try checkSettings()
        try checkSampleWeights(sampleWeights, documents: corpus.count)
        let labelNames = corpus.labelNames
        guard labelNames.count >= 2 else { throw .tooFewLabels(labelNames) }
        let index = Dictionary(uniqueKeysWithValues: labelNames.enumerated().map { ($1, Int32($0)) })
        let labels = corpus.labels.map { index[$0]! }
        var options = options
        var inputs = corpus.classifierInputs(titleWeight: titleWeight)
        let (documentCount, sha256) = (corpus.count, corpus.sha256)
        corpus.titles = []
        corpus.texts = []  // `inputs` holds what training needs

        let crossValidation = try crossValidate(inputs, labels: labels, labelNames: labelNames, options: options,
                                                sampleWeights: sampleWeights, events: events)
        if let crossValidation { options.c = crossValidation.result.chosenC }

        let fit = try fitFeatures(inputs, threads: options.threads, events: events)
        inputs = []  // the matrix holds what training needs

        let (classifier, report) = LogisticRegression.train(
            matrix: fit.matrix, labels: labels, labelNames: labelNames, options: options, sampleWeights: sampleWeights
        ) { iteration, objective, gradient in
            events(.iteration(iteration, objective: objective, largestGradient: gradient))
        }
        events(.trained(report))

        let provenance = ModelProvenance(
            ledeVersion: LedeInfo.version, createdAt: ISO8601DateFormatter().string(from: Date()),
            trainingData: dataNames, trainingDataSHA256: sha256, documentCount: documentCount,
            fields: fields.dictionary, options: options, report: report)
        var model = TopicModel(tfidf: fit.model, classifier: classifier, provenance: provenance, titleWeight: titleWeight)
        if let crossValidation {
            let chosen = crossValidation.result.rows.first { $0.c == options.c }!
            model.provenance.scores["cv_accuracy"] = chosen.meanAccuracy
            if case .crossValidated = cSearch { model.provenance.cSearch = crossValidation.result }
            if calibration != .off {
                let temperature = Self.fitTemperature(crossValidation.chosenScores, labels: labels, classCount: labelNames.count)
                events(.calibrated(temperature))
                model.temperature = temperature.temperature
                model.provenance.scores["cv_ece_uncalibrated"] = temperature.eceBefore
                model.provenance.scores["cv_ece"] = temperature.eceAfter
                model.provenance.scores["cv_log_loss_uncalibrated"] = temperature.logLossBefore
                model.provenance.scores["cv_log_loss"] = temperature.logLossAfter
            }
        }
        return model
    }

    /// The C values to train with: the grid, or the given C alone.
    var cValues: [Double] {
        switch cSearch {
        case .off: [options.c]
        case .crossValidated(let grid): grid
        }
    }

    /// Rejects sample weights that are not one finite, non-negative number per document, or are all 0.
    func checkSampleWeights(_ sampleWeights: [Float]?, documents: Int) throws(TopicModelTrainingError) {
        guard let sampleWeights else { return }
        guard sampleWeights.count == documents, sampleWeights.allSatisfy({ $0 >= 0 && $0.isFinite }), sampleWeights.contains(where: { $0 > 0 }) else {
            throw .invalidSetting("sample weights must be one finite, non-negative number per document, not all 0")
        }
    }

    /// The vectorizer fitted on the whole corpus's inputs, reported as `Event.vectorized`.
    func fitFeatures(_ inputs: [String], threads: Int, events: @Sendable (Event) -> Void) throws(TopicModelTrainingError) -> TfidfFit {
        let fit: TfidfFit
        do { fit = try vectorizer.fitTransform(documents: inputs, threads: threads) } catch {
            throw .vectorizer(error)
        }
        events(.vectorized(rows: fit.matrix.rowCount, columns: fit.matrix.columnCount, entries: fit.matrix.entryCount,
                           invalidUTF8Count: fit.invalidUTF8Count))
        return fit
    }

    /// Rejects settings the stages below would trap on, or that would write a model file that does not load.
    func checkSettings() throws(TopicModelTrainingError) {
        guard !cValues.isEmpty else { throw .invalidSetting("the grid of C values is empty") }
        guard cValues.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw .invalidSetting("C must be positive and finite, found \(cValues)") }
        guard folds >= 2 else { throw .invalidSetting("cross-validation needs at least 2 folds, found \(folds)") }
        guard (1...ModelFile.maximumTitleWeight).contains(titleWeight) else {
            throw .invalidSetting("the title weight must be from 1 to \(ModelFile.maximumTitleWeight), found \(titleWeight)")
        }
        guard options.tolerance >= 0, options.tolerance.isFinite, options.maxIterations >= 0 else {
            throw .invalidSetting("the tolerance must be finite and not negative, and the iteration limit not negative")
        }
    }

    /// Runs the cross-validation that choosing C or calibrating needs (over the grid, or at the given C
    /// alone); nil when neither is asked for, or when calibration alone cannot run and may be skipped.
    private func crossValidate(_ inputs: [String], labels: [Int32], labelNames: [String], options: LogisticRegressionOptions,
                               sampleWeights: [Float]?, events: @escaping @Sendable (Event) -> Void) throws(TopicModelTrainingError) -> GridSearchRun? {
        let grid = cValues
        let choosesC = if case .crossValidated = cSearch { true } else { false }
        guard choosesC || calibration != .off else { return nil }
        // Asked for (C by cross-validation, or calibration required): problems are errors. Calibration
        // when possible is skipped on data too small for it (a label with fewer documents than folds).
        let asked = choosesC || calibration == .required
        var counts: [String: Int] = [:]
        for label in labels { counts[labelNames[Int(label)], default: 0] += 1 }
        let rare = counts.filter { $0.value < folds }.keys.sorted()
        if !asked && !rare.isEmpty {
            events(.calibrationSkipped(.rareLabels(rare)))
            return nil
        }
        guard folds <= inputs.count / 2 else { throw .tooFewDocumentsForFolds(folds: folds, documents: inputs.count) }
        if !rare.isEmpty { events(.labelsMissingFromFolds(rare)) }
        events(.crossValidationStarted(grid: grid, folds: folds))
        let run: GridSearchRun
        do {
            run = try CrossValidation.gridSearch(texts: inputs, labels: labels, labelNames: labelNames, vectorizer: vectorizer,
                                                 grid: grid, folds: folds, options: options, sampleWeights: sampleWeights) { events(.crossValidationProgress($0)) }
        } catch {
            if !asked {
                events(.calibrationSkipped(.crossValidationFailed(error)))
                return nil
            }
            throw .crossValidationFailed(error)
        }
        events(.crossValidated(run))
        return run
    }

    /// The temperature that best fits out-of-fold scores, with the calibration before and after it.
    private static func fitTemperature(_ outOfFold: [Float], labels: [Int32], classCount k: Int) -> TemperatureFit {
        let temperature = TemperatureScaling.fit(scores: outOfFold, labels: labels)
        let truth = labels.map { Int($0) }
        func ece(_ t: Double) -> Double {
            Calibration.reliability(probabilities: TemperatureScaling.probabilities(scores: outOfFold, classCount: k, temperature: t),
                                    truth: truth).ece
        }
        return TemperatureFit(temperature: temperature, eceBefore: ece(1), eceAfter: ece(temperature),
                              logLossBefore: TemperatureScaling.logLoss(scores: outOfFold, labels: labels, temperature: 1),
                              logLossAfter: TemperatureScaling.logLoss(scores: outOfFold, labels: labels, temperature: temperature))
    }
}

/// Why `TopicModelTrainer.train` could not train; the description is the message `lede train` prints.
public enum TopicModelTrainingError: Error, Sendable, CustomStringConvertible {
    /// The corpus has fewer than two distinct labels.
    case tooFewLabels([String])
    /// The cross-validation needs two documents a fold.
    case tooFewDocumentsForFolds(folds: Int, documents: Int)
    /// Cross-validation that was asked for failed, with this error.
    case crossValidationFailed(any Error & Sendable)
    /// The vectorizer could not fit the corpus, with this error.
    case vectorizer(any Error & Sendable)
    /// A setting of the trainer is out of range.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .tooFewLabels(let labels): "training needs at least two labels, found \(labels)"
        case .tooFewDocumentsForFolds(let folds, let documents):
            // Two documents a fold, said without overflow for a huge fold count.
            "\(folds)-fold cross-validation needs "
                + (folds <= Int.max / 2 ? "at least \(2 * folds) documents" : "two documents a fold") + ", found \(documents)"
        case .crossValidationFailed(let error): "cross-validation: \(error)"
        case .vectorizer(let error): "\(error)"
        case .invalidSetting(let message): message
        }
    }
}
