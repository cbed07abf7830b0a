import Foundation
import Testing
import LedeBLAS
import LedeFeatures
import LedeText
import LedeTestSupport
@testable import LedeSummarizer

/// A news-like article: a story about one topic, with its central claims repeated across sentences.
let article = """
    The city council approved a new budget for public transport on Monday, after months of debate.
    The budget gives buses and trams more money than any year before, the council said.
    Critics of the council argued that the transport budget ignores cyclists and pedestrians.
    Local shops on the high street reported a quiet weekend because of the weather.
    Council members said the new transport budget would cut waiting times for buses by a third.
    A spokesman for the mayor welcomed the vote and praised the council for its work on transport.
    The weather is expected to improve later this week, forecasters said.
    """

func summarizer(_ configure: (inout SummarizerOptions) -> Void = { _ in }) -> Summarizer {
    var options = SummarizerOptions()
    configure(&options)
    return try! Summarizer(options: options)
}

/// Whether every sentence of the summary is exactly the bytes of its range, in document order.
func isExactAndOrdered(_ summary: Summary, of text: String) -> Bool {
    let bytes = Array(text.utf8)
    var last = -1
    for sentence in summary.sentences {
        guard sentence.range.lowerBound >= 0, sentence.range.upperBound <= bytes.count,
              Array(bytes[sentence.range]) == Array(sentence.text.utf8),
              sentence.index > last else { return false }
        last = sentence.index
    }
    return zip(summary.sentences, summary.sentences.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound }
}

@Suite("Summarizer: short and odd texts")
struct ShortTextTests {
    @Test("a one-sentence text is its own summary")
    func oneSentence() {
        let text = "Only one sentence is here, and it says enough."
        let summary = summarizer().summarize(text)
        #expect(summary.sentences.map(\.text) == [text])
        #expect(summary.sentences.first?.range == 0..<text.utf8.count)
        #expect(summary.sentenceCount == 1)
    }

    @Test("a two-sentence text returns both sentences, even when one is short")
    func twoSentences() {
        let text = "He left. The storm closed every road into the valley for two days."
        let summary = summarizer().summarize(text)
        #expect(summary.sentences.map(\.text) == ["He left.", "The storm closed every road into the valley for two days."])
        #expect(isExactAndOrdered(summary, of: text))
    }

    @Test("a sentence that looks like page furniture is never picked, even in a short text; furniture alone gives no summary")
    func boilerplateIsNeverPicked() {
        let text = "Picture: AP. The storm closed every road into the valley for two days."
        #expect(summarizer().summarize(text).sentences.map(\.text) == ["The storm closed every road into the valley for two days."])
        let furniture = "Skip to content. Sign up for our newsletter. Share this article."
        let none = summarizer().summarize(furniture)
        #expect(none.sentences.isEmpty && none.sentenceCount == 3)
    }

    @Test("a two-sentence text under a one-sentence budget keeps the first")
    func twoSentencesTightBudget() {
        let text = "The first sentence leads the story. The second sentence adds a detail."
        let summary = summarizer().summarize(text, budget: .sentences(1))
        #expect(summary.sentences.map(\.index) == [0])
    }

    @Test("empty and blank texts give an empty summary", arguments: ["", " ", "\n\n\t "])
    func empty(text: String) {
        let summary = summarizer().summarize(text)
        #expect(summary.isEmpty)
        #expect(summary.sentenceCount == 0)
    }

    @Test("a text with any sentence never gets an empty summary",
          arguments: [SummaryBudget.sentences(1), .ratio(0.01), .sentences(3)])
    func neverEmpty(budget: SummaryBudget) {
        let texts = [
            article, "Fine.", "Yes. No. Maybe.", "a b c d e f g h i j k l",
            "42. 17. 3.", "— — —", String(repeating: "word ", count: 500),
        ]
        for text in texts {
            #expect(!summarizer().summarize(text, budget: budget).isEmpty, "\(budget) on \(text.prefix(30))")
        }
    }

