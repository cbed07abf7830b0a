import Foundation

extension SummarizerReport {
    /// What a summarizer report is made from: the evaluation's articles and what was done with them,
    /// all in the same order (as `lede evaluate summarizer` holds them).
    public struct Evaluation {
        public var articles: [Article]
        /// Each article's sentences (the summarizer's own segments, UTF-8 byte ranges).
        public var sentences: [[Range<Int>]]
        public var summaries: [Summary]
        /// Each reference's article sentences, when it is made of them.
        public var references: [Set<Int>?]
        /// Each summary's ROUGE against its reference.
        public var scores: [ROUGEScores]
        /// Mean scores of the summarizer, and of the first-sentences baseline.
        public var means: SummaryEvaluation
        public var baseline: SummaryEvaluation

        /// Creates an evaluation.
        public init(articles: [Article], sentences: [[Range<Int>]], summaries: [Summary], references: [Set<Int>?],
                    scores: [ROUGEScores], means: SummaryEvaluation, baseline: SummaryEvaluation) {
            self.articles = articles
            self.sentences = sentences
            self.summaries = summaries
            self.references = references
            self.scores = scores
            self.means = means
            self.baseline = baseline
        }
    }

    /// The report of a summarizer's evaluation on `dataNames`: `summarizer` ranked the sentences (with
    /// `model`'s scorer, named `modelName`, when it has one), within `budget`, with `idf` as its idf
    /// source. `date` is printed on each page when given.
    public init(_ evaluation: Evaluation, dataNames: [String], summarizer: Summarizer, model: SummarizerModel?, modelName: String?,
                budget: String, idf: String, date: String?) {
        let articles = evaluation.articles
        let scores = articles.indices.map { i in
            ArticleScores(rouge1: evaluation.scores[i].rouge1.f1, rouge2: evaluation.scores[i].rouge2.f1, rougeL: evaluation.scores[i].rougeL.f1,
                          summaryWords: evaluation.summaries[i].sentences.reduce(0) { $0 + Self.wordCount($1.text) },
                          referenceWords: Self.wordCount(articles[i].summary ?? ""))
        }
        let examples = Self.exampleIndices(rouge2: scores.map(\.rouge2)).map { heading, i in
            Self.example(heading: heading, evaluation, i, scores: scores[i])
        }
        func system(_ name: String, _ m: SummaryEvaluation) -> SystemScores {
            let extractive = m.extractiveCount > 0
            return SystemScores(name: name, rouge1: m.rouge1, rouge2: m.rouge2, rougeL: m.rougeL,
                                sentencePrecision: extractive ? m.sentencePrecision : nil, sentenceRecall: extractive ? m.sentenceRecall : nil,
                                sentenceF1: extractive ? m.sentenceF1 : nil)
        }
        let ranking = modelName.map { "learned sentence scorer \($0)" } ?? "TextRank, position weighting \(summarizer.options.position)"
        var settings = [ReportFact("ranking", ranking), ReportFact("budget", budget), ReportFact("idf", idf),
                        ReportFact("idf exponent", ModelFacts.plain(summarizer.options.idfExponent)),
                        ReportFact("shortest candidate", "\(summarizer.options.minimumWords) words"),
                        ReportFact("redundancy threshold", ModelFacts.plain(summarizer.options.redundancyThreshold))]
        if let model {
            let p = model.provenance
            settings += [ReportFact("model trained", "\(p.created) by Lede \(p.ledeVersion)"),
                         ReportFact("model training data", p.data.joined(separator: ", ") + " (\(NumberText.count(p.articles)) articles, "
                                    + "\(NumberText.count(p.sentences)) sentences, \(NumberText.count(p.positives)) oracle sentences)"),
                         ReportFact("model training data SHA-256", p.dataSHA256),
                         ReportFact("model C", ModelFacts.plain(p.c))]
        }
        let extractive = evaluation.means.extractiveCount
        var headline = [ReportFact("articles", NumberText.count(articles.count)),
                        ReportFact("ROUGE-1", NumberText.decimal(evaluation.means.rouge1)),
                        ReportFact("ROUGE-2", NumberText.decimal(evaluation.means.rouge2)),
                        ReportFact("ROUGE-L", NumberText.decimal(evaluation.means.rougeL))]
        if extractive > 0 { headline.append(ReportFact("sentence F1", NumberText.decimal(evaluation.means.sentenceF1))) }
        self.init(title: "Summarizer evaluation: \(modelName ?? "TextRank")",
                  subtitle: "\(ranking) on \(dataNames.joined(separator: ", ")): \(NumberText.count(articles.count)) articles "
                      + "(\(NumberText.count(extractive)) with references made of their own sentences); budget: \(budget).",
                  date: date, generator: "Lede \(LedeInfo.version)", headline: headline,
                  systems: [system("Lede", evaluation.means), system("first sentences (as many)", evaluation.baseline)],
                  articles: scores, examples: examples, settings: settings)
    }

    /// Article `i` shown whole: its picked sentences, and its reference's sentences: the article's own when
    /// the reference is made of them, else the reference's lines (or segmented sentences), each marked on the
    /// article sentence with the highest ROUGE-1 F1 against it.
    static func example(heading: String, _ evaluation: Evaluation, _ i: Int, scores: ArticleScores) -> Example {
        let article = evaluation.articles[i], segments = evaluation.sentences[i]
        let bytes = Array(article.text.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self) }
        var reference: [String] = [], marks: [Int: [Int]] = [:]
        if let sentences = evaluation.references[i] {
            for (n, s) in sentences.sorted().enumerated() where s < segments.count {
                reference.append(text(segments[s]))
                marks[s] = [n]
            }
        } else {
            let summary = article.summary ?? ""
            let lines = summary.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            reference = lines.count > 1 ? lines : SentenceSegmenter().sentences(in: summary).map(String.init)
            let scorer = ROUGEScorer()
            let candidates = segments.map(text)
            for (n, sentence) in reference.enumerated() {
                var best = -1, bestScore = 0.0
                for (s, candidate) in candidates.enumerated() {
                    let f1 = scorer.score(candidate: candidate, reference: sentence).rouge1.f1
                    if f1 > bestScore { (best, bestScore) = (s, f1) }
                }
                if best >= 0 { marks[best, default: []].append(n) }
            }
        }
        return Example(heading: heading, id: article.id ?? "article \(i + 1)", title: article.title, text: article.text,
                       sentences: segments, picked: Set(evaluation.summaries[i].sentences.map(\.index)), reference: reference,
                       referenceIsExtractive: evaluation.references[i] != nil, referenceMarks: marks, scores: scores)
    }

    /// Words as white space separates them.
    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
