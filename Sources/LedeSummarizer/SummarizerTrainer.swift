import LedeSentences
import Foundation
import LedeParallel
import LedeFeatures
import LedeClassifier
import LedeROUGE

/// One training article: its text and a human-written reference summary.
public struct SummaryExample: Sendable {
    public var text: String
    public var reference: String

    public init(text: String, reference: String) {
        self.text = text
        self.reference = reference
    }
}

/// What the trainer does: features, oracle, regression strength.
public struct SummarizerTrainingSettings: Sendable {
    /// The features the scorer weighs.
    public var features: [SentenceFeature] = SummarizerTrainer.defaultFeatures
    /// Ranking settings for the PageRank and similarity features (and for selection).
    public var options: SummarizerOptions = SummarizerTrainer.defaultOptions
    /// The greedy ROUGE oracle picks up to this many sentences per article (the positives). 2 beat 1, 3
    /// and 4 in 5-fold CV on CNN/DailyMail dev (ROUGE-2 0.1154 against 0.1140, 0.1137, 0.1118).
    public var oracleSentences: Int = 2
    /// The logistic regression's C.
    public var c: Double = 1
    /// Worker threads for features and oracle labels.
    public var threads: Int = Summarizer.defaultThreadCount

    public init() {}
}

/// Trains a `SentenceScorer` on articles with human-written summaries: per article, a greedy oracle
/// picks the candidates that maximize ROUGE-1 + ROUGE-2 F1 against the reference (label 1, the other
/// candidates 0); the features are standardized and weighed by Lede's logistic regression.
public enum SummarizerTrainer {
    /// The default features: position (log and relative index), length, PageRank, centrality toward
    /// earlier and later sentences, similarity to the first sentence, the largest similarity, quotes and
    /// questions. Indicators of the first three candidates were tried and left out: 5-fold CV on
    /// CNN/DailyMail dev was 0.3003 / 0.1137 without them, 0.2988 / 0.1129 with (ROUGE-1 / ROUGE-2, 3-sentence oracle).
    public static let defaultFeatures: [SentenceFeature] = SentenceFeature.allCases.filter { ![.first, .second, .third].contains($0) }

    /// The default ranking settings for a learned scorer: plain TextRank (position is a feature of its own)
    /// with the default idf exponent. In 5-fold CV on CNN/DailyMail dev, PageRank with `.none` (0.3013 /
    /// 0.1154) did as well as with directed edges (forward 0.5: 0.3009 / 0.1156; 0: 0.2992 / 0.1146) and
    /// better than with `.default` (0.2987 / 0.1135).
    public static var defaultOptions: SummarizerOptions {
        var options = SummarizerOptions()
        options.position = .none
        return options
    }

    /// The features and oracle labels of one article's candidates.
    public struct ArticleRows: Sendable {
        /// Row-major features, one row per candidate.
        public var features: [Double]
        /// 1 for oracle candidates, else 0.
        public var labels: [Int32]
        public var count: Int { labels.count }

        /// Creates rows.
        public init(features: [Double], labels: [Int32]) {
            self.features = features
            self.labels = labels
        }
    }

    /// The features and oracle labels of every article, in parallel; the rows do not depend on the thread count.
    public static func rows(_ examples: [SummaryExample], settings: SummarizerTrainingSettings) throws -> [ArticleRows] {
        let summarizer = try Summarizer(options: settings.options)
        let count = examples.count
        guard count > 0 else { return [] }
        var results = [ArticleRows?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress!
            parallelWorkers(blocks: count, threads: settings.threads) { _, articles in
                let work = SummarizerWorkspace()
                let tokenizer = ROUGETokenizer()
                for i in articles {
                    out[i] = articleRows(examples[i], summarizer: summarizer, workspace: work, tokenizer: tokenizer, settings: settings)
                }
            }
        }
        return results.map { $0! }
    }

