import Foundation
import LedeParallel

/// The streaming stage every record-reading verb runs in: a reader thread cuts the input into
/// chunks, workers turn chunks into outputs on all cores, and the calling thread receives the outputs
/// in input order. At most `inFlight` chunks are read but not yet written, so memory stays bounded
/// however long the input is and however slowly the output is consumed. A chunk is handed on as
/// soon as reading would wait, so each record's output can be written as soon as it is ready.
///
/// The settings are fixed when the stage is made, and brought into range there: a stage always has at
/// least one worker and room for at least one chunk in flight.
public struct RecordStage: Sendable {
    public let format: InputFormat
    /// Worker threads, 1 to 1024.
    public let threads: Int
    /// Records over this many bytes are not held; they reach the worker as too-large records.
    public let maxRecordBytes: Int
    /// Largest chunk, in records and in bytes (a single record may exceed the byte size); at least 1.
    public let chunkRecords: Int
    public let chunkBytes: Int
    /// Chunks read but not yet written, at most; at least 1.
    public let inFlight: Int

    /// A stage reading `format`. `threads` is brought into 1...1024 (a mistyped count is not left to
    /// exhaust memory); `inFlight` defaults to 2 × threads + 2 and is at least 1; chunk sizes are at least
    /// 1 and `maxRecordBytes` at least 0.
    public init(format: InputFormat = .jsonl, threads: Int, maxRecordBytes: Int = 16 << 20,
                chunkRecords: Int = 256, chunkBytes: Int = 1 << 20, inFlight: Int? = nil) {
        self.format = format
        self.threads = WorkerThreads.clamped(threads)
        self.maxRecordBytes = max(0, maxRecordBytes)
        self.chunkRecords = max(1, chunkRecords)
        self.chunkBytes = max(1, chunkBytes)
        self.inFlight = max(1, inFlight ?? 2 * self.threads + 2)
    }

    /// Reads `inputs` ("-" or none: standard input), calls `work` on worker threads with each chunk,
    /// and `write` on the calling thread with each chunk's output, in input order. Throws
    /// `InputError` when an input cannot be opened or read, once everything before it is written,
    /// and whatever `write` throws (then the rest of the input is abandoned, and a read waiting on a
    /// pipe is woken). Every thread the stage started has ended when `run` returns or throws.
    public func run<Output: Sendable>(_ inputs: [String], work: @escaping @Sendable (RecordChunk) -> Output,
                                      write: (Output) throws -> Void) throws {
        let reader = ChunkReader(format: format, maxRecordBytes: maxRecordBytes, chunkRecords: chunkRecords, chunkBytes: chunkBytes)
        try runOrderedStage(threads: threads, inFlight: inFlight, produce: { submit, stop in
            try reader.read(inputs, stop: stop, submit: submit)
        }, work: work, consume: write)
    }
}
