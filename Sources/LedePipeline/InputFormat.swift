/// How input bytes become articles (docs/command-line.md, `--input-format`).
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line, its fields named by `RecordFields`; a record with a page's HTML
    /// (`PageReading.htmlField`) and no text is a page whose article is extracted.
    case jsonl
    /// One article text per line; its id is the line number.
    case lines
    /// One article per plain-text file (a folder stands for its `.txt` files, as `TextFolder.fileNames`
    /// picks and orders them); its id is the file name without its extension. Boilerplate is removed
    /// unless `PageReading.cleansTextFiles` is off.
    case text
    /// One web page per HTML file (a folder stands for its `.html` and `.htm` files); the article is
    /// extracted from it. Its id is the file name without its extension.
    case html
    /// CSV with a header row naming the columns (RFC 4180 quoting; a quoted field may span lines): each
    /// row is a record whose fields are its columns, found by `RecordFields` as in `jsonl`.
    case csv
    /// TSV: as `csv` with tabs between fields.
    case tsv

    /// Whether each input file is one record (else each line is).
    var isFilePerRecord: Bool { self == .text || self == .html }

    /// The byte between fields, for `csv` and `tsv`.
    var delimiter: UInt8? {
        switch self {
        case .csv: UInt8(ascii: ",")
        case .tsv: UInt8(ascii: "\t")
        default: nil
        }
    }

    /// The extensions of the files a folder stands for, in a file-per-record format.
    var folderExtensions: [String] { self == .html ? ["html", "htm"] : ["txt"] }
}
