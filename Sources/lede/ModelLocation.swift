import Foundation
import Lede

/// Where the model comes from (BRIEF §8): `--model PATH`, else `$LEDE_MODEL`, else the model that
/// ships in the repository's `models/` folder, found from any working directory.
enum ModelLocation {
    /// The file name of the shipped default model.
    static let shippedName = "bbc-topics.safetensors"

    /// The model path to use.
    static func resolve(_ flag: String?) -> String {
        if let flag { return flag }
        if let environment = ProcessInfo.processInfo.environment["LEDE_MODEL"], !environment.isEmpty { return environment }
        return shippedCandidates().first { FileManager.default.fileExists(atPath: $0) } ?? shippedCandidates()[0]
    }

    /// Places the shipped model may be: the source tree this binary was built from, then beside the binary
    /// (`models/`, or `../share/lede/models/` for an installed copy).
    static func shippedCandidates() -> [String] {
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [sourceRoot.appendingPathComponent("models/\(shippedName)").path]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("models/\(shippedName)").path)
        candidates.append(executable.appendingPathComponent("../share/lede/models/\(shippedName)").standardized.path)
        return candidates
    }

    /// Loads the model, turning failures into the right exit.
    static func load(_ flag: String?) throws -> TopicModel {
        let path = resolve(flag)
        do { return try ModelFile.load(from: path) } catch {
            if error.code == .notFound && flag == nil && ProcessInfo.processInfo.environment["LEDE_MODEL"] == nil {
                throw Exit.fail(Exit.noInput, "no model given and the shipped model is missing (\(path)); pass --model PATH or set LEDE_MODEL")
            }
            throw Exit.fail(error)
        }
    }
}
