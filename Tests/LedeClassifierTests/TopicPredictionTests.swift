import Foundation
import Testing
import LedeClassifier
import LedeFeatures

@Suite("TopicModel.predict: the label, confidence, top labels and threshold of each article")
struct TopicPredictionTests {
    let titles = ["Shares slide as banks report losses", "", "Striker scores twice in cup final", "New phone chip"]
    let texts = ["Markets fell sharply in London after three banks warned on profits.",
                 "The minister met the company chief to discuss the new phone tax.",
                 "The home side won the cup after a late goal in extra time.",
                 "The firm showed a faster chip for phones and laptops at the trade fair."]

    @Test("each prediction is the row's best label and probability; top labels are sorted, and threshold only blanks the label")
    func agreesWithProbabilities() throws {
        let model = try ModelFile.load(from: formatTwoFixture)
        let k = model.labels.count
        let matrix = model.features(titles: titles, texts: texts)
        let probabilities = model.probabilities(matrix)
        let plain = model.predict(titles: titles, texts: texts)
        #expect(plain == model.predict(matrix))
        #expect(plain.count == titles.count)
        for (row, prediction) in plain.enumerated() {
            let scores = probabilities[row * k..<(row + 1) * k]
            #expect(prediction.confidence == scores.max())
            #expect(prediction.bestIndex == argmax(scores))
            #expect(prediction.label == model.labels[prediction.bestIndex])
            #expect(prediction.top.isEmpty)
        }

        let topTwo = model.predict(titles: titles, texts: texts, topK: 2, threads: 2)
        let everyLabel = model.predict(titles: titles, texts: texts, topK: k + 5)
        for row in 0..<titles.count {
            #expect(topTwo[row].top.count == 2)
            #expect(topTwo[row].top[0] == LabelProbability(label: plain[row].label!, probability: plain[row].confidence))
            let all = everyLabel[row].top
            #expect(all.count == k && Set(all.map(\.label)) == Set(model.labels))
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.probability >= $1.probability })
            #expect(abs(all.map(\.probability).reduce(0, +) - 1) < 1e-4)
        }

        // A threshold between the lowest and the highest confidence blanks the label of exactly the rows below it.
        let confidences = plain.map(\.confidence).sorted()
        try #require(confidences.first! < confidences.last!)
        let threshold = (Double(confidences.first!) + Double(confidences.last!)) / 2
        let thresholded = model.predict(titles: titles, texts: texts, threshold: threshold)
        #expect(thresholded.contains { $0.label == nil } && thresholded.contains { $0.label != nil })
        for (row, prediction) in thresholded.enumerated() {
            #expect(prediction.confidence == plain[row].confidence && prediction.bestIndex == plain[row].bestIndex)
            #expect(prediction.label == (Double(prediction.confidence) < threshold ? nil : plain[row].label))
        }
    }

    @Test("no articles, no predictions")
    func empty() throws {
        let model = try ModelFile.load(from: formatTwoFixture)
        #expect(model.predict(titles: [], texts: [], topK: 3, threshold: 0.5).isEmpty)
    }
}
