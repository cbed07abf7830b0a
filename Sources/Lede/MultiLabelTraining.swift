import Foundation

/// A step of multi-label training (`TopicModelTrainer.Event.multiLabel`).
public enum MultiLabelEvent: Sendable {
    /// The labels, with how many training documents carry each; `rare` are those with fewer than
    /// `MultiLabelDefaults.fewPositives` (they train, on little evidence); `withoutLabels` documents have none.
    case labels(positives: [String: Int], rare: [String], withoutLabels: Int)
    /// Thresholds are not chosen by cross-validation, for this reason; every threshold is 0.5.
    case thresholdsSkipped(String)
    /// The cross-validation's table (micro-F1 per fold and C) and out-of-fold probabilities.
    case crossValidated(OneVsRestSearchRun)
    /// The thresholds chosen for the model, label by label in the order of `labels`.
    case thresholds(ThresholdChoice, labels: [String])
}

extension TopicModelTrainer {
    /// Trains a multi-label (one-vs-rest) model on `corpus` (its label sets, or each document's one label),
    /// reading each title `titleWeight` times before its text: cross-validation when C is to be chosen
    /// (`cSearch`; else C is `multiLabelC`) or thresholds calibrated, the vectorizer fitted on the whole
    /// corpus, then `OneVsRestRegression` with the chosen C, and the thresholds of the rule
    /// (`thresholdRule`) on the out-of-fold probabilities at that C. Without calibration
    /// (`CalibrationMode.off`, or `.whenPossible` on a corpus too small for the folds) every threshold is 0.5.
    /// C chosen by cross-validation is the one of best out-of-fold micro-F1, each C with its own thresholds.
    /// Class weights are not available (an error); sample weights are as for `train`.
    func trainMultiLabel(_ corpus: consuming LabeledCorpus, dataNames: [String], fields: RecordFields, sampleWeights: [Float]?,
                         events: @escaping @Sendable (Event) -> Void) throws(TopicModelTrainingError) -> TopicModel {
        var trainer = self
        trainer.options.c = multiLabelC
        return try trainer.trainOneVsRest(corpus, dataNames: dataNames, fields: fields, sampleWeights: sampleWeights, events: events)
    }

