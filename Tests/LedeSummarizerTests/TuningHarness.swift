import Foundation
import Testing
import LedeText
import LedeSummarizer

/// The harness the defaults were tuned with; it runs only when `LEDE_SUMMARIZER_TUNE` names an output
/// folder. Settings come from `LEDE_SUMMARIZER_GRID`: configurations separated by ";", each a list of
/// `key=value` (keys: `prior`, `decay`, `forward`, `idf`, `stop` = core|english|none|core+said,
/// `minwords`, `numbers` = drop|keep, `sublinear` = 0|1, `name`); unset keys keep the defaults.
///
/// For each configuration it prints BBC train sentence F1 (k = reference) and precision@3, and writes
/// the picks (BBC at reference length, CNN/DailyMail dev at three sentences) as JSON Lines
/// `{"id", "pred"}` into the folder, for ROUGE by Google's `rouge-score` outside Swift.
/// Only the training and development sets are read here; BBC test is scored by the quality tests.
@Suite("Summarizer tuning harness")
struct TuningHarness {
    static let outputFolder = ProcessInfo.processInfo.environment["LEDE_SUMMARIZER_TUNE"]

    static func options(from spec: String) -> (name: String, options: SummarizerOptions) {
        var options = SummarizerOptions()
        var name = spec.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "=", with: "")
        var position = options.position
        var stop = "core"
        var numbers = TokenizerOptions.Numbers.drop
        for pair in spec.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (key, value) = (parts[0], parts[1])
            switch key {
            case "name": name = value
            case "prior": position.priorShare = Double(value)!
            case "decay": position.decay = Double(value)!
            case "forward": position.forwardWeight = Double(value)!
            case "idf": options.idfExponent = Double(value)!
            case "stop": stop = value
            case "minwords": options.minimumWords = Int(value)!
            case "numbers": numbers = value == "keep" ? .keep : .drop
            case "sublinear": options.sublinearTF = value == "1"
            case "possessive": options.possessivesAsDistinctTerms = value == "1"
            case "window": options.graphWindow = Int(value)!
            case "redundancy": options.redundancyThreshold = Double(value)!
            default: Issue.record("unknown key \(key)")
            }
        }
        options.position = position
        let stopWords: StopWords?
        switch stop {
        case "english": stopWords = .english
        case "none": stopWords = nil
        case "core+said": stopWords = StopWords(StopWords.summarizerCore.members.members + ["said", "says", "say", "mr", "mrs"])
        default: stopWords = .summarizerCore
        }
        options.analyzer = TextAnalyzer(tokenization: .lede(TokenizerOptions(minimumLength: 2, numbers: numbers, urls: .keep)),
                                        terms: .words(1...1), stopWords: stopWords)
        if name.isEmpty { name = "default" }
        return (name, options)
    }

    static func writePicks(_ path: String, ids: [String], picks: [[String]]) throws {
        var out = ""
        for (id, pick) in zip(ids, picks) {
            let object: [String: String] = ["id": id, "pred": pick.joined(separator: "\n")]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("tune on BBC train and CNN/DailyMail dev", .enabled(if: outputFolder != nil, "set LEDE_SUMMARIZER_TUNE to run"))
    func tune() throws {
        let folder = Self.outputFolder!
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bbc = try Datasets.load("bbc/train.jsonl")
        let cnn = try Datasets.load("cnndm-dev/dev.jsonl")
        let grid = ProcessInfo.processInfo.environment["LEDE_SUMMARIZER_GRID"] ?? ""
        for spec in grid.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) + (grid.isEmpty ? [""] : []) {
            let (name, options) = Self.options(from: spec)
            let summarizer = try Summarizer(options: options)
            let evaluation = ExtractiveEvaluation(summarizer: summarizer, articles: bbc)
            try Self.writePicks("\(folder)/\(name).bbc.jsonl", ids: bbc.map(\.id), picks: evaluation.picksAtReferenceLength)
            let cnnSummaries = summarizer.summarize(batch: cnn.map(\.text), budgets: Array(repeating: .sentences(3), count: cnn.count))
            try Self.writePicks("\(folder)/\(name).cnn.jsonl", ids: cnn.map(\.id), picks: cnnSummaries.map { $0.sentences.map(\.text) })
            print(String(format: "TUNE %@  bbc-train F1(k=ref) %.4f (micro %.4f)  P@3 %.4f", name,
                         evaluation.atReferenceLength.meanF1, evaluation.atReferenceLength.microF1, evaluation.atThree.meanPrecision))
        }
    }
}

/// Throughput, printed, never asserted (tests check quality, not time): BBC train + test repeated
/// ten times, end to end from strings to summaries. Runs only when `LEDE_SUMMARIZER_SPEED` is set
/// (to the thread count).
@Suite("Summarizer throughput probe")
struct ThroughputProbe {
    static let threads = ProcessInfo.processInfo.environment["LEDE_SUMMARIZER_SPEED"].flatMap { Int($0) }

    @Test("articles per second on BBC", .enabled(if: threads != nil, "set LEDE_SUMMARIZER_SPEED=threads to run"))
    func articlesPerSecond() throws {
        let articles = try Datasets.load("bbc/train.jsonl") + Datasets.load("bbc/test.jsonl")
        let texts = Array((0..<10).map { _ in articles.map(\.text) }.joined())
        let summarizer = try Summarizer()
        _ = summarizer.summarize(batch: Array(texts.prefix(2000)), threads: Self.threads!)
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let summaries = summarizer.summarize(batch: texts, threads: Self.threads!)
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            print(String(format: "SPEED %d articles in %.3f s: %.0f articles/s on %d threads (%d sentences picked)",
                         texts.count, seconds, Double(texts.count) / seconds, Self.threads!,
                         summaries.reduce(0) { $0 + $1.sentences.count }))
        }
    }
}
