import Foundation

/// The formats a labeled corpus (training or evaluation data) can be read from, and the rule that
/// picks one from a path when none is given.
public enum LabeledCorpusFormat: String, Sendable, CaseIterable {
    /// JSON Lines: one JSON object per line, with text, label and optional title and id fields.
    case jsonl
    /// A folder of `<label>/<name>.txt` files (see `FolderRecords`).
    case folder
    /// Comma-separated values with a header row (see `DelimitedRecords`).
    case csv
    /// Tab-separated values with a header row, quoted as CSV is (see `DelimitedRecords`).
    case tsv
    /// fastText's supervised format: `__label__sports some text …` (see `FastTextRecords`).
    case fasttext

    /// The format of `path` when none is given: a directory is `folder`; a name ending in `.csv` is
    /// `csv`, `.tsv` is `tsv`, `.ft` or `.fasttext` is `fasttext` (case-insensitive); anything else,
    /// including a path that does not exist, is `jsonl`.
    public static func detect(path: String) -> LabeledCorpusFormat {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return .folder }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .jsonl }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "tsv": return .tsv
        case "ft", "fasttext": return .fasttext
        default: return .jsonl
        }
    }
}

/// An input that cannot be read in its format at all, as opposed to one bad record: a CSV or TSV file
/// whose header row is missing, unreadable, or lacks the text or label column. The verbs stop with
/// exit code 65; `--skip-invalid` does not skip it.
public struct InputFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input's path.
    public var path: String
    /// 1-based line number, when the problem has one.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without a leading UTF-8 byte-order mark.
    func droppingByteOrderMark() -> UnsafeBufferPointer<UInt8> {
        count >= 3 && self[0] == 0xEF && self[1] == 0xBB && self[2] == 0xBF ? UnsafeBufferPointer(rebasing: self[3...]) : self
    }
}
