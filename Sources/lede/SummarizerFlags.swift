import ArgumentParser
import Lede

/// The summarizer flags `summarize` and `evaluate summarizer` share: budget and position.
struct SummarizerFlags: ParsableArguments {
    @Option(help: "Pick at most N sentences (default: 3).") var sentences: Int?
    @Option(help: "Pick at most N words.") var words: Int?
    @Option(help: "Pick at most this fraction of the article's words, e.g. 0.3.") var ratio: Double?
    @Option(help: """
        Position-aware ranking: 'default' (a prior on early sentences and edges toward earlier \
        sentences, tuned on BBC and CNN/DailyMail), 'lead' (stronger), or 'none' (plain TextRank).
        """) var position: String = "default"

    func validate() throws {
        if [sentences != nil, words != nil, ratio != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give one of --sentences, --words, --ratio")
        }
        if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
        if let words, words < 1 { throw ValidationError("--words must be at least 1") }
        if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be in (0, 1]") }
        guard ["default", "lead", "none"].contains(position) else { throw ValidationError("--position must be default, lead or none") }
    }

    /// The budget the flags ask for, or nil for the default.
    var budget: SummaryBudget? {
        if let sentences { return .sentences(sentences) }
        if let words { return .words(words) }
        if let ratio { return .ratio(ratio) }
        return nil
    }

    /// The summarizer the flags describe.
    func summarizer() throws -> Summarizer {
        var options = SummarizerOptions()
        if let budget { options.budget = budget }
        options.position = switch position {
        case "lead": .lead
        case "none": .none
        default: .default
        }
        do { return try Summarizer(options: options) } catch {
            throw Exit.fail(Exit.usage, "\(error)")
        }
    }
}
