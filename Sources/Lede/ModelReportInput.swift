extension ModelReport {
    /// The report of `model` (`lede inspect --report`): its `termCount` top terms per label, its features
    /// and its provenance. `date` is printed on each page when given.
    public init(model: TopicModel, modelName: String, termCount: Int, date: String?) {
        let top = TopTerms.perLabel(model, count: max(0, termCount))
        self.init(title: "Topic model: \(modelName)",
                  subtitle: "\(model.labels.count) labels, \(NumberText.count(model.tfidf.vocabulary.count)) terms; trained \(model.provenance.createdAt) on "
                      + model.provenance.trainingData.joined(separator: ", ") + ".",
                  date: date, generator: "Lede \(LedeInfo.version)",
                  headline: [ReportFact("labels", "\(model.labels.count)"),
                             ReportFact("vocabulary", NumberText.count(model.tfidf.vocabulary.count)),
                             ReportFact("training documents", NumberText.count(model.provenance.documentCount)),
                             ReportFact("C", ModelFacts.plain(model.provenance.c))],
                  topTerms: top.map { LabelTerms(label: $0.label, terms: $0.terms.map { ($0.term, Double($0.weight)) }) },
                  features: ModelFacts.features(model),
                  provenance: ModelFacts.provenance(model, name: modelName),
                  tables: ModelFacts.tables(model))
    }
}