    static func articleRows(_ example: SummaryExample, summarizer: Summarizer, workspace work: SummarizerWorkspace,
                            tokenizer: ROUGETokenizer, settings: SummarizerTrainingSettings) -> ArticleRows {
        var text = example.text
        return text.withUTF8 { bytes in
            work.read(bytes, summarizer: summarizer)
            work.score(summarizer: summarizer)
            var features: [Double] = []
            work.computeFeatures(settings.features, bytes: bytes, summarizer: summarizer, into: &features)
            let sentences = work.candidates.map { s in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[work.segments[Int(s)]]), as: UTF8.self)
            }
            let picked = Oracle.greedy(sentences: sentences, reference: example.reference, size: settings.oracleSentences,
                                       tokenizer: tokenizer)
            var labels = [Int32](repeating: 0, count: sentences.count)
            for p in picked { labels[p] = 1 }
            return ArticleRows(features: features, labels: labels)
        }
    }

    /// Fits a scorer on the rows of the given articles (all when `articles` is nil).
    package static func fit(_ rows: [ArticleRows], articles: [Int]? = nil, features: [SentenceFeature], c: Double,
                           threads: Int = 1) -> SentenceScorer {
        let f = features.count
        let chosen = articles ?? Array(rows.indices)
        var n = 0
        var mean = [Double](repeating: 0, count: f)
        for a in chosen {
            let r = rows[a]
            n += r.count
            for i in 0..<r.count { for k in 0..<f { mean[k] += r.features[i * f + k] } }
        }
        let total = Double(max(1, n))
        for k in 0..<f { mean[k] /= total }
        var variance = [Double](repeating: 0, count: f)
        for a in chosen {
            let r = rows[a]
            for i in 0..<r.count { for k in 0..<f { let d = r.features[i * f + k] - mean[k]; variance[k] += d * d } }
        }
        let scale = variance.map { v -> Double in let s = (v / total).squareRoot(); return s > 1e-12 ? s : 1 }
        var matrix = CSRMatrix(columnCount: f)
        var labels: [Int32] = []
        labels.reserveCapacity(n)
        let columns = (0..<Int32(f)).map { $0 }
        for a in chosen {
            let r = rows[a]
            for i in 0..<r.count {
                matrix.appendRow(columns: columns, values: (0..<f).map { Float((r.features[i * f + $0] - mean[$0]) / scale[$0]) })
                labels.append(r.labels[i])
            }
        }
        let options = LogisticRegressionOptions(c: c, maxIterations: 1000, tolerance: 1e-6, threads: threads)
        let (model, _) = LogisticRegression.train(matrix: matrix, labels: labels, labelNames: ["other", "summary"], options: options)
        // Two-class softmax: the log-odds of "summary" are the difference of the two columns.
        let p = model.parameters
        let weights = (0..<f).map { Double(p[$0 * 2 + 1]) - Double(p[$0 * 2]) }
        let bias = Double(p[f * 2 + 1]) - Double(p[f * 2])
        return try! SentenceScorer(features: features, mean: mean, scale: scale, weights: weights, bias: bias)
    }

    /// Scores summaries of `examples[indices]` (all when nil) by `summarizer`, and the first as many
    /// sentences (the segmenter's, as `lede evaluate summarizer` counts them), by ROUGE F1 means.
    public static func evaluate(_ summarizer: Summarizer, _ examples: [SummaryExample], indices: [Int]? = nil,
                                threads: Int = Summarizer.defaultThreadCount) -> (learned: SummaryScores, lead: SummaryScores) {
        let chosen = indices ?? Array(examples.indices)
        let texts = chosen.map { examples[$0].text }
        let summaries = summarizer.summarize(batch: texts, threads: threads)
        let scorer = ROUGEScorer()
        var learned = (0.0, 0.0, 0.0), lead = (0.0, 0.0, 0.0)
        for (j, i) in chosen.enumerated() {
            let reference = examples[i].reference
            let s = scorer.score(candidate: summaries[j].sentences.map(\.text).joined(separator: "\n"), reference: reference)
            learned.0 += s.rouge1.f1
            learned.1 += s.rouge2.f1
            learned.2 += s.rougeL.f1
            let bytes = Array(texts[j].utf8)
            let segments = summarizer.sentences(texts[j])
            let k = min(summaries[j].sentences.count, segments.count)
            let first = segments[0..<k].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
            let b = scorer.score(candidate: first, reference: reference)
            lead.0 += b.rouge1.f1
            lead.1 += b.rouge2.f1
            lead.2 += b.rougeL.f1
        }
        let n = Double(max(1, chosen.count))
        return (SummaryScores(rouge1: learned.0 / n, rouge2: learned.1 / n, rougeL: learned.2 / n),
                SummaryScores(rouge1: lead.0 / n, rouge2: lead.1 / n, rougeL: lead.2 / n))
    }

    /// k-fold cross-validation of the recipe, folds by article (article i in fold i mod k): fit on the
    /// other folds, summarize the held-out fold's articles with `sentences` sentences, score by ROUGE.
    public static func crossValidate(_ examples: [SummaryExample], rows precomputed: [ArticleRows]? = nil,
                                     settings: SummarizerTrainingSettings, folds: Int = 5,
                                     sentences: Int = 3) throws -> SummarizerCrossValidation {
        precondition(folds >= 2 && examples.count >= folds, "crossValidate: need at least two folds and one article per fold")
        let rows = try precomputed ?? self.rows(examples, settings: settings)
        var learned = (0.0, 0.0, 0.0), lead = (0.0, 0.0, 0.0)
        var foldRouge1: [Double] = []
        var options = settings.options
        options.budget = .sentences(sentences)
        for fold in 0..<folds {
            let train = examples.indices.filter { $0 % folds != fold }
            let test = examples.indices.filter { $0 % folds == fold }
            let scorer = fit(rows, articles: train, features: settings.features, c: settings.c, threads: settings.threads)
            let summarizer = try Summarizer(options: options, idf: .sentences, segmenter: SentenceSegmenter(), scorer: scorer)
            let (l, b) = evaluate(summarizer, examples, indices: test, threads: settings.threads)
            let w = Double(test.count)
            learned.0 += l.rouge1 * w; learned.1 += l.rouge2 * w; learned.2 += l.rougeL * w
            lead.0 += b.rouge1 * w; lead.1 += b.rouge2 * w; lead.2 += b.rougeL * w
            foldRouge1.append(l.rouge1)
        }
        let n = Double(examples.count)
        return SummarizerCrossValidation(
            folds: folds, sentences: sentences,
            learned: SummaryScores(rouge1: learned.0 / n, rouge2: learned.1 / n, rougeL: learned.2 / n),
            lead: SummaryScores(rouge1: lead.0 / n, rouge2: lead.1 / n, rougeL: lead.2 / n),
            foldRouge1: foldRouge1)
    }
}