    @Test("text with no sentence punctuation still gets a summary shorter than the text")
    func noPunctuation() {
        // 400 words in one run: the segmenter gives one segment; the summarizer cuts it into pieces.
        var words: [String] = []
        let topics = ["council budget transport", "weather rain storm", "council transport buses", "shops street quiet"]
        for i in 0..<100 { words.append(contentsOf: (topics[i % 4] + " today").split(separator: " ").map(String.init)) }
        let text = words.joined(separator: " ")
        let s = summarizer()
        let summary = s.summarize(text)
        #expect(summary.sentenceCount > 1)
        #expect(!summary.isEmpty && summary.sentences.count <= 3)
        #expect(summary.text.utf8.count < text.utf8.count / 2)
        #expect(isExactAndOrdered(summary, of: text))
        let bytes = Array(text.utf8)
        for sentence in summary.sentences { #expect(bytes.withUnsafeBufferPointer { Words.count($0, sentence.range) } <= 60) }
    }

    @Test("lines without punctuation are sentences of their own")
    func linesWithoutPunctuation() {
        let text = """
            Council approves record transport budget for buses and trams

            Critics say the transport budget forgets cyclists and walkers

            Weather stays wet for the rest of the week across the region

            Council transport budget to cut bus waiting times by a third
            """
        let summary = summarizer().summarize(text, budget: .sentences(2))
        #expect(summary.sentenceCount == 4)
        #expect(summary.sentences.count == 2)
        #expect(!summary.sentences.contains { $0.text.hasPrefix("Weather") })
        #expect(isExactAndOrdered(summary, of: text))
    }
}

@Suite("Summarizer: robustness rules")
struct RobustnessTests {
    @Test("an exact duplicate of a picked sentence is skipped")
    func duplicates() {
        let repeated = "The council approved the transport budget for buses and trams on Monday."
        let text = [repeated, repeated, "Critics said the transport budget ignores cyclists entirely.",
                    "The council budget for transport is the largest ever approved.", repeated,
                    "Shops on the high street had a quiet weekend in the rain."].joined(separator: " ")
        let summary = summarizer().summarize(text, budget: .sentences(3))
        #expect(summary.sentences.filter { $0.text == repeated }.count == 1)
        #expect(summary.sentences.count == 3)
    }

    @Test("a near-duplicate (cosine ≥ 0.9) of a picked sentence is skipped, a distinct one is kept")
    func nearDuplicates() throws {
        let a = "The council approved the transport budget for buses and trams on Monday."
        let b = "The council approved the transport budget for the buses and the trams on Monday."
        let text = [a, b, "Critics said the transport budget for buses ignores cyclists entirely.",
                    "The council said the budget for trams is the largest ever approved.",
                    "Shops on the high street had a quiet weekend in the rain."].joined(separator: " ")
        let s = summarizer()
        let workspace = SummarizerWorkspace()
        let summary = s.summarize(text, budget: .sentences(3), workspace: workspace)
        #expect(workspace.cosine(0, 1) >= 0.9)
        #expect(!(summary.sentences.contains { $0.index == 0 } && summary.sentences.contains { $0.index == 1 }))
        #expect(summary.sentences.count == 3)
        // With the check off, both copies win.
        let unchecked = summarizer { $0.redundancyThreshold = 1.01 }.summarize(text, budget: .sentences(3))
        #expect(unchecked.sentences.contains { $0.index == 0 } && unchecked.sentences.contains { $0.index == 1 })
    }

    @Test("with two sentences that share a word, both are kept: the redundancy check uses unit vectors")
    func twoSentencesSharingWords() {
        // Too few to rank, so no PageRank window weighs them; the cosine must still be a cosine.
        let text = "The council approved the transport budget on Monday. Critics said the transport budget ignores cyclists."
        let workspace = SummarizerWorkspace()
        let summary = summarizer().summarize(text, budget: .sentences(3), workspace: workspace)
        #expect(summary.sentences.count == 2)
        let cosine = workspace.cosine(0, 1)
        #expect(cosine > 0 && cosine < 0.9)
        #expect(abs(workspace.cosine(0, 0) - 1) < 1e-5)
    }

