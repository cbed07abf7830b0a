import ArgumentParser
import Foundation
import Lede

/// `--report FILE.html` and `--report-date`, shared by `evaluate classifier`, `evaluate summarizer` and
/// `inspect`: where to write the HTML report, and the date its pages carry.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Also write the result as one self-contained HTML page (charts as inline SVG, no script, nothing \
        fetched; prints to PDF) to this file, replacing it whole.
        """, valueName: "file.html")) var report: String?
    @Option(help: ArgumentHelp("""
        The date the report's pages carry, as written (e.g. 2026-12-07), or 'today' for today's UTC date. \
        Without it the report has no date, and the same input gives the same bytes.
        """, valueName: "date")) var reportDate: String?

    func validate() throws {
        if reportDate != nil && report == nil { throw ValidationError("--report-date needs --report FILE.html") }
        if let reportDate, reportDate.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--report-date is empty") }
    }

    /// The date to print: the one given, today's (UTC) for 'today', else none.
    var date: String? {
        guard let reportDate else { return nil }
        guard reportDate == "today" else { return reportDate }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    /// Fails before any work when the report could not be written (exit 74).
    func checkPath() throws {
        if let report { try checkCanWrite(report) }
    }

    /// Writes the page made by `html` to the report file, all at once or not at all (exit 74 on failure).
    func write(_ html: () -> String) throws {
        guard let report else { return }
        let bytes = Array(html().utf8)
        do {
            try AtomicFile.write(toFile: report) { try $0.write(bytes) }
        } catch {
            throw Exit.fail(Exit.ioError, "cannot write the report: \(error)")
        }
        log("wrote the report \(report)")
    }
}

/// What a report calls a model: its file's name without the folder and `.safetensors`.
func reportName(ofModelAt path: String) -> String {
    let file = (path as NSString).lastPathComponent
    return file.hasSuffix(".safetensors") ? String(file.dropLast(".safetensors".count)) : file
}
