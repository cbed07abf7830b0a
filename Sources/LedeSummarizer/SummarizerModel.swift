import LedeSentences
import Foundation
import LedeClassifier
import LedeSafetensors

/// A trained summarizer: a `SentenceScorer` and the ranking settings its features were computed
/// with, plus where it came from. `SummarizerModelFile` reads and writes it.
public struct SummarizerModel: Sendable {
    /// The learned scorer.
    package var scorer: SentenceScorer
    /// The ranking settings the features assume (PageRank's position weighting, idf exponent,
    /// minimum words, redundancy threshold); the rest are the defaults.
    public var settings: SummarizerModelSettings
    /// How it was trained, and how well it did.
    public var provenance: SummarizerProvenance

    /// Creates a model.
    package init(scorer: SentenceScorer, settings: SummarizerModelSettings, provenance: SummarizerProvenance) {
        self.scorer = scorer
        self.settings = settings
        self.provenance = provenance
    }

    /// The summarizer this model describes, with `budget` (default: three sentences).
    public func summarizer(budget: SummaryBudget = .default) throws -> Summarizer {
        var options = settings.options
        options.budget = budget
        return try Summarizer(options: options, idf: .sentences, segmenter: SentenceSegmenter(), scorer: scorer)
    }
}

/// The ranking settings a summarizer model was trained with (stored in the file as JSON).
public struct SummarizerModelSettings: Sendable, Codable, Equatable {
    /// PageRank's teleport share on early sentences (`PositionWeighting.priorShare`).
    public var priorShare: Double
    /// The prior's decay, in sentences.
    public var decay: Double
    /// Weight of edges toward later sentences.
    public var forwardWeight: Double
    /// Exponent applied to the idf.
    public var idfExponent: Double
    /// Sentences with fewer words are not candidates.
    public var minimumWords: Int
    /// A candidate this similar to one already picked is skipped.
    public var redundancyThreshold: Double

    /// The settings of `options`.
    public init(_ options: SummarizerOptions) {
        priorShare = options.position.priorShare
        decay = options.position.decay
        forwardWeight = options.position.forwardWeight
        idfExponent = options.idfExponent
        minimumWords = options.minimumWords
        redundancyThreshold = options.redundancyThreshold
    }

    enum CodingKeys: String, CodingKey {
        case priorShare = "prior_share", decay, forwardWeight = "forward_weight", idfExponent = "idf_exponent"
        case minimumWords = "minimum_words", redundancyThreshold = "redundancy_threshold"
    }

    /// Throws `SummarizerError` when a value is out of range.
    public func validate() throws {
        func fail(_ message: String) -> SummarizerError { SummarizerError(.invalidOptions, message) }
        guard (0...1).contains(priorShare) else { throw fail("prior_share must be in [0, 1], not \(priorShare)") }
        guard decay > 0 && decay.isFinite else { throw fail("decay must be positive, not \(decay)") }
        guard (0...1).contains(forwardWeight) else { throw fail("forward_weight must be in [0, 1], not \(forwardWeight)") }
        guard idfExponent >= 0 && idfExponent.isFinite else { throw fail("idf_exponent must be ≥ 0, not \(idfExponent)") }
        guard minimumWords >= 0 && minimumWords <= 1000 else { throw fail("minimum_words must be in 0…1000, not \(minimumWords)") }
        guard redundancyThreshold.isFinite else { throw fail("redundancy_threshold must be finite") }
    }

    /// Summarizer options with these settings and the defaults for the rest.
    public var options: SummarizerOptions {
        var options = SummarizerOptions()
        options.position = PositionWeighting(priorShare: priorShare, decay: decay, forwardWeight: forwardWeight)
        options.idfExponent = idfExponent
        options.minimumWords = minimumWords
        options.redundancyThreshold = redundancyThreshold
        return options
    }
}

/// ROUGE F1 means of a summarizer and of the first sentences (Lead), on the same articles and budget.
public struct SummaryScores: Sendable, Codable, Equatable {
    public var rouge1: Double
    public var rouge2: Double
    public var rougeL: Double