    @Test("short fragments are not candidates and do not win",
          arguments: ["Picture: AP.", "LONDON (Reuters) -", "Transport budget.", "Council transport budget?", "He said."])
    func fragments(fragment: String) {
        // The fragment shares the story's central words, so by similarity alone it would rank high.
        let text = fragment + "\n\n" + article
        let s = summarizer { $0.position = .none }
        let ranking = s.rank(text)
        #expect(ranking.isCandidate[0] == false)
        #expect(ranking.scores[0] == 0)
        for budget in [SummaryBudget.sentences(1), .sentences(3), .words(40)] {
            #expect(!s.summarize(text, budget: budget).sentences.contains { $0.index == 0 })
        }
        // The rule is a word count: four words make a candidate.
        #expect(s.rank("Council approves transport budget.\n\n" + article).isCandidate[0])
    }

    @Test("when every sentence is short, the short sentences are candidates")
    func allShort() {
        let summary = summarizer().summarize("Rain today. Wind later. Sun tomorrow. Snow never.", budget: .sentences(2))
        #expect(summary.sentences.count == 2)
    }

    @Test("a 5,000-sentence text is ranked in bounded windows, not one 5,000² graph")
    func longDocument() {
        let topics = ["The council approved the transport budget for buses today",
                      "Critics of the transport budget spoke for the cyclists today",
                      "Rain and wind hit the region for a third day in a row",
                      "Shops on the high street reported fewer visitors this month",
                      "The mayor praised the council for its work on transport"]
        var sentences: [String] = []
        for i in 0..<5000 { sentences.append("\(topics[i % topics.count]), report number \(i) says.") }
        let text = sentences.joined(separator: " ")
        let workspace = SummarizerWorkspace()
        let s = summarizer()
        let summary = s.summarize(text, workspace: workspace)
        #expect(summary.sentenceCount == 5000)
        #expect(summary.sentences.count == 3)
        #expect(isExactAndOrdered(summary, of: text))
        let window = s.options.graphWindow
        #expect(workspace.similarity.count <= window * window)
        #expect(workspace.transition.count <= window * window)
        #expect(workspace.similarity.capacity <= 2 * window * window)
        // Scores stay comparable across windows: they sum to about 1 over the whole text.
        let total = workspace.scores.reduce(0, +)
        #expect(abs(total - 1) < 1e-3)
    }

    @Test("the window size splits a text into nearly equal windows that cover every candidate")
    func windows() {
        let text = (0..<40).map { "Sentence number \($0) talks about the council transport budget." }.joined(separator: " ")
        let small = summarizer { $0.graphWindow = 7 }
        let ranking = small.rank(text)
        #expect(ranking.scores.allSatisfy { $0 > 0 })
        #expect(ranking.order.count == 40)
        #expect(Set(ranking.order).count == 40)
    }
}

@Suite("Summarizer: budgets, order and exact slices")
struct BudgetTests {
    @Test("a sentence budget picks that many sentences", arguments: [1, 2, 3, 5, 7, 20])
    func sentenceBudget(n: Int) {
        let summary = summarizer().summarize(article, budget: .sentences(n))
        #expect(summary.sentences.count == min(n, 7))
        #expect(isExactAndOrdered(summary, of: article))
    }

