import Foundation
import LedeFeatures
import LedeSafetensors
import LedeText

/// Reads and writes a `TopicModel` as a safetensors file.
///
/// Format version 2. Tensors: `weights` F32 [V, K], `intercepts` F32 [K], `idf` F64 [V],
/// `document_frequency` I64 [V], `vocabulary` U8 (the terms' UTF-8 bytes, concatenated in column
/// order) with `vocabulary_offsets` I64 [V + 1], and for a custom stop-word list `stop_words` U8
/// with `stop_words_offsets` I64. Metadata: `format` = "lede-topic-model", `format_version`,
/// `labels` (JSON array), `analyzer` (JSON, see `AnalyzerSettings`), `provenance` (JSON), and, only
/// for a calibrated model, `temperature` (a decimal number; absent means 1). A reader that ignores
/// `temperature` still gets valid, uncalibrated probabilities. Format 2 adds `title_weight` (an
/// integer from 1 to 100; see `TopicModel.titleWeight`): a reader that ignored it would build the
/// model's input wrongly, so the version went up. Format 1 files (no `title_weight`) load with weight 1.
///
/// Format 3 is a multi-label (one-vs-rest) model: metadata `kind` = "multi-label" and a `thresholds`
/// tensor F32 [K] of per-label decision thresholds in (0, 1); `weights` and `intercepts` as before, read
/// through a sigmoid per label instead of a softmax. A reader of format 2 would take it for a softmax
/// model, hence the new version. A single-label model has nothing of format 3 in it, and is written as
/// format 2, so that builds reading up to format 2 still load it.
///
/// Loading maps the file and checks every size, offset and value it relies on before use, so a
/// truncated, corrupt or foreign file gets one clear error; writing goes to a temporary file that
/// is renamed into place, so a failed write leaves no half file.
public enum ModelFile {
    /// The newest format this build writes (for multi-label models; single-label ones are written as
    /// `singleLabelFormatVersion`) and reads.
    public static let formatVersion = 3
    /// The format of a single-label model's file.
    public static let singleLabelFormatVersion = 2
    /// The metadata `kind` of a multi-label model (format 3).
    package static let multiLabelKind = "multi-label"
    /// The largest title weight a file may hold.
    public static let maximumTitleWeight = 100
    package static let formatName = "lede-topic-model"