    public init(rouge1: Double, rouge2: Double, rougeL: Double) {
        self.rouge1 = rouge1
        self.rouge2 = rouge2
        self.rougeL = rougeL
    }

    enum CodingKeys: String, CodingKey { case rouge1 = "rouge1", rouge2 = "rouge2", rougeL = "rougeL" }
}

/// A cross-validation of the training recipe: folds by article, each scored with the model fitted on the others.
public struct SummarizerCrossValidation: Sendable, Codable, Equatable {
    /// The number of folds.
    public var folds: Int
    /// Sentences per summary.
    public var sentences: Int
    /// The learned scorer's means over all held-out articles.
    public var learned: SummaryScores
    /// The first sentences' means on the same articles.
    public var lead: SummaryScores
    /// Each fold's learned ROUGE-1.
    public var foldRouge1: [Double]

    public init(folds: Int, sentences: Int, learned: SummaryScores, lead: SummaryScores, foldRouge1: [Double]) {
        self.folds = folds
        self.sentences = sentences
        self.learned = learned
        self.lead = lead
        self.foldRouge1 = foldRouge1
    }

    enum CodingKeys: String, CodingKey { case folds, sentences, learned, lead, foldRouge1 = "fold_rouge1" }
}

/// Where a summarizer model came from.
public struct SummarizerProvenance: Sendable, Codable, Equatable {
    /// The training files, as given.
    public var data: [String]
    /// SHA-256 of the training bytes (the files concatenated in order), lower-case hex.
    public var dataSHA256: String
    /// Articles trained on, candidate sentences, and oracle sentences (the positives).
    public var articles: Int
    public var sentences: Int
    public var positives: Int
    /// Oracle size: the greedy ROUGE oracle picks up to this many sentences per article.
    public var oracleSentences: Int
    /// The logistic regression's C (½‖w‖² + C·Σ log-loss).
    public var c: Double
    /// The Lede version that trained it, and when (ISO 8601, UTC).
    public var ledeVersion: String
    public var created: String
    /// The cross-validation of the recipe on the training data, when it was run.
    public var crossValidation: SummarizerCrossValidation?

    public init(data: [String], dataSHA256: String, articles: Int, sentences: Int, positives: Int, oracleSentences: Int,
                c: Double, ledeVersion: String, created: String, crossValidation: SummarizerCrossValidation?) {
        self.data = data
        self.dataSHA256 = dataSHA256
        self.articles = articles
        self.sentences = sentences
        self.positives = positives
        self.oracleSentences = oracleSentences
        self.c = c
        self.ledeVersion = ledeVersion
        self.created = created
        self.crossValidation = crossValidation
    }

    enum CodingKeys: String, CodingKey {
        case data, dataSHA256 = "data_sha256", articles, sentences, positives, oracleSentences = "oracle_sentences", c
        case ledeVersion = "lede_version", created, crossValidation = "cross_validation"
    }
}

/// Reads and writes a `SummarizerModel` as a safetensors file.
///
/// Format 1. Tensors: `mean`, `scale`, `weights` F64 [F] and `bias` F64 [1]. Metadata: `format` =
/// "lede-summarizer-model", `format_version`, `features` (JSON array of `SentenceFeature` names, the
/// tensors' order), `settings` (JSON, `SummarizerModelSettings`), `provenance` (JSON,
/// `SummarizerProvenance`). Loading checks every shape and value before use, so a truncated, corrupt
/// or foreign file gets one clear `ModelFileError` naming the file; writing is atomic.
public enum SummarizerModelFile {
    /// The format this build writes, and the newest it reads.
    public static let formatVersion = 1
    static let formatName = "lede-summarizer-model"