    @Test("a word budget is never exceeded: a sentence that does not fit is skipped, and when none fits the summary is empty and says why",
          arguments: [1, 10, 25, 40, 80, 1000])
    func wordBudget(n: Int) {
        let summary = summarizer().summarize(article, budget: .words(n))
        let bytes = Array(article.utf8)
        let words = bytes.withUnsafeBufferPointer { b in summary.sentences.reduce(0) { $0 + Words.count(b, $1.range) } }
        let ranking = summarizer().rank(article)
        let shortest = zip(ranking.wordCounts, ranking.isCandidate).filter(\.1).map(\.0).min() ?? 0
        #expect(words <= n)
        #expect(summary.budgetTooSmall == summary.sentences.isEmpty)
        if n >= shortest { #expect(!summary.sentences.isEmpty) } else { #expect(summary.budgetTooSmall) }
        #expect(isExactAndOrdered(summary, of: article))
    }

    @Test("a ratio budget is a fraction of the text's words", arguments: [0.1, 0.3, 0.5, 1.0])
    func ratioBudget(r: Double) {
        let bytes = Array(article.utf8)
        let s = summarizer()
        let total = bytes.withUnsafeBufferPointer { b in s.rank(article).sentences.reduce(0) { $0 + Words.count(b, $1) } }
        let summary = s.summarize(article, budget: .ratio(r))
        let words = bytes.withUnsafeBufferPointer { b in summary.sentences.reduce(0) { $0 + Words.count(b, $1.range) } }
        #expect(words <= Int((r * Double(total)).rounded()) || summary.sentences.count == 1)
        if r == 1.0 { #expect(summary.sentences.count == 7) }
    }

    @Test("the default budget is three sentences")
    func defaultBudget() {
        #expect(SummarizerOptions().budget == .sentences(3))
        #expect(summarizer().summarize(article).sentences.count == 3)
    }

    @Test("the summary is in document order and picks the best-ranked sentences")
    func documentOrderAndBest() {
        let s = summarizer()
        let ranking = s.rank(article)
        let summary = s.summarize(article, budget: .sentences(3))
        #expect(Set(summary.sentences.map(\.index)) == Set(ranking.order.prefix(3)))
        #expect(summary.sentences.map(\.index) == summary.sentences.map(\.index).sorted())
        // The off-topic sentences (shops, weather) are not picked.
        #expect(!summary.text.contains("weather"))
        #expect(summary.sentences.allSatisfy { $0.score > 0 })
    }

    @Test("ranges are UTF-8 byte offsets, exact with multi-byte characters")
    func byteOffsets() {
        let text = "Café owners in Zürich said “prices rise” again. 🚋 The city’s trams, the café’s owners said, run late. "
            + "Owners of cafés in Zürich expect the tram prices to rise again next year. Naïve hopes fade."
        let summary = summarizer().summarize(text, budget: .sentences(2))
        #expect(summary.sentences.count == 2)
        #expect(isExactAndOrdered(summary, of: text))
        for sentence in summary.sentences {
            let slice = Array(text.utf8)[sentence.range]
            #expect(String(decoding: slice, as: UTF8.self) == sentence.text)
        }
    }

    @Test("byte input gives the same summary as string input")
    func bytesAndStrings() {
        let s = summarizer()
        let fromString = s.summarize(article)
        let fromBytes = Array(article.utf8).withUnsafeBufferPointer { s.summarize(utf8: $0) }
        #expect(fromString == fromBytes)
    }

    @Test("options out of range are refused with a message")
    func validation() {
        let bad: [(inout SummarizerOptions) -> Void] = [
            { $0.budget = .sentences(0) }, { $0.budget = .words(0) }, { $0.budget = .ratio(0) },
            { $0.budget = .ratio(1.5) }, { $0.damping = 1 }, { $0.tolerance = 0 }, { $0.graphWindow = 2 },
            { $0.idfExponent = -1 }, { $0.maxIterations = 0 },
        ]
        for change in bad {
            var options = SummarizerOptions()
            change(&options)
            #expect(throws: SummarizerError.self) { try Summarizer(options: options) }
        }
    }
}

@Suite("Summarizer: ranking")
struct RankingTests {
    @Test("PageRank scores sum to 1 over the candidates and do not depend on the BLAS backend",
          arguments: [PositionWeighting.none, .default, .lead])
    func backendsAgree(position: PositionWeighting) {
        let open = summarizer { $0.position = position; $0.blas = .openBLAS }.rank(article)
        let swift = summarizer { $0.position = position; $0.blas = .swift }.rank(article)
        #expect(abs(open.scores.reduce(0, +) - 1) < 1e-4)
        #expect(open.order == swift.order)
        for (a, b) in zip(open.scores, swift.scores) { #expect(abs(a - b) < 1e-5) }
    }

    @Test("PageRank stops when the L1 change falls under the tolerance, well before the cap",
          arguments: [PositionWeighting.none, .default, .lead])
    func convergence(position: PositionWeighting) {
        let s = summarizer { $0.position = position }
        let workspace = SummarizerWorkspace()
        _ = s.summarize(article, workspace: workspace)
        #expect(workspace.iterations < s.options.maxIterations)
        #expect(Double(workspace.lastChange) < s.options.tolerance)
        // A looser tolerance stops sooner and ranks the same.
        let loose = summarizer { $0.position = position; $0.tolerance = 1e-3 }
        let looseWorkspace = SummarizerWorkspace()
        _ = loose.summarize(article, workspace: looseWorkspace)
        #expect(looseWorkspace.iterations <= workspace.iterations)
        #expect(loose.rank(article).order == s.rank(article).order)
    }

    @Test("the position prior and directed edges move early sentences up")
    func positionMatters() {
        // Sentence 0 is on the topic but less central than the later ones.
        let text = """
            Officials opened the new tram line on Friday morning.
            The tram line budget was approved by the council last year.
            The council said the tram budget would also pay for buses.
            Critics of the council said the tram budget was too large.
            The council defended the tram budget in a statement.
            """
        let none = summarizer { $0.position = .none }.rank(text)
        let lead = summarizer { $0.position = .lead }.rank(text)
        #expect(none.order.first != 0)
        #expect(lead.order.first == 0)
        #expect(lead.scores[0] > none.scores[0])
    }

    @Test("a batch gives the same summaries as one at a time, in input order, on any thread count",
          arguments: [1, 2, 4])
    func batch(threads: Int) {
        var generator = SplitMix64()
        let lines = article.split(separator: "\n")
        let texts = (0..<50).map { i in
            i % 5 == 0 ? "" : String(lines.shuffled(using: &generator).joined(separator: " ").prefix(100 * (i % 7 + 1)))
        }
        let s = summarizer()
        let one = texts.map { s.summarize($0) }
        let batch = s.summarize(batch: texts, threads: threads)
        #expect(batch == one)
        let budgets = texts.indices.map { SummaryBudget.sentences($0 % 3 + 1) }
        let withBudgets = s.summarize(batch: texts, budgets: budgets, threads: threads)
        for (i, summary) in withBudgets.enumerated() { #expect(summary == s.summarize(texts[i], budget: budgets[i])) }
        #expect(s.summarize(batch: [], threads: threads).isEmpty)
    }

    @Test("idf from a fitted model, or from the whole batch, weighs the terms")
    func modelIDF() throws {
        let corpus = [article, "The weather was wet and the weather was cold.", "Buses and trams ran late in the weather."]
        let model = try Summarizer.batchIDF(texts: corpus)
        var options = SummarizerOptions()
        options.idfExponent = 1
        let withModel = try Summarizer(options: options, idf: .model(model))
        let summary = withModel.summarize(article)
        #expect(summary.sentences.count == 3)
        #expect(isExactAndOrdered(summary, of: article))
        // A model fitted with another analyzer (scikit-learn's, with bigrams) also works: its single words count.
        let other = try TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2)).fit(documents: corpus)
        let table = ModelIDFTable(model: other)
        let council = Array("council".utf8)
        let unseen = Array("zeppelin".utf8)
        #expect(council.withUnsafeBufferPointer { table.idf($0.baseAddress!, $0.count) } < table.unseenIDF)
        #expect(unseen.withUnsafeBufferPointer { table.idf($0.baseAddress!, $0.count) } == table.unseenIDF)
        #expect(try Summarizer(idf: .model(other)).summarize(article).sentences.count == 3)
    }

    @Test("possessives are their own terms: the apostrophe is taken out before tokenizing")
    func possessives() {
        let text = "The BBC's report and Jones’s view, not the boss' or the 's ones. It's BBC's."
        let workspace = SummarizerWorkspace()
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            workspace.findPossessives(bytes)
            var next = 0
            #expect(workspace.joinPossessives(bytes, 0..<bytes.count, next: &next))
        }
        let joined = String(decoding: workspace.possessiveScratch, as: UTF8.self)
        #expect(joined == "The BBCs report and Joness view, not the boss' or the 's ones. Its BBCs.")
        let tokens = SummarizerOptions.defaultAnalyzer.tokens(of: joined)
        #expect(tokens.contains("bbcs") && tokens.contains("joness"))
    }

    @Test("words are runs holding a letter or digit", arguments: [
        ("Picture: AP", 2), ("LONDON (Reuters) -", 2), ("— • & -", 0), ("Zürich’s café 3.5%", 3), ("", 0), ("a\tb\nc", 3),
    ])
    func wordCount(text: String, words: Int) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { Words.count($0, 0..<bytes.count) } == words)
    }
}

