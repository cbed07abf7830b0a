import Foundation
import LedeSafetensors

/// What every Lede model file's reader checks first, and how it reads the metadata: the `format` name,
/// a `format_version` this build reads, and JSON values under named keys. Topic models (`ModelFile`) and
/// summarizer models share it.
package struct ModelMetadata {
    /// The file's metadata strings.
    package let values: [String: String]
    /// The file's format version (at least 1, at most the reader's).
    package let version: Int

    /// Checks that `file` is a `format` file of a version up to `maximumVersion`; `notThisKind` is the
    /// message when the format name differs (it gets the name the file carries, if any).
    package init(_ file: SafetensorsFile, format: String, maximumVersion: Int,
                 notThisKind: (String?) -> String) throws(ModelFileError) {
        values = file.metadata
        guard values["format"] == format else { throw ModelFileError(.notALedeModel, notThisKind(values["format"])) }
        guard let text = values["format_version"], let version = Int(text), version >= 1 else {
            throw ModelFileError(.notALedeModel, "the metadata has no valid format_version")
        }
        guard version <= maximumVersion else {
            throw ModelFileError(.newerFormat, "format \(version) is newer than this build (which reads up to format \(maximumVersion)); use a newer Lede")
        }
        self.version = version
    }

    /// The JSON value under `key`; a missing key is `inconsistent`, a value that does not decode `invalidSettings`.
    package func decode<T: Decodable>(_ key: String, as type: T.Type) throws(ModelFileError) -> T {
        guard let text = values[key] else { throw ModelFileError(.inconsistent, "the metadata has no \"\(key)\"") }
        do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
            throw ModelFileError(.invalidSettings, "the metadata's \"\(key)\" is not valid: \(error)")
        }
    }
}
