import ArgumentParser
import Lede

/// The summarizer flags `summarize`, `process` and `evaluate summarizer` share: budget, and how sentences
/// are ranked: a learned summarizer model (the default: the shipped one, or `--summarizer`), or
/// TextRank with a position weighting (`--position`).
struct SummarizerFlags: ParsableArguments {
    @Option(name: [.customShort("n"), .long], help: "Pick at most N sentences (the default budget is 3 sentences).") var sentences: Int?
    @Option(help: "Pick at most N words: a sentence that does not fit is skipped; when none fits, the summary is empty and the record says \"warning\":\"budget_too_small\".") var words: Int?
    @Option(help: "Pick at most this fraction of the article's words, e.g. 0.3.") var ratio: Double?
    @Option(help: """
        Rank by TextRank with this position weighting instead of the learned summarizer model: 'default' \
        (a prior on early sentences, weaker edges toward later ones), 'lead' (stronger), or 'none' (plain \
        TextRank, best on extractive references such as BBC's). docs/summarizer.md compares them.
        """) var position: PositionChoice?
    @Option(help: """
        Summarizer model (lede train summarizer) that ranks sentences; default: $LEDE_SUMMARIZER, else the \
        shipped models/cnndm-summarizer.safetensors (trained on CNN/DailyMail highlights), unless --position is given.
        """) var summarizer: String?

    @Option(help: """
        Where sentence idf comes from: 'document' (the article's own sentences, the default), 'batch' \
        (all the input's articles; reads the whole input first), or 'model' (the --model's idf).
        """) var idf: IDFChoice = .document
    @Option(name: [.short, .long], help: "Model file or shipped model name whose idf --idf model uses; process also classifies with it (default: $LEDE_MODEL, else the shipped default, news-topics).") var model: String?

    func validate() throws {
        if [sentences != nil, words != nil, ratio != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --sentences, --words, --ratio")
        }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be in (0, 1]") }
        if position != nil && summarizer != nil { throw ValidationError("give --summarizer or --position, not both") }
    }

    /// The budget the flags ask for, or nil for the default.
    var budget: SummaryBudget? {
        if let sentences { return .sentences(sentences) }
        if let words { return .words(words) }
        if let ratio { return .ratio(ratio) }
        return nil
    }

    /// The summarizer the flags describe; `batchTexts` are the whole input, for `--idf batch`.
    func summarizer(batchTexts: [String] = []) throws -> Summarizer {
        var options = SummarizerOptions()
        var scorer: SentenceScorer?
        if let position {
            options.position = switch position {
            case .lead: .lead
            case .none: .none
            case .default: .default
            }
        } else {
            let model = try SummarizerModelLocation.load(summarizer)
            options = model.settings.options
            scorer = model.scorer
        }
        if let budget { options.budget = budget }
        let source: IDFSource
        switch idf {
        case .model: source = .model(try ModelLocation.load(model).tfidf)
        case .batch:
            do { source = .model(try Summarizer.batchIDF(texts: batchTexts, options: options)) } catch {
                throw Exit.fail(Exit.badData, "cannot fit idf on the input: \(error)")
            }
        case .document: source = .sentences
        }
        do { return try Summarizer(options: options, idf: source, segmenter: SentenceSegmenter(), scorer: scorer) } catch {
            throw Exit.fail(Exit.usage, "\(error)")
        }
    }
}

/// `--position`: TextRank's position weighting, instead of the learned model.
enum PositionChoice: String, ExpressibleByArgument, CaseIterable {
    case `default`, lead, none
}

/// `--idf`: where sentence idf comes from.
enum IDFChoice: String, ExpressibleByArgument, CaseIterable {
    case document, batch, model
}