    /// Writes `model` to `path` atomically.
    public static func save(_ model: SummarizerModel, to path: String) throws(ModelFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ value: T) throws(ModelFileError) -> String {
            do { return String(decoding: try encoder.encode(value), as: UTF8.self) } catch {
                throw ModelFileError(.writeFailed, "cannot encode metadata: \(error)", path: path)
            }
        }
        let scorer = model.scorer
        var writer = SafetensorsWriter(metadata: [
            "format": formatName,
            "format_version": String(formatVersion),
            "features": try json(scorer.features.map(\.rawValue)),
            "settings": try json(model.settings),
            "provenance": try json(model.provenance),
        ])
        do {
            let f = scorer.features.count
            try writer.add("mean", scorer.mean, shape: [f])
            try writer.add("scale", scorer.scale, shape: [f])
            try writer.add("weights", scorer.weights, shape: [f])
            try writer.add("bias", [scorer.bias], shape: [1])
            try writer.write(toFile: path)
        } catch let error as SafetensorsError {
            throw ModelFileError(.writeFailed, "\(error.code.summary): \(error.message)", path: path)
        } catch {
            throw ModelFileError(.writeFailed, "\(error)", path: path)
        }
    }

    /// Reads the model at `path`, checking it thoroughly first. Every error it throws names `path`.
    public static func load(from path: String) throws(ModelFileError) -> SummarizerModel {
        do { return try read(path) } catch {
            var error = error
            error.path = path
            throw error
        }
    }

    private static func read(_ path: String) throws(ModelFileError) -> SummarizerModel {
        func fail(_ code: ModelFileError.Code, _ message: String) -> ModelFileError { ModelFileError(code, message) }
        func wrap(_ error: SafetensorsError) -> ModelFileError {
            ModelFileError(error.code == .fileNotFound ? .notFound : .unreadable, "\(error.code.summary): \(error.message)")
        }
        let file: SafetensorsFile
        do { file = try SafetensorsFile(path: path) } catch { throw wrap(error) }
        let metadata = try ModelMetadata(file, format: formatName, maximumVersion: formatVersion) { found in
            found == ModelFile.formatName
                ? "this is a Lede topic model, not a summarizer model (format \"\(formatName)\"); give it to --model"
                : "not a Lede summarizer model (a safetensors file without format \"\(formatName)\" in its metadata)"
        }
        let names = try metadata.decode("features", as: [String].self)
        var features: [SentenceFeature] = []
        for name in names {
            guard let feature = SentenceFeature(rawValue: name) else {
                throw fail(.invalidSettings, "unknown sentence feature \"\(name)\" (a newer Lede's model?)")
            }
            features.append(feature)
        }
        let settings = try metadata.decode("settings", as: SummarizerModelSettings.self)
        do { try settings.validate() } catch { throw fail(.invalidSettings, "settings: \(error)") }
        let provenance = try metadata.decode("provenance", as: SummarizerProvenance.self)
        let f = features.count
        func vector(_ name: String, _ count: Int) throws(ModelFileError) -> [Double] {
            do {
                guard file.contains(name) else { throw fail(.inconsistent, "the tensor \"\(name)\" is missing") }
                guard try file.dtype(of: name) == .float64 else { throw fail(.inconsistent, "\(name) must be F64") }
                let shape = try file.shape(of: name)
                guard shape == [count] else { throw fail(.inconsistent, "\(name) has shape \(shape), expected [\(count)]") }
                return try file.array(name, as: Double.self)
            } catch let error as ModelFileError {
                throw error
            } catch let error as SafetensorsError {
                throw wrap(error)
            } catch {
                throw fail(.unreadable, "\(error)")
            }
        }
        let mean = try vector("mean", f), scale = try vector("scale", f), weights = try vector("weights", f)
        let bias = try vector("bias", 1)
        let scorer: SentenceScorer
        do { scorer = try SentenceScorer(features: features, mean: mean, scale: scale, weights: weights, bias: bias[0]) } catch {
            throw fail(.inconsistent, "\(error)")
        }
        return SummarizerModel(scorer: scorer, settings: settings, provenance: provenance)
    }
}
