import Foundation
import Testing
import LedeTestSupport

/// The streaming stage through the command line (issue 8): answers as soon as each article arrives,
/// bounded memory over a gigabyte, sharded runs equal to one run, empty input, output formats.
@Suite("Streaming stage", .serialized)
struct StreamingTests {
    @Test("a pipe fed one article at a time gets each answer before it sends the next", arguments: ["classify", "process"])
    func interactivePipe(verb: String) throws {
        let child = try StreamingChild([verb])
        for id in 1...5 {
            child.send("{\"id\":\(id),\"title\":\"Match report\",\"text\":\"The striker scored twice. The club won the league title. Fans cheered.\"}\n")
            let line = try #require(child.nextLine(timeout: 30), "no answer to article \(id) within 30 s")
            #expect(line.hasPrefix("{\"id\":\(id),"), "\(line)")
            #expect(line.contains("\"label\":\"sport\""))
        }
        child.closeInput()
        #expect(child.nextLine(timeout: 30) == nil)
        #expect(child.wait() == 0)
    }

    @Test("resident memory after 1 GB is within 10 MB of that after 100 MB", arguments: [false, true])
    func boundedMemory(slowReader: Bool) throws {
        let child = try StreamingChild(["classify"], discardOutput: !slowReader)
        let lines = Locked(0)
        let reading = Thread {
            // The slow reader takes 4 KB every 2 ms (2 MB/s), well below the stage's output rate.
            while let data = child.read(upTo: slowReader ? 4096 : 1 << 16) {
                lines.update { $0 += data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
                if slowReader { usleep(2000) }
            }
        }
        if slowReader { reading.start() }
        let generator = ArticleGenerator()
        var written = 0, records = 0
        var rssAt100MB = 0, rssAt1GB = 0
        while written < 1 << 30 {
            let block = generator.block(firstID: records, count: 512)
            child.send(block.data)
            written += block.data.count
            records += 512
            if rssAt100MB == 0 && written >= 100 << 20 { rssAt100MB = child.residentBytes() }
        }
        rssAt1GB = child.residentBytes()
        child.closeInput()
        let status = child.wait()
        while slowReader && !reading.isFinished { usleep(10000) }
        print("RSS after 100 MB: \(rssAt100MB >> 20) MB, after 1 GB: \(rssAt1GB >> 20) MB (\(slowReader ? "slow" : "fast") reader)")
        #expect(status == 0)
        #expect(rssAt100MB > 0 && rssAt1GB > 0)
        #expect(rssAt1GB - rssAt100MB <= 10 << 20, "memory grew by \((rssAt1GB - rssAt100MB) >> 20) MB")
        if slowReader { #expect(lines.get() == records, "every record must come back") }
    }

    @Test("shards run in parallel and concatenated give the same bytes as one run", .needsDatasets("bbc/test.jsonl"))
    func sharding() throws {
        guard let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let lines = try String(contentsOfFile: test, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let directory = TestFiles.url("shards")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let records = lines.filter { !$0.isEmpty }
        let shardCount = 3, size = (records.count + shardCount - 1) / shardCount
        var shards: [String] = []
        for shard in 0..<shardCount {
            let path = directory.appendingPathComponent("part-\(shard).jsonl").path
            try (records[(shard * size)..<min(records.count, (shard + 1) * size)].joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            shards.append(path)
        }
        let whole = try CommandRunner.run(["process", test, "--output-format", "jsonl"])
        #expect(whole.status == 0)
        let parts = Locked([Int: String]()), shardPaths = shards
        DispatchQueue.concurrentPerform(iterations: shardCount) { shard in
            let result = try? CommandRunner.run(["process", shardPaths[shard], "--output-format", "jsonl", "--threads", "1"])
            parts.update { $0[shard] = result?.status == 0 ? result!.stdout : "failed: \(result?.stderr ?? "did not run")" }
        }
        let joined = (0..<shardCount).map { parts.get()[$0] ?? "" }.joined()
        #expect(joined.split(separator: "\n").count == records.count)
        #expect(joined == whole.stdout)
    }

    @Test("empty input gives no output and exit 0 in every format", arguments: ["classify", "summarize", "process"])
    func emptyInput(verb: String) throws {
        for format in ["jsonl", "tsv", "table"] {
            let result = try CommandRunner.run([verb, "--output-format", format], input: "")
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(verb) \(format): \(result)")
        }
    }

    @Test("error records carry the record's id when it could be read, else its line number")
    func errorRecordIDs() throws {
        let input = "{\"id\":\"a1\",\"text\":5}\n{\"id\":7}\nnot json\n{\"text\":\"Shares rose.\"}\n"
        for verb in ["classify", "summarize", "process"] {
            let result = try CommandRunner.run([verb, "--output-format", "jsonl"], input: input)
            let ids = result.stdout.split(separator: "\n").map { line in
                String(line.dropFirst(6).prefix { $0 != "," })
            }
            #expect(result.status == 0 && ids == ["\"a1\"", "7", "3", "4"], "\(verb): \(result.stdout)")
            #expect(result.stdout.components(separatedBy: "\"error\"").count == 4, "\(verb)")
        }
    }

    @Test("TSV and table output; lines and text input")
    func formats() throws {
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let tsv = try CommandRunner.run(["classify", "--output-format", "tsv", examples])
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(tsv.status == 0 && rows.count == 18)
        #expect(rows.allSatisfy { $0.count == 4 && $0[3].isEmpty && Double($0[2]) != nil })
        #expect(rows.first?.first == "business-1")

        let table = try CommandRunner.run(["process", "--output-format", "table", examples])
        let tableLines = table.stdout.split(separator: "\n")
        #expect(table.status == 0 && tableLines.count == 19 && tableLines[0].hasPrefix("ID "))
        #expect(tableLines[0].contains("LABEL") && tableLines[0].contains("SUMMARY"))

        let bad = try CommandRunner.run(["classify", "--output-format", "tsv"], input: "{\"text\":\"Shares rose.\"}\nnot json\n")
        let badRows = bad.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(badRows.count == 2 && badRows[1].count == 4 && badRows[1][3].hasPrefix("not_an_object"))

        let lines = try CommandRunner.run(["classify", "--input-format", "lines", "--output-format", "jsonl"],
                                          input: "The striker scored twice.\n\nShares fell as markets slid.\n")
        let ids = lines.stdout.split(separator: "\n").map { $0.prefix(8) }
        #expect(ids == ["{\"id\":1,", "{\"id\":2,", "{\"id\":3,"])
        #expect(lines.stdout.contains("\"empty_record\""))

        let folder = TestFiles.url("text")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "The striker scored twice. The club won.".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "Shares fell. Markets slid.".write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: folder.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        try Data([0x66, 0xFF, 0x2E]).write(to: folder.appendingPathComponent("c.txt"))
        let text = try CommandRunner.run(["process", "--input-format", "text", "--output-format", "jsonl", folder.path])
        let records = text.stdout.split(separator: "\n")
        #expect(text.status == 0 && records.count == 3)
        #expect(records.count == 3 && records[0].hasPrefix("{\"id\":\"a\",") && records[1].hasPrefix("{\"id\":\"b\","))
        #expect(records.count == 3 && records[2].contains("invalid_utf8"))
    }

    @Test("a table is the default output on a terminal (run under script(1), which gives it a pseudo-terminal)")
    func tableOnTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("/usr/bin/script (util-linux) is missing")
            return
        }
        let examples = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", "'\(CommandRunner.executable.path)' process '\(examples)'", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(process.terminationStatus == 0)
        #expect(lines.first?.hasPrefix("ID ") == true && lines.first?.contains("SUMMARY") == true, "\(text)")
        // stderr is the terminal too, so the progress count shows among the rows.
        let rows = lines.filter { $0.range(of: "^[^ ]+ +[a-z-]+ +0\\.[0-9]+ ", options: .regularExpression) != nil }
        #expect(rows.count == 18, "\(text)")
        #expect(text.contains("18 articles, done"))
    }

    @Test("the release binary links the Swift runtime statically: ldd lists no libswift, Foundation or Dispatch")
    func staticStandardLibrary() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [CommandRunner.executable.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let listing = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(listing.contains("libopenblas"), "\(listing)")
        for library in ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime"] {
            #expect(!listing.contains(library), "\(library) is linked dynamically:\n\(listing)")
        }
    }

    @Test("lede classify as a Spark stage: RDD.pipe in local mode gets every record back", .needsDatasets("bbc/test.jsonl"), .needs(CommandRunner.testPython))
    func sparkPipe() throws {
        guard let python = CommandRunner.python(), let test = CommandRunner.dataset("bbc/test.jsonl") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [CommandRunner.packageRoot.appendingPathComponent("Tests/Parity/spark_pipe.py").path,
                             "--lede", CommandRunner.executable.path,
                             "--model", CommandRunner.packageRoot.appendingPathComponent("models/bbc-topics.safetensors").path,
                             "--data", test]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = Locked(Data())
        let drain = Thread { errorText.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        drain.start()
        let report = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !drain.isFinished { usleep(10000) }
        let text = String(decoding: report, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)\n\(String(decoding: errorText.get(), as: UTF8.self).suffix(3000))")
        #expect(text.contains("spark pipe: 418 of 418 records back"), "\(text)")
    }
}

/// A `lede` child with pipes on stdin and stdout, fed and read a piece at a time.
final class StreamingChild: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private var pending = Data()

    init(_ arguments: [String], discardOutput: Bool = false) throws {
        process.executableURL = CommandRunner.executable
        process.arguments = arguments + ["--output-format", "jsonl"]
        process.standardInput = input
        process.standardOutput = discardOutput ? FileHandle(forWritingAtPath: "/dev/null") : output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        signal(SIGPIPE, SIG_IGN)
        try process.run()
    }

    func send(_ text: String) { send(Data(text.utf8)) }
    func send(_ data: Data) { try? input.fileHandleForWriting.write(contentsOf: data) }
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Up to `count` bytes of output, as soon as any are there; nil at its end.
    func read(upTo count: Int) -> Data? {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let n = Glibc.read(output.fileHandleForReading.fileDescriptor, &buffer, count)
            if n < 0 && errno == EINTR { continue }
            return n > 0 ? Data(buffer[0..<n]) : nil
        }
    }

