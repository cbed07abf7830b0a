import Foundation
import Lede

/// Times tokenizing and vectorizing a corpus held in memory as strings (title + newline + field; JSON
/// parsing not timed) into the finished TF-IDF matrix with `TfidfVectorizer.fitTransform(documents:threads:)`,
/// repeating whole fits for at least `--seconds` (default 2) after one untimed warm-up fit.
///
/// `--data FILE --text-field body --config unigram|bigram --threads N [--seconds 2]`. The configs are
/// scikit-learn's: unigram = `TfidfVectorizer()`; bigram = 1–2-grams, min_df 2, sublinear tf.
/// Work is counted in UTF-8 bytes of the documents, so the harness reports MB/s; the vocabulary size
/// and stored entries are reported so that they can be checked against the peer's.
func tokenizeBenchmark(_ options: Options) -> Measurement {
    let corpus = Corpus(path: options.string("data"), textField: options.string("text-field", default: "body"))
    let config = options.string("config", default: "unigram")
    guard config == "unigram" || config == "bigram" else { usage("--config is unigram or bigram, not \(config)") }
    let bigram = config == "bigram"
    let threads = Int(options.double("threads", default: 1))
    let vectorizer = TfidfVectorizer(
        analyzer: .scikitLearn(ngramRange: 1...(bigram ? 2 : 1)),
        options: TfidfOptions(minDF: .count(bigram ? 2 : 1), sublinearTF: bigram))
    var fit: TfidfFit?
    let timing = timeRepeated(minimumSeconds: options.double("seconds", default: 2), workPerCall: Double(corpus.byteCount)) {
        fit = try! vectorizer.fitTransform(documents: corpus.texts, threads: threads)
    }
    let fits = Int((timing.work / Double(corpus.byteCount)).rounded())
    return Measurement(system: "Lede", seconds: timing.seconds, work: timing.work, bytes: timing.work, extra: [
        "config": config, "threads": String(threads), "documents": String(corpus.texts.count),
        "vocabulary": String(fit!.model.vocabulary.count), "nnz": String(fit!.matrix.entryCount),
        "fits": String(fits), "seconds_per_fit": String(format: "%.3f", timing.seconds / Double(fits)),
    ])
}
