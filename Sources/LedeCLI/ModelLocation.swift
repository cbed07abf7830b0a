import Foundation
import Lede

/// Where the model comes from (docs/command-line.md), in this order:
///
/// 1. `--model PATH` (a model file), or `--model NAME`, the name of a shipped model (`bbc-topics`);
/// 2. `$LEDE_MODEL`, a path (or a shipped model's name);
/// 3. the shipped default, `news-topics.safetensors`, in the first models folder found from the
///    executable (found through `/proc/self/exe`, so however `lede` was started): the install's
///    `../share/lede/models/` beside its `bin/`, then `models/` beside the binary, then, for
///    `swift run` and a build folder, the first folder holding `models/` walking up from the
///    executable (`.build/release/lede` → the repository's root).
enum ModelLocation {
    /// The name of the shipped default model.
    static let defaultName = "news-topics"
    /// The file extension of a model file.
    static let fileExtension = ".safetensors"

    /// Where the model named by the flag, the environment, or the default lives, or why none does.
    enum Resolution {
        case path(String)
        case missing(String)
    }

    /// The model path to use (for messages, when the model could not be found: what was looked for).
    static func resolve(_ flag: String?) -> String {
        switch locate(flag) {
        case .path(let path): path
        case .missing: flag ?? ProcessInfo.processInfo.environment["LEDE_MODEL"] ?? defaultName
        }
    }

    /// Finds the model file the flag, `$LEDE_MODEL` or the default names.
    static func locate(_ flag: String?) -> Resolution {
        if let flag { return byPathOrName(flag, what: "--model") }
        if let variable = ProcessInfo.processInfo.environment["LEDE_MODEL"], !variable.isEmpty {
            return byPathOrName(variable, what: "LEDE_MODEL")
        }
        if let folder = modelFolders().first(where: { exists($0 + "/" + defaultName + fileExtension) }) {
            return .path(folder + "/" + defaultName + fileExtension)
        }
        return .missing("no model given and the shipped model \(defaultName)\(fileExtension) was not found "
            + "(looked in \(candidateFolders().joined(separator: ", "))); pass --model PATH or set LEDE_MODEL")
    }

    /// A path that exists, else a shipped model's name (a value without `/` or `.safetensors`). A
    /// `--model` path that does not exist goes to the loader, whose error names it; a `$LEDE_MODEL` that
    /// is neither is reported naming the variable.
    private static func byPathOrName(_ value: String, what: String) -> Resolution {
        if exists(value) { return .path(value) }
        let isName = !value.contains("/") && !value.hasSuffix(fileExtension)
        if isName, let folder = modelFolders().first(where: { exists($0 + "/" + value + fileExtension) }) {
            return .path(folder + "/" + value + fileExtension)
        }
        if !isName && what == "--model" { return .path(value) }
        let shipped = shippedModels().map(\.name)
        return .missing("\(what) names \(value), which is neither a file nor a shipped model"
            + (shipped.isEmpty ? " (no shipped models were found)" : " (shipped: \(shipped.joined(separator: ", ")))"))
    }

    private static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The folder of the running executable: `/proc/self/exe` resolved, else `argv[0]` resolved.
    static func executableFolder() -> URL {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target).deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The folders searched for shipped models, in order (whether or not they exist): the install's
    /// `share/lede/models`, `models/` beside the binary, then `models/` in each folder above the binary.
    static func candidateFolders() -> [String] {
        let folder = executableFolder().standardizedFileURL
        var candidates = [
            folder.appendingPathComponent("../share/lede/models").standardized.path,
            folder.appendingPathComponent("models").path,
        ]
        var above = folder.deletingLastPathComponent()
        while true {
            candidates.append(above.appendingPathComponent("models").path)
            if above.path == "/" || above.path.isEmpty { break }
            above = above.deletingLastPathComponent()
        }
        return candidates
    }

    /// The candidate folders that exist and hold at least one model file.
    static func modelFolders() -> [String] {
        candidateFolders().filter { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.contains { $0.hasSuffix(fileExtension) }
        }
    }

    /// The shipped models: every `.safetensors` file of the first folder that holds models, by name.
    static func shippedModels() -> [(name: String, path: String)] {
        guard let folder = modelFolders().first else { return [] }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(fileExtension) }.sorted()
        return names.map { (String($0.dropLast(fileExtension.count)), folder + "/" + $0) }
    }

    /// Loads the model, turning failures into the right exit.
    static func load(_ flag: String?) throws -> TopicModel {
        switch locate(flag) {
        case .missing(let message): throw Exit.fail(Exit.noInput, message)
        case .path(let path):
            do { return try ModelFile.load(from: path) } catch { throw Exit.fail(error) }
        }
    }
}
