import ArgumentParser
import Foundation
import Lede

/// `lede classify`: one JSON line out per article in, in order.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Label articles by topic: one JSON line out per JSON line in, in order.",
        discussion: """
        Reads JSON Lines from the files given, or from stdin when there are none or a file is '-'. \
        Each output line has "id" (the input's, or its line number when it has none), "label" and \
        "confidence" (the label's probability). A bad record gets an error record in its place \
        ({"id":…,"error":{"code":…,"message":…,"line":N}}) and the rest go on, unless --strict.

        Example: echo '{"id":1,"title":"Shares slide","text":"Markets fell as…"}' | lede classify
        """
    )

    @Argument(help: "JSON Lines files; '-' or none for stdin.") var files: [String] = []
    @Option(help: "Model file (default: $LEDE_MODEL, else the shipped model).") var model: String?
    @OptionGroup var fields: FieldOptions
    @Option(help: "Add the K most probable labels with their probabilities.") var topK: Int?
    @Option(help: "Write a null label when the best probability is below P.") var threshold: Double?
    @Flag(help: "Stop at the first bad record (exit 65) instead of writing an error record.") var strict = false
    @Option(help: "Records longer than this many bytes are bad records.") var maxRecordBytes: Int = 16 << 20
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1") }
        if let threshold, !(threshold >= 0 && threshold <= 1) { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let topicModel = try ModelLocation.load(model)
        let decoderFields = fields.resolved(defaults: topicModel.provenance.fields)
        var out = StandardOutput()
        var batch = ClassifyBatch()

        // Articles are classified in batches: whatever lines have arrived, up to a limit, so a
        // pipe fed one article at a time gets each answer at once and a file goes at full speed.
        func finishBatch() {
            guard !batch.entries.isEmpty else { return }
            let probabilities = topicModel.probabilities(of: batch.texts, threads: batch.texts.count > 64 ? threads : 1)
            var next = 0
            for entry in batch.entries {
                switch entry {
                case .error(let line): out.write(line)
                case .article(let idJSON):
                    out.write(record(idJSON, probabilities, next, topicModel.labels))
                    next += 1
                }
            }
            batch = ClassifyBatch()
            out.flush()
        }

        // A bad record becomes an error record in its place; with --strict, the records before it
        // are written and the program stops.
        do {
            try ArticleReader(fields: decoderFields, maxRecordBytes: maxRecordBytes).read(files, beforeWaiting: finishBatch) { record in
                switch record {
                case .success(let article): batch.add(article)
                case .failure(let error):
                    if strict {
                        finishBatch()
                        throw Exit.fail(Exit.badData, error.description)
                    }
                    batch.add(error: error)
                }
                if batch.entries.count >= 1024 { finishBatch() }
            }
        } catch let error as InputError {
            finishBatch()
            throw Exit.fail(error)
        }
        finishBatch()
    }

    /// One output line.
    func record(_ idJSON: String, _ probabilities: [Float], _ row: Int, _ labels: [String]) -> String {
        let k = labels.count
        let scores = probabilities[row * k..<(row + 1) * k]
        let best = scores.indices.max { scores[$0] < scores[$1] }! - row * k
        let confidence = scores[row * k + best]
        let label = threshold.map { Double(confidence) < $0 } == true ? "null" : JSONWriting.quoted(labels[best])
        var line = "{\"id\":\(idJSON),\"label\":\(label),\"confidence\":\(JSONWriting.number(confidence))"
        if let topK {
            let ranked = (0..<k).sorted { scores[row * k + $0] > scores[row * k + $1] }.prefix(topK)
            line += ",\"top\":[" + ranked.map {
                "{\"label\":\(JSONWriting.quoted(labels[$0])),\"probability\":\(JSONWriting.number(scores[row * k + $0]))}"
            }.joined(separator: ",") + "]"
        }
        return line + "}\n"
    }
}

/// Records waiting to be classified, in input order, with error records in their places.
struct ClassifyBatch {
    enum Entry {
        case article(idJSON: String)
        case error(String)
    }

    var entries: [Entry] = []
    var texts: [String] = []

    mutating func add(_ article: Article) {
        entries.append(.article(idJSON: article.idJSON ?? String(article.line)))
        texts.append(article.classifierInput)
    }

    /// Adds an error record in the bad record's place.
    mutating func add(error: RecordError) {
        entries.append(.error(JSONWriting.errorRecord(id: nil, error)))
    }
}
