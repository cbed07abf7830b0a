import Lede

/// An article's topic (with the two likeliest labels) and its three-sentence summary.
func topicAndSummary(title: String, text: String, modelPath: String) throws -> (TopicPrediction, Summary) {
    let model = try ModelFile.load(from: modelPath)    // any file `lede train` wrote
    let prediction = model.predict(titles: [title], texts: [text], topK: 2)[0]
    let summary = try Summarizer().summarize(text)      // each sentence also has its byte range
    return (prediction, summary)
}
