/// How input bytes become articles (BRIEF §8, `--input-format`).
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line, its fields named by `RecordFields`.
    case jsonl
    /// One article text per line; its id is the line number.
    case lines
    /// One article per file (a folder stands for its `.txt` files, as `TextFolder.textFileNames`
    /// picks and orders them); its id is the file name without its extension.
    case text
}