    /// Writes `model` to `path` atomically.
    public static func save(_ model: TopicModel, to path: String) throws(ModelFileError) {
        let tfidf = model.tfidf, classifier = model.classifier
        let v = classifier.featureCount, k = classifier.labels.count
        let settings = AnalyzerSettings(analyzer: tfidf.analyzer, options: tfidf.options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws(ModelFileError) -> String {
            do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
                throw ModelFileError(.writeFailed, "cannot encode metadata: \(error)", path: path)
            }
        }
        var metadata = [
            "format": formatName,
            "format_version": String(model.isMultiLabel ? formatVersion : singleLabelFormatVersion),
            "labels": try json(classifier.labels),
            "analyzer": try json(settings),
            "provenance": try json(model.provenance),
        ]
        if model.temperature != 1 { metadata["temperature"] = String(model.temperature) }
        metadata["title_weight"] = String(model.titleWeight)
        if model.isMultiLabel { metadata["kind"] = multiLabelKind }
        var writer = SafetensorsWriter(metadata: metadata)
        do {
            if let thresholds = model.thresholds { try writer.add("thresholds", thresholds, shape: [k]) }
            try writer.add("weights", Array(classifier.parameters[0..<v * k]), shape: [v, k])
            try writer.add("intercepts", Array(classifier.parameters[v * k..<(v + 1) * k]), shape: [k])
            try writer.add("idf", tfidf.idf, shape: [v])
            try writer.add("document_frequency", tfidf.documentFrequency.map { Int64($0) }, shape: [v])
            try writer.add("vocabulary", tfidf.vocabulary.bytes, shape: [tfidf.vocabulary.bytes.count])
            try writer.add("vocabulary_offsets", tfidf.vocabulary.starts.map { Int64($0) }, shape: [v + 1])
            if settings.stopWords == "custom", let words = tfidf.analyzer.stopWords {
                let arena = Vocabulary(sortedTerms: words.members.members.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
                try writer.add("stop_words", arena.bytes, shape: [arena.bytes.count])
                try writer.add("stop_words_offsets", arena.starts.map { Int64($0) }, shape: [arena.starts.count])
            }
            try writer.write(toFile: path)
        } catch let error as SafetensorsError {
            throw ModelFileError(error, code: .writeFailed, path: path)
        } catch {
            throw ModelFileError(.writeFailed, "\(error)", path: path)
        }
    }

    /// Reads the model at `path`, checking it thoroughly first. Every error it throws names `path`.
    public static func load(from path: String) throws(ModelFileError) -> TopicModel {
        do { return try read(path) } catch { throw error.about(path) }
    }

    /// `load`'s work; its errors say what is wrong, and `load` adds where.
    private static func read(_ path: String) throws(ModelFileError) -> TopicModel {
        let file: SafetensorsFile
        do { file = try SafetensorsFile(path: path) } catch {
            switch error.code {
            case .truncated, .headerTooLarge, .invalidUTF8, .invalidJSON, .headerNotObject:
                // Not even a safetensors file: a text file, a download error page, a wrong path.
                throw ModelFileError(.notALedeModel, "not a Lede model file (not safetensors: \(error.code.summary))")
            case .notARegularFile:
                throw ModelFileError(.notFound, "is a folder, not a model file")
            default:
                throw ModelFileError(error)
            }
        }
        func fail(_ code: ModelFileError.Code, _ message: String) -> ModelFileError { ModelFileError(code, message) }

        let metadata = try ModelMetadata(file, format: formatName, maximumVersion: formatVersion) { _ in
            "not a Lede topic model (a safetensors file without format \"\(formatName)\" in its metadata)"
        }
        let version = metadata.version
        let labels = try metadata.decode("labels", as: [String].self)
        let settings = try metadata.decode("analyzer", as: AnalyzerSettings.self)
        let provenance = try metadata.decode("provenance", as: ModelProvenance.self)
        var multiLabel = false
        if version >= 3, let kind = file.metadata["kind"] {
            guard kind == multiLabelKind else {
                throw fail(.invalidSettings, "the metadata's \"kind\" must be \"\(multiLabelKind)\" when given, found \"\(kind)\"")
            }
            multiLabel = true
        }
        let fewest = multiLabel ? 1 : 2
        guard labels.count >= fewest, Set(labels).count == labels.count, !labels.contains("") else {
            throw fail(.inconsistent, "labels must be at least \(fewest == 1 ? "one" : "two") distinct non-empty name\(fewest == 1 ? "" : "s"), found \(labels)")
        }
        var temperature = 1.0
        if let text = file.metadata["temperature"] {
            guard !multiLabel else { throw fail(.inconsistent, "a multi-label model has no \"temperature\"") }
            guard let t = Double(text), t.isFinite, t > 0 else {
                throw fail(.invalidSettings, "the metadata's \"temperature\" must be a positive number, found \"\(text)\"")
            }
            temperature = t
        }
        var titleWeight = 1
        if version >= 2 {
            guard let text = file.metadata["title_weight"], let weight = Int(text), (1...maximumTitleWeight).contains(weight) else {
                throw fail(.invalidSettings, "the metadata's \"title_weight\" must be a whole number from 1 to \(maximumTitleWeight), found "
                           + (file.metadata["title_weight"].map { "\"\($0)\"" } ?? "none"))
            }
            titleWeight = weight
        }

        do {
            let k = labels.count
            let weightShape = try file.shape(of: "weights")
            guard weightShape.count == 2, weightShape[1] == k else {
                throw fail(.inconsistent, "weights have shape \(weightShape), expected [terms, \(k)]")
            }
            let v = weightShape[0]
            func expectShape(_ name: String, _ shape: [Int]) throws(ModelFileError) {
                let actual: [Int]
                do { actual = try file.shape(of: name) } catch { throw ModelFileError(error) }
                guard actual == shape else { throw fail(.inconsistent, "\(name) has shape \(actual), expected \(shape)") }
            }
            try expectShape("intercepts", [k])
            try expectShape("idf", [v])
            try expectShape("document_frequency", [v])
            try expectShape("vocabulary_offsets", [v + 1])

            let idf = try file.array("idf", as: Double.self)
            guard idf.allSatisfy({ $0.isFinite && $0 > 0 }) else { throw fail(.inconsistent, "idf values must be finite and positive") }
            let frequency = try file.array("document_frequency", as: Int.self)
            guard frequency.allSatisfy({ $0 >= 0 }) else { throw fail(.inconsistent, "document frequencies must not be negative") }
            let vocabulary = try arena(file, "vocabulary", "vocabulary_offsets", fail)
            guard vocabulary.count == v else { throw fail(.inconsistent, "the vocabulary has \(vocabulary.count) terms, weights \(v)") }
            try checkSortedAndUnique(vocabulary, fail)

            var customStopWords: [String] = []
            if settings.stopWords == "custom" {
                customStopWords = try arena(file, "stop_words", "stop_words_offsets", fail).terms
            }
            let (analyzer, options) = try settings.resolve(customStopWords: customStopWords)
            if case .words = analyzer.terms { try checkNoEmptyWords(vocabulary, fail) }
            else if vocabulary.count > 0 && vocabulary.starts[1] == 0 { throw fail(.inconsistent, "vocabulary term 0 is empty") }
            let tfidf = TfidfModel(analyzer: analyzer, options: options, vocabulary: vocabulary, idf: idf,
                                   documentFrequency: frequency, documentCount: provenance.documentCount)
            // The vectorizer's lookup tables build on other threads while the weights load.
            tfidf.prepareInBackground()
            // One copy out of the mapped file into the parameter layout (weights, then intercepts).
            let weights = try file.floats("weights"), intercepts = try file.floats("intercepts")
            let parameters = [Float](largeCapacity: weights.count + intercepts.count) { out in
                _ = out.initialize(from: weights.buffer)
                _ = UnsafeMutableBufferPointer(rebasing: out[weights.count...]).initialize(from: intercepts.buffer)
            }
            // All finite exactly when the largest magnitude is (an infinity or a NaN would be the largest).
            let largest = parameters.withUnsafeBufferPointer { RowKernels.largestMagnitude($0.baseAddress!, count: $0.count) }
            guard largest.isFinite else { throw fail(.inconsistent, "weights or intercepts are not all finite") }
            let classifier = LogisticRegressionModel(labels: labels, featureCount: v, parameters: parameters)
            var kind = TopicModel.Kind.singleLabel
            if multiLabel {
                try expectShape("thresholds", [k])
                let thresholds = try file.floats("thresholds").buffer
                guard thresholds.allSatisfy({ $0 > 0 && $0 < 1 }) else {
                    throw fail(.inconsistent, "thresholds must lie strictly between 0 and 1")
                }
                kind = .multiLabel(thresholds: Array(thresholds))
            }
            return TopicModel(tfidf: tfidf, classifier: classifier, provenance: provenance, temperature: temperature,
                              titleWeight: titleWeight, kind: kind)
        } catch let error as ModelFileError {
            throw error
        } catch let error as SafetensorsError {
            throw ModelFileError(error)
        } catch {
            throw fail(.unreadable, "\(error)")
        }
    }

    /// A term list stored as concatenated UTF-8 bytes plus I64 offsets, checked before use.
    private static func arena(_ file: SafetensorsFile, _ bytesName: String, _ offsetsName: String,
                              _ fail: (ModelFileError.Code, String) -> ModelFileError) throws -> Vocabulary {
        let bytes = try file.array(bytesName, as: UInt8.self)
        let offsets = try file.array(offsetsName, as: Int.self)
        guard offsets.first == 0, offsets.last == bytes.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw fail(.inconsistent, "\(offsetsName) do not run from 0 to \(bytes.count) in order")
        }
        guard bytes.withUnsafeBufferPointer({ countInvalidUTF8($0) }) == 0 else { throw fail(.inconsistent, "\(bytesName) is not valid UTF-8") }
        return Vocabulary(bytes: bytes, starts: offsets)
    }