    /// The next output line, or nil at the end of output or after `timeout` seconds.
    func nextLine(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                return line
            }
            var poll = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&poll, 1, 100) >= 0 else { return nil }
            if poll.revents != 0 {
                guard let data = read(upTo: 1 << 16) else { return nil }
                pending.append(data)
            }
        }
        return nil
    }

    /// The child's resident memory now, from /proc.
    func residentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) << 10
    }

    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Made-up news-like JSON Lines records, about 2 KB each, cheap to generate by the gigabyte.
struct ArticleGenerator {
    private let bodies: [String]

    init() {
        let words = ["market", "shares", "league", "match", "minister", "election", "film", "album", "software",
                     "phone", "bank", "rates", "striker", "coach", "parliament", "vote", "actor", "award",
                     "network", "chip", "profit", "growth", "season", "goal", "policy", "court", "stage", "music"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        bodies = (0..<64).map { _ in
            var sentences: [String] = []
            var length = 0
            while length < 1900 {
                let sentence = (0..<12).map { _ in words[next() % words.count] }.joined(separator: " ")
                sentences.append(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
                length += sentence.count + 2
            }
            return sentences.joined(separator: " ")
        }
    }

    /// `count` records with ids from `firstID`, as one block of bytes.
    func block(firstID: Int, count: Int) -> (data: Data, count: Int) {
        var text = ""
        for id in firstID..<(firstID + count) {
            text += "{\"id\":\(id),\"title\":\"Report \(id)\",\"text\":\"\(bodies[id % bodies.count])\"}\n"
        }
        return (Data(text.utf8), count)
    }
}
