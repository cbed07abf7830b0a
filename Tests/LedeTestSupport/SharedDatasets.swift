import Foundation
import Testing

/// The shared data sets, `../shared/datasets` relative to the package root, and their JSON Lines files.
/// A test that needs one carries the trait `.needsDatasets(…)` (skipped when the files are missing, unless
/// `CI` is "true") and reads them through ``require(_:sourceLocation:)``, returning on nil.
public enum SharedDatasets {
    /// `../shared/datasets` beside the package root.
    public static let folder: URL = Prerequisites.packageRoot
        .appendingPathComponent("../shared/datasets")
        .standardizedFileURL

    /// The file at `relativePath` inside ``folder``.
    public static func url(_ relativePath: String) -> URL { folder.appendingPathComponent(relativePath) }

    /// Whether the file at `relativePath` is there to read.
    public static func isAvailable(_ relativePath: String) -> Bool {
        FileManager.default.isReadableFile(atPath: url(relativePath).path)
    }

    /// Whether a test on these files should run: they are all there, or CI wants a failure when not.
    public static func shouldRun(_ relativePaths: [String]) -> Bool {
        relativePaths.allSatisfy(isAvailable) || Prerequisites.isCI
    }

    /// The URL of the file at `relativePath` when it is there; else nil, after recording an issue
    /// (`Prerequisites.missing`).
    public static func require(_ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        if isAvailable(relativePath) { return url(relativePath) }
        Prerequisites.missing("the dataset \(url(relativePath).path)", sourceLocation: sourceLocation)
        return nil
    }

    /// The records of JSON Lines `data`, one a non-empty line, each decoded as `T`.
    public static func decodeJSONLines<T: Decodable>(_ data: Data, as type: T.Type) throws -> [T] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(T.self, from: Data($0)) }
    }
}
