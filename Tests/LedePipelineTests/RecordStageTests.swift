import Foundation
import Testing
import LedePipeline
import LedeParallel

/// The streaming stage as a library caller uses it: outputs in input order, settings that cannot hang
/// it, and a caller that stops early while the reader waits on a pipe gets its threads back.
@Suite("Record stage")
struct RecordStageTests {
    static let decoder = ArticleDecoder(fields: RecordFields())

    /// The texts of a chunk's records, read as `lines`.
    static func texts(_ chunk: RecordChunk) -> [String] {
        chunk.articles(format: .lines, decoder: decoder, maxRecordBytes: 1 << 20).map { (try? $0.get().text) ?? "error" }
    }

    /// A file of `count` lines "record 1", "record 2", …
    static func numberedFile(_ count: Int) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-stage-\(UUID().uuidString)").path
        let text = (1...count).map { "record \($0)\n" }.joined()
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test("outputs are written in input order though chunks finish out of order", arguments: [1, 4])
    func order(threads: Int) throws {
        let path = Self.numberedFile(2000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var written: [String] = []
        try RecordStage(format: .lines, threads: threads, chunkRecords: 7).run([path], work: { chunk in
            usleep(UInt32(chunk.sequence * 7919 % 4) * 300)  // later chunks often finish first
            return Self.texts(chunk)
        }, write: { written += $0 })
        #expect(written == (1...2000).map { "record \($0)" })
    }

    @Test("thread and in-flight counts below 1 are brought to 1, and the stage still runs to the end")
    func invalidSettings() throws {
        let stage = RecordStage(format: .lines, threads: 0, chunkRecords: 0, chunkBytes: -1, inFlight: 0)
        #expect(stage.threads == 1 && stage.inFlight == 1 && stage.chunkRecords == 1 && stage.chunkBytes == 1)
        #expect(RecordStage(threads: -5, inFlight: -2).inFlight == 1)
        #expect(RecordStage(threads: .max).threads == WorkerThreads.maximum)
        #expect(RecordStage(threads: 3).inFlight == 8)
        let path = Self.numberedFile(50)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var written: [String] = []
        try stage.run([path], work: Self.texts, write: { written += $0 })
        #expect(written == (1...50).map { "record \($0)" })
    }

    @Test("a caller that stops while the reader waits on a pipe gets run's return with the reader done")
    func stopWhileReaderWaits() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(writeEnd) }
        let records = "first\nsecond\n"
        #expect(records.utf8.withContiguousStorageIfAvailable { write(writeEnd, $0.baseAddress!, $0.count) } == records.utf8.count)

        // The stage runs on a thread of the test's, so that a stage that failed to return fails the test
        // (after the write end is closed, which would end any read) instead of hanging it.
        struct Enough: Error {}
        let outcome = LockedValue<String?>(nil)
        let returned = DispatchSemaphore(value: 0)
        let runner = try JoinableThread.start {
            do {
                try RecordStage(format: .lines, threads: 2).run(["/dev/fd/\(readEnd)"], work: Self.texts, write: { texts in
                    if texts.contains("second") { throw Enough() }
                })
                outcome.withLock { $0 = "returned without the caller's error" }
            } catch is Enough {
                outcome.withLock { $0 = "stopped" }
            } catch {
                outcome.withLock { $0 = "\(error)" }
            }
            returned.signal()
        }
        let inTime = returned.wait(timeout: .now() + 60) == .success
        #expect(inTime, "run did not return while its reader waited on the pipe")
        if !inTime { close(writeEnd) }
        runner.join()
        #expect(outcome.withLock { $0 } == "stopped")

        // The reader closed its own descriptor of the pipe: once the test's read end is closed too, the pipe
        // has no reader left, and a write fails with EPIPE.
        close(readEnd)
        var byte: UInt8 = 0x0A
        #expect(write(writeEnd, &byte, 1) == -1 && errno == EPIPE)
    }
}
