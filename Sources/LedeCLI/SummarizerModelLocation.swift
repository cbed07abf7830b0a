import Foundation
import Lede

/// Where the summarizer model comes from: `--summarizer PATH`, else `$LEDE_SUMMARIZER`, else the model
/// that ships in the repository's `models/` folder, looked for in the same places as the topic model.
enum SummarizerModelLocation {
    /// The file name of the shipped summarizer model (trained on CNN/DailyMail dev's highlights).
    static let shippedName = "cnndm-summarizer.safetensors"

    /// Places the shipped model may be: the source tree this binary was built from, then beside the binary
    /// (`models/`, or `../share/lede/models/` for an installed copy).
    static func shippedCandidates() -> [String] {
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [sourceRoot.appendingPathComponent("models/\(shippedName)").path,
                executable.appendingPathComponent("models/\(shippedName)").path,
                executable.appendingPathComponent("../share/lede/models/\(shippedName)").standardized.path]
    }

    /// The path to use, and whether the user named it (flag or environment).
    static func resolve(_ flag: String?) -> (path: String, named: Bool) {
        if let flag { return (flag, true) }
        if let environment = ProcessInfo.processInfo.environment["LEDE_SUMMARIZER"], !environment.isEmpty { return (environment, true) }
        let candidates = shippedCandidates()
        return (candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0], false)
    }

    /// Loads the summarizer model, turning failures into the right exit: 66 when it is missing (with a
    /// hint at `--summarizer` and `--position` when the shipped one is), 65 when it is not a valid model.
    static func load(_ flag: String?) throws -> SummarizerModel {
        let (path, named) = resolve(flag)
        do { return try SummarizerModelFile.load(from: path) } catch {
            if error.code == .notFound && !named {
                throw Exit.fail(Exit.noInput, "the shipped summarizer model is missing (\(path)); pass --summarizer MODEL, "
                                + "or --position default|lead|none for TextRank without a model")
            }
            throw Exit.fail(error)
        }
    }
}