    /// A word n-gram term is its words joined by single spaces, so no term of a word vocabulary is empty,
    /// starts or ends with a space, or holds two spaces in a row (the lookup tables take terms apart at
    /// spaces, and an empty word cannot be looked up).
    private static func checkNoEmptyWords(_ vocabulary: Vocabulary,
                                          _ fail: (ModelFileError.Code, String) -> ModelFileError) throws(ModelFileError) {
        let starts = vocabulary.starts, space = UInt8(ascii: " ")
        let bad: Int? = vocabulary.bytes.withUnsafeBufferPointer { bytes in
            for t in 0..<vocabulary.count {
                let a = starts[t], b = starts[t + 1]
                if a == b || bytes[a] == space || bytes[b - 1] == space { return t }
            }
            // Two spaces in a row, inside a term (across two terms, one of them ends or starts with a space).
            guard let base = bytes.baseAddress, let offset = firstDoubleSpace(base, bytes.count) else { return nil }
            var low = 0, high = vocabulary.count - 1   // the last term starting at or before `offset`
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }
        if let t = bad { throw fail(.inconsistent, "vocabulary term \(t) is empty or has an empty word (a space at an end, or two in a row)") }
    }

    /// The offset of the first of two spaces in a row among `count` bytes, or nil; eight offsets at a time.
    static func firstDoubleSpace(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        let spaces: UInt64 = 0x2020_2020_2020_2020, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var i = 0
        while i + 9 <= count {
            // A zero byte k of `both` means bytes i + k and i + k + 1 are spaces (exact per byte: no carries).
            let here = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let next = UnsafeRawPointer(base + i + 1).loadUnaligned(as: UInt64.self)
            let both = (here ^ spaces) | (next ^ spaces)
            let zero = ~(((both & low7) &+ low7) | both) & ~low7
            if zero != 0 { return i + zero.trailingZeroBitCount / 8 }
            i += 8
        }
        while i + 1 < count {
            if base[i] == 0x20 && base[i + 1] == 0x20 { return i }
            i += 1
        }
        return nil
    }

    /// Terms must be strictly increasing by bytes, as the vectorizer's lookup assumes.
    private static func checkSortedAndUnique(_ vocabulary: Vocabulary,
                                             _ fail: (ModelFileError.Code, String) -> ModelFileError) throws(ModelFileError) {
        let starts = vocabulary.starts
        let firstOutOfOrder: Int? = vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            for t in 1..<max(1, vocabulary.count) {
                let a = starts[t - 1], b = starts[t], c = starts[t + 1]
                // Byte order: the common prefix compared with memcmp, then the shorter term first.
                let order = memcmp(base + a, base + b, min(b - a, c - b))
                if order > 0 || (order == 0 && b - a >= c - b) { return t }
            }
            return nil
        }
        if let t = firstOutOfOrder {
            throw fail(.inconsistent, "vocabulary terms \(t - 1) and \(t) are not in strictly increasing order")
        }
    }
}