    /// `trainMultiLabel`'s work, with `options.c` the multi-label C.
    private func trainOneVsRest(_ corpus: consuming LabeledCorpus, dataNames: [String], fields: RecordFields, sampleWeights: [Float]?,
                                events: @escaping @Sendable (Event) -> Void) throws(TopicModelTrainingError) -> TopicModel {
        try checkSettings()
        guard options.classWeight == .none else {
            throw .invalidSetting("class weights are for single-label models; a multi-label model trains each label on all documents")
        }
        try checkSampleWeights(sampleWeights, documents: corpus.count)
        let names = corpus.labelSets
        let labelNames = Array(Set(names.joined())).sorted()
        guard !labelNames.isEmpty else { throw .invalidSetting("multi-label training needs at least one label, and no document has one") }
        let labelSets = LabelSets(names, labelNames: labelNames)!
        let counts = labelSets.positives(labelCount: labelNames.count)
        let positives = Dictionary(uniqueKeysWithValues: zip(labelNames, counts))
        let rare = zip(labelNames, counts).filter { $0.1 < MultiLabelDefaults.fewPositives }.map(\.0)
        let withoutLabels = (0..<labelSets.count).filter { labelSets[$0].isEmpty }.count
        events(.multiLabel(.labels(positives: positives, rare: rare, withoutLabels: withoutLabels)))

        var options = options
        var inputs = corpus.classifierInputs(titleWeight: titleWeight)
        let (documentCount, sha256) = (corpus.count, corpus.sha256)
        corpus.titles = []
        corpus.texts = []  // `inputs` holds what training needs
        let search = try multiLabelSearch(inputs, labelSets: labelSets, labelNames: labelNames, options: options,
                                          sampleWeights: sampleWeights, events: events)
        if let search { options.c = search.result.chosenC }

        let fit = try fitFeatures(inputs, threads: options.threads, events: events)
        inputs = []  // the matrix holds what training needs

        let (classifier, report) = OneVsRestRegression.train(
            matrix: fit.matrix, labelSets: labelSets, labelNames: labelNames, options: options, sampleWeights: sampleWeights
        ) { iteration, objective, gradient in
            events(.iteration(iteration, objective: objective, largestGradient: gradient))
        }
        events(.trained(report))

        var provenanceFields = fields.dictionary
        provenanceFields["labels"] = fields.labels
        var provenance = ModelProvenance(
            ledeVersion: LedeInfo.version, createdAt: ISO8601DateFormatter().string(from: Date()),
            trainingData: dataNames, trainingDataSHA256: sha256, documentCount: documentCount,
            fields: provenanceFields, options: options, report: report)
        var multiLabel = MultiLabelProvenance(positives: positives, documentsWithoutLabels: withoutLabels, rareLabels: rare)
        var thresholds = [Float](repeating: 0.5, count: labelNames.count)
        if let search {
            let row = search.chosenRow
            if case .crossValidated = cSearch { provenance.cSearch = search.result }
            if let choice = search.thresholds[row] {
                thresholds = choice.thresholds
                multiLabel.thresholdRule = thresholdRule
                multiLabel.folds = folds
                multiLabel.globalThreshold = choice.global
                events(.multiLabel(.thresholds(choice, labels: labelNames)))
            }
            let outOfFold = search.outOfFoldProbabilities[row]
            let truth = (0..<labelSets.count).map { labelSets[$0].map { labelNames[Int($0)] } }
            func scored(_ thresholds: [Float]) -> MultiLabelMetrics {
                let predicted = LabelSets(probabilities: outOfFold, rows: 0..<labelSets.count, thresholds: thresholds)
                return MultiLabelMetrics(labels: labelNames, truth: truth, predicted: predicted)
            }
            let chosen = scored(thresholds), plain = scored([Float](repeating: 0.5, count: labelNames.count))
            provenance.scores["cv_micro_f1"] = chosen.microF1
            provenance.scores["cv_macro_f1"] = chosen.macroF1
            provenance.scores["cv_micro_f1_threshold_0.5"] = plain.microF1
            provenance.scores["cv_macro_f1_threshold_0.5"] = plain.macroF1
        }
        provenance.multiLabel = multiLabel
        return TopicModel(tfidf: fit.model, classifier: classifier, provenance: provenance, titleWeight: titleWeight,
                          kind: .multiLabel(thresholds: thresholds))
    }

    /// The cross-validation that choosing C or calibrating thresholds needs (over the grid, or at the
    /// given C alone); nil when neither is asked for, or when calibration alone cannot run and may be skipped.
    private func multiLabelSearch(_ inputs: [String], labelSets: LabelSets, labelNames: [String], options: LogisticRegressionOptions,
                                  sampleWeights: [Float]?, events: @escaping @Sendable (Event) -> Void) throws(TopicModelTrainingError) -> OneVsRestSearchRun? {
        let choosesC = if case .crossValidated = cSearch { true } else { false }
        guard choosesC || calibration != .off else { return nil }
        guard folds <= inputs.count / 2 else {
            if !choosesC && calibration == .whenPossible {
                events(.multiLabel(.thresholdsSkipped("\(folds)-fold cross-validation needs at least \(2 * folds) documents, found \(inputs.count)")))
                return nil
            }
            throw .tooFewDocumentsForFolds(folds: folds, documents: inputs.count)
        }
        events(.crossValidationStarted(grid: cValues, folds: folds))
        let run: OneVsRestSearchRun
        do {
            run = try CrossValidation.oneVsRestSearch(
                texts: inputs, labelSets: labelSets, labelNames: labelNames, vectorizer: vectorizer, grid: cValues, folds: folds,
                options: options, rule: calibration == .off ? nil : thresholdRule, sampleWeights: sampleWeights
            ) { events(.crossValidationProgress($0)) }
        } catch {
            if !choosesC && calibration == .whenPossible {
                events(.multiLabel(.thresholdsSkipped("cross-validation failed: \(error)")))
                return nil
            }
            throw .crossValidationFailed(error)
        }
        events(.multiLabel(.crossValidated(run)))
        return run
    }
}
