import Foundation
import Lede

/// Times the sentence segmenter over one field of every record of a JSON Lines file, held in
/// memory (JSON parsing not timed), for at least `--seconds` (default 2).
/// `--data FILE [--field text]`; work is counted in UTF-8 bytes, so the harness reports MB/s.
func segmentBenchmark(_ options: Options) -> Measurement {
    let corpus = Corpus(path: options.string("data"), textField: options.string("field", default: "text"), withTitle: false)
    let texts = corpus.texts.map { Array($0.utf8) }
    let segmenter = SentenceSegmenter()
    var sentences = 0
    let timing = timeRepeated(minimumSeconds: options.double("seconds", default: 2), workPerCall: Double(corpus.byteCount)) {
        sentences = 0
        for text in texts { sentences += segmenter.segments(in: text).count }
    }
    return Measurement(system: "Lede", seconds: timing.seconds, work: timing.work, bytes: timing.work, extra: ["sentences": String(sentences)])
}