/// The greedy extractive oracle: sentences added one at a time, each the one that raises
/// ROUGE-1 F1 + ROUGE-2 F1 (Porter-stemmed tokens, as rouge-score) of the selection the most, until
/// `size` are picked or none raises it.
public enum Oracle {
    /// The indices of the picked sentences, increasing.
    package static func greedy(sentences: [String], reference: String, size: Int,
                              tokenizer: ROUGETokenizer = ROUGETokenizer()) -> [Int] {
        var ids: [String: Int32] = [:]
        func number(_ text: String) -> [Int32] {
            tokenizer.tokens(text).map { token in
                if let id = ids[token] { return id }
                let id = Int32(ids.count)
                ids[token] = id
                return id
            }
        }
        let ref = number(reference)
        guard !ref.isEmpty else { return [] }
        let tokens = sentences.map(number)
        var refUnigrams: [Int32: Int] = [:]
        for t in ref { refUnigrams[t, default: 0] += 1 }
        var refBigrams: [Int64: Int] = [:]
        for (a, b) in zip(ref, ref.dropFirst()) { refBigrams[Int64(a) << 32 | Int64(b), default: 0] += 1 }

        func score(_ picked: [Int]) -> Double {
            var candidate: [Int32] = []
            for p in picked.sorted() { candidate += tokens[p] }
            guard !candidate.isEmpty else { return 0 }
            var unigrams: [Int32: Int] = [:]
            for t in candidate { unigrams[t, default: 0] += 1 }
            var match1 = 0
            for (t, c) in unigrams { match1 += min(c, refUnigrams[t] ?? 0) }
            var bigrams: [Int64: Int] = [:]
            for (a, b) in zip(candidate, candidate.dropFirst()) { bigrams[Int64(a) << 32 | Int64(b), default: 0] += 1 }
            var match2 = 0
            for (g, c) in bigrams { match2 += min(c, refBigrams[g] ?? 0) }
            func f1(_ match: Int, _ candidateCount: Int, _ referenceCount: Int) -> Double {
                guard match > 0, candidateCount > 0, referenceCount > 0 else { return 0 }
                let p = Double(match) / Double(candidateCount), r = Double(match) / Double(referenceCount)
                return 2 * p * r / (p + r)
            }
            return f1(match1, candidate.count, ref.count) + f1(match2, candidate.count - 1, ref.count - 1)
        }

        var picked: [Int] = []
        var best = 0.0
        while picked.count < size {
            var choice = -1
            var choiceScore = best
            for i in sentences.indices where !picked.contains(i) && !tokens[i].isEmpty {
                let s = score(picked + [i])
                if s > choiceScore {
                    choiceScore = s
                    choice = i
                }
            }
            guard choice >= 0 else { break }
            picked.append(choice)
            best = choiceScore
        }
        return picked.sorted()
    }
}
