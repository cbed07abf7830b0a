import Foundation
import Testing
import LedeFeatures
import LedeText

/// A 100 MB document must vectorize (scikit-learn's default settings: words, l2) with peak RSS at most
/// 4 × its size + 100 MB. (Memory grows with distinct terms too: 1–2-grams of random words would make
/// every bigram a new term, 15 million of them here, and no vectorizer holds that in 4×.) The peak is measured in a
/// fresh child process (this test binary re-run on this test alone, with `LEDE_MEMORY_CHILD=1`), so that
/// other tests' memory does not count: the child builds the document, fits on it, and prints its VmHWM.
@Suite("large document memory")
struct LargeDocumentMemoryTests {
    static let documentBytes = 100_000_000
    static let childVariable = "LEDE_MEMORY_CHILD"

    /// A document of `bytes` bytes: pseudo-random words from a 60 000-word vocabulary, some non-ASCII.
    static func makeDocument(bytes: Int) -> String {
        let words = (0..<60_000).map { i -> String in
            i % 10 == 0 ? "wörd\(i)" : "w\(String(i, radix: 36))x"
        }
        var document = ""
        document.reserveCapacity(bytes + 32)
        var state: UInt64 = 2024
        var size = 0
        while size < bytes {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let word = words[Int(state >> 33) % words.count]
            document += word
            document += " "
            size += word.utf8.count + 1
        }
        return document
    }

    /// Peak resident set size of this process, in bytes, from /proc/self/status.
    static func peakRSS() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        return nil
    }

    @Test func hundredMegabyteDocumentPeakMemory() throws {
        if ProcessInfo.processInfo.environment[Self.childVariable] == "1" {
            // The child: do the work and report.
            let document = Self.makeDocument(bytes: Self.documentBytes)
            let fit = try TfidfVectorizer().fitTransform(documents: [document], threads: 2)
            print("LEDE-MEMORY bytes=\(document.utf8.count) peak=\(Self.peakRSS() ?? -1) terms=\(fit.model.vocabulary.count) entries=\(fit.matrix.entryCount)")
            return
        }
        guard ProcessInfo.processInfo.environment[Self.childVariable] == nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--testing-library", "swift-testing", "--filter", "hundredMegabyteDocumentPeakMemory"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("LEDE-MEMORY") }) else {
            Issue.record("the child process reported nothing (status \(process.terminationStatus)): \(text.suffix(2000))")
            return
        }
        var fields: [String: Int] = [:]
        for field in line.split(separator: " ").dropFirst() {
            let pair = field.split(separator: "=")
            if pair.count == 2 { fields[String(pair[0])] = Int(pair[1]) }
        }
        let bytes = fields["bytes"] ?? 0, peak = fields["peak"] ?? -1
        print("◇ 100 MB document: \(bytes) bytes, peak RSS \(peak / 1_000_000) MB (limit \((4 * bytes + 100_000_000) / 1_000_000) MB), \(fields["terms"] ?? 0) terms")
        #expect(process.terminationStatus == 0)
        #expect(bytes >= Self.documentBytes)
        #expect(peak > 0 && peak <= 4 * bytes + 100_000_000)
        #expect((fields["terms"] ?? 0) == 60_000)
    }
}
