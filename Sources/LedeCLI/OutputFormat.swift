import ArgumentParser
import Foundation
import Lede

/// How a record-writing verb writes its records (docs/command-line.md, `--output-format`): JSON Lines, tab-separated
/// values, or an aligned table for people, the default when stdout is a terminal.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, tsv, table

    /// The format asked for, else a table on a terminal and JSON Lines otherwise.
    static func resolved(_ flag: OutputFormat?) -> OutputFormat {
        flag ?? (isatty(1) != 0 ? .table : .jsonl)
    }
}

/// Turns a verb's records into output lines in one `OutputFormat`. A verb names its columns once;
/// each record gives its JSON object and, for TSV and tables, its cells in column order. TSV has no
/// header row (so shards concatenate), and a last `error` column that is empty except on error
/// records; a table has a header and cuts each cell to its column's width.
struct RecordFormatter: Sendable {
    /// A column: its name, and its width in a table (nil: whatever the terminal leaves).
    struct Column: Sendable {
        var name: String
        var width: Int?
    }

    let format: OutputFormat
    let columns: [Column]
    private let widths: [Int]
    /// Whether error records name their input file (a run over several inputs).
    var namesFiles = false

    init(_ format: OutputFormat, columns: [Column]) {
        self.format = format
        self.columns = columns
        let fixed = columns.compactMap(\.width).reduce(0, +) + 2 * (columns.count - 1)
        let rest = max(20, Self.terminalWidth - fixed)
        self.widths = columns.map { $0.width ?? rest }
    }

    /// The lines that start the output: a table's header.
    var header: String {
        guard format == .table else { return "" }
        return row(columns.map { $0.name.uppercased() })
    }

    /// One record's line: `json` for JSON Lines, else `cells` in column order.
    func line(json: @autoclosure () -> String, cells: @autoclosure () -> [String]) -> String {
        switch format {
        case .jsonl: json() + "\n"
        case .tsv: (cells() + [""]).map(Self.tsvCell).joined(separator: "\t") + "\n"
        case .table: row(cells())
        }
    }

    /// The line standing in for a bad record (docs/command-line.md): its id when it could be read, else its line
    /// number (as for records without an id), else null.
    func errorLine(_ error: RecordError) -> String {
        let id = error.idJSON ?? error.line.map { String($0) }
        let idText = error.id ?? error.line.map { String($0) }
        switch format {
        case .jsonl: return JSONWriting.errorRecord(id: id, error, file: namesFiles)
        case .tsv:
            let empty = [String](repeating: "", count: columns.count - 1)
            return ([idText ?? ""] + empty + [error.brief]).map(Self.tsvCell).joined(separator: "\t") + "\n"
        case .table: return row([idText ?? "", "error: " + error.brief])
        }
    }

    private func row(_ cells: [String]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let width = index == cells.count - 1 ? widths[index...].reduce(0, +) + 2 * (widths.count - index - 1) : widths[index]
            let flat = Self.tsvCell(cell)
            let cut = flat.count > width ? String(flat.prefix(max(0, width - 1))) + "…" : flat
            parts.append(index == cells.count - 1 ? cut : cut.padding(toLength: width, withPad: " ", startingAt: 0))
        }
        return parts.joined(separator: "  ") + "\n"
    }

    /// A cell with tabs and line breaks turned into spaces.
    static func tsvCell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// Columns of the terminal on stdout, or 100.
    private static var terminalWidth: Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 100
    }
}

extension RecordError {
    /// The error's code, message and line, for a TSV or table cell.
    var brief: String { "\(code.rawValue): \(message)" + (line.map { " (line \($0))" } ?? "") }
}

extension Article {
    /// The id as plain text for TSV and tables: the id, or the line number when there is none.
    var idText: String { id ?? String(line) }
    /// The id as JSON: the input's, or the line number when there is none.
    var idOrLine: String { idJSON ?? String(line) }
}
