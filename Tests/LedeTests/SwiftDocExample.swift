import Lede

/// An article's topic (with the two likeliest labels) and its three-sentence summary.
func topicAndSummary(title: String, text: String, modelPath: String) throws -> (TopicPrediction, Summary) {
    let model = try ModelFile.load(from: modelPath)    // any file `lede train` wrote
    let prediction = model.predict(titles: [title], texts: [text], topK: 2)[0]
    let summary = try Summarizer().summarize(text)      // each sentence also has its byte range
    return (prediction, summary)
}

/// Trains a topic model on labeled JSON Lines as `lede train --data PATH -o MODEL` does, and writes it.
func trainTopicModel(dataPath: String, modelPath: String) throws {
    let fields = RecordFields()                         // id, title, text, label
    let corpus = try LabeledCorpus(paths: [dataPath], fields: fields)
    let model = try TopicModelTrainer().train(consume corpus, dataNames: [dataPath], fields: fields) { event in
        if case .trained(let report) = event { print("trained: \(report.iterations) iterations, \(report.stopReason)") }
    }
    try ModelFile.save(model, to: modelPath)
}
