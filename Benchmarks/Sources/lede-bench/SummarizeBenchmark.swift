import Foundation
import Lede

/// An article of a JSON Lines file with `id`, `text` and (for scoring) `summary` fields.
struct SummaryArticle {
    var id: String
    var text: String
    var summary: String
}

/// The articles of the comma-separated JSON Lines files in `--data`, in order.
func loadSummaryArticles(_ paths: String) -> [SummaryArticle] {
    var articles: [SummaryArticle] = []
    for path in paths.split(separator: ",").map(String.init) {
        guard let data = FileManager.default.contents(atPath: path) else { usage("cannot read \(path)") }
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                usage("\(path): a line is not a JSON object")
            }
            articles.append(SummaryArticle(id: object["id"] as? String ?? "", text: object["text"] as? String ?? "",
                                           summary: object["summary"] as? String ?? ""))
        }
    }
    return articles
}

/// The sentences Lede's `SentenceSegmenter` finds in `text`, as strings.
func ledeSentences(_ text: String, _ segmenter: SentenceSegmenter) -> [String] {
    segmenter.sentences(in: text).map(String.init)
}

/// Articles per second of `Summarizer().summarize(batch:threads:)`, end to end in memory (segmenting,
/// ranking, picking the default budget of 3 sentences), over the `text` of every article of the
/// comma-separated files in `--data`, the whole list repeated `--repeat` times (default 10) and
/// summarized as one batch; the batch is run again until `--seconds` (default 1) have passed, after one
/// untimed warm-up batch. `--threads N` (default 2). JSON parsing is not timed.
func summarizeBenchmark(_ options: Options) -> Measurement {
    let articles = loadSummaryArticles(options.string("data"))
    let repeats = Int(options.double("repeat", default: 10))
    let threads = Int(options.double("threads", default: 2))
    let texts = Array([[String]](repeating: articles.map(\.text), count: repeats).joined())
    let summarizer = try! Summarizer()
    var picked = 0
    let timing = timeRepeated(minimumSeconds: options.double("seconds", default: 1), workPerCall: Double(texts.count)) {
        let summaries = summarizer.summarize(batch: texts, threads: threads)
        picked = summaries.reduce(0) { $0 + $1.sentences.count }
    }
    let batches = Int((timing.work / Double(texts.count)).rounded())
    return Measurement(system: "Lede", seconds: timing.seconds, work: timing.work, units: timing.work, extra: [
        "threads": String(threads), "articles": String(texts.count), "batches": String(batches),
        "sentences_picked": String(picked),
    ])
}

/// Writes, for the peers, each article's sentences as Lede's `SentenceSegmenter` splits them: one JSON
/// line `{"id": …, "sentences": [text, …]}` per article of the comma-separated files in `--data`, to
/// `--out FILE` (default: standard output). Prints nothing else.
func summarySentences(_ options: Options) {
    struct Line: Encodable { var id: String; var sentences: [String] }
    let articles = loadSummaryArticles(options.string("data"))
    let segmenter = SentenceSegmenter()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = Data()
    for article in articles {
        out += try! encoder.encode(Line(id: article.id, sentences: ledeSentences(article.text, segmenter)))
        out += Data("\n".utf8)
    }
    let path = options.string("out", default: "-")
    if path == "-" {
        FileHandle.standardOutput.write(out)
    } else if !FileManager.default.createFile(atPath: path, contents: out) {
        usage("cannot write \(path)")
    }
}

/// Scores summaries of the articles in `--data` (BBC test) against their reference summaries with
/// `ROUGEScorer` (rouge-score's ROUGE-1/2/L F1 with Porter stemming), as `lede evaluate summarizer` does,
/// and sentence precision/F1 against the reference's sentences (the article's `SentenceSegmenter`
/// segments that spell it out, `ExtractiveReference`).
///
/// The summaries are `--picks FILE` (JSON Lines `{"id": …, "sentences": [text, …]}`, the picked sentences
/// in document order; an article missing from the file counts as an empty summary), or `--system lede`
/// (`Summarizer()`'s default settings with a budget of `--sentences` sentences, default 3) or `--system lead` (the first
/// `--sentences` sentences). A picked sentence is matched to the article's segments by its text.
/// Prints `seconds` 1 and `work` = mean ROUGE-2 F1, so the harness's figure is ROUGE-2 F1; the other
/// means are in `extra`.
func summaryROUGE(_ options: Options) -> Measurement {
    let articles = loadSummaryArticles(options.string("data"))
    let k = Int(options.double("sentences", default: 3))
    let segmenter = SentenceSegmenter()
    let sentences = articles.map { ledeSentences($0.text, segmenter) }
    var system = options.string("system", default: "")
    var picks: [[String]?]
    if let path = Optional(options.string("picks", default: "")), !path.isEmpty {
        guard let data = FileManager.default.contents(atPath: path) else { usage("cannot read \(path)") }
        var byID: [String: [String]] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let picked = object["sentences"] as? [String] else {
                usage("\(path): a line is not {\"id\": …, \"sentences\": […]}")
            }
            byID[id] = picked
        }
        picks = articles.map { byID[$0.id] }
        if system.isEmpty { system = "picks" }
    } else if system == "lede" {
        let summarizer = try! Summarizer(options: SummarizerOptions(budget: .sentences(k)))
        let summaries = summarizer.summarize(batch: articles.map(\.text), threads: 2)
        picks = summaries.map { $0.sentences.map(\.text) }
        system = "Lede"
    } else if system == "lead" {
        picks = sentences.map { Array($0.prefix(k)) }
        system = "first \(k) sentences"
    } else {
        usage("give --picks FILE or --system lede|lead")
    }

    let scorer = ROUGEScorer(stemming: true)
    var evaluation = SummaryEvaluation()
    var missing = 0, empty = 0, unmatched = 0, pickedCount = 0
    for (i, article) in articles.enumerated() {
        let segments = segmenter.segments(in: article.text)
        let reference = ExtractiveReference.sentences(of: article.summary, in: article.text, segments: segments)
        guard let picked = picks[i] else {
            missing += 1
            evaluation.add(picked: [], summaryText: "", reference: article.summary, referenceSentences: reference, scorer: scorer)
            continue
        }
        if picked.isEmpty { empty += 1 }
        pickedCount += picked.count
        // Each pick's index among the article's sentences, matched by text (first unused match).
        var used = Set<Int>()
        var indices: [Int] = []
        for text in picked {
            if let j = sentences[i].indices.first(where: { !used.contains($0) && sentences[i][$0] == text }) {
                used.insert(j)
                indices.append(j)
            } else {
                unmatched += 1
                indices.append(-1)
            }
        }
        evaluation.add(picked: indices, summaryText: picked.joined(separator: "\n"), reference: article.summary,
                       referenceSentences: reference, scorer: scorer)
    }
    let means = evaluation.means()
    func f(_ x: Double) -> String { String(format: "%.4f", x) }
    return Measurement(system: system, seconds: 1, work: means.rouge2, extra: [
        "rouge1": f(means.rouge1), "rouge2": f(means.rouge2), "rougeL": f(means.rougeL),
        "sentence_precision": f(means.sentencePrecision), "sentence_f1": f(means.sentenceF1),
        "articles": String(articles.count), "extractive_references": String(means.extractiveCount),
        "sentences_picked": String(pickedCount), "empty_summaries": String(empty + missing),
        "unmatched_picks": String(unmatched),
    ])
}
