import Foundation
import LedeFeatures

/// The streaming stage every record-reading verb runs in: a reader thread cuts the input into
/// chunks, workers turn chunks into outputs on all cores, and the calling thread receives the outputs
/// in input order. At most `inFlight` chunks are read but not yet written, so memory stays bounded
/// however long the input is and however slowly the output is consumed. A chunk is handed on as
/// soon as reading would wait, so each record's output can be written as soon as it is ready.
public struct RecordStage: Sendable {
    public var format: InputFormat
    /// Worker threads.
    public var threads: Int
    /// Records over this many bytes are not held; they reach the worker as too-large records.
    public var maxRecordBytes: Int
    /// Largest chunk, in records and in bytes (a single record may exceed the byte size).
    public var chunkRecords: Int
    public var chunkBytes: Int
    /// Chunks read but not yet written, at most.
    public var inFlight: Int

    public init(format: InputFormat = .jsonl, threads: Int, maxRecordBytes: Int = 16 << 20,
                chunkRecords: Int = 256, chunkBytes: Int = 1 << 20) {
        self.format = format
        self.threads = WorkerThreads.clamped(threads)
        self.maxRecordBytes = maxRecordBytes
        self.chunkRecords = chunkRecords
        self.chunkBytes = chunkBytes
        self.inFlight = 2 * self.threads + 2
    }

    /// Reads `inputs` ("-" or none: standard input), calls `work` on worker threads with each chunk,
    /// and `write` on the calling thread with each chunk's output, in input order. Throws
    /// `InputError` when an input cannot be opened or read, once everything before it is written,
    /// and whatever `write` throws (then the rest of the input is abandoned; a reader blocked on a
    /// pipe ends when its read returns).
    public func run<Output>(_ inputs: [String], work: @escaping @Sendable (RecordChunk) -> Output,
                            write: (Output) throws -> Void) throws {
        let queue = StageQueue<Output>(capacity: inFlight)
        let reader = ChunkReader(format: format, maxRecordBytes: maxRecordBytes, chunkRecords: chunkRecords, chunkBytes: chunkBytes)
        let names = inputs
        Thread.detachNewThread {
            do {
                try reader.read(names) { queue.submit($0) }
                queue.endInput(error: nil)
            } catch {
                queue.endInput(error: error)
            }
        }
        for _ in 0..<threads {
            Thread.detachNewThread {
                while let chunk = queue.take() { queue.finish(chunk.sequence, work(chunk)) }
            }
        }
        defer { queue.cancel() }
        var next = 0
        while let output = try queue.output(next) {
            try write(output)
            next += 1
        }
    }
}

/// The chunks and outputs a `RecordStage`'s threads pass to each other, under one lock.
final class StageQueue<Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var waiting: [RecordChunk] = []
    private var nextWaiting = 0
    private var finished: [Int: Output] = [:]
    private var submitted = 0
    private var written = 0
    private var inputEnded = false
    private var inputError: Error?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Queues a chunk, waiting while `capacity` chunks are unwritten; false once cancelled.
    func submit(_ chunk: RecordChunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - written >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        var numbered = chunk
        numbered.sequence = submitted
        submitted += 1
        waiting.append(numbered)
        condition.broadcast()
        return true
    }

    /// Marks the end of the input, and the error that ended it early, if any.
    func endInput(error: Error?) {
        condition.lock()
        inputEnded = true
        inputError = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk to work on; nil when the input has ended and every chunk is taken, or on cancel.
    func take() -> RecordChunk? {
        condition.lock()
        defer { condition.unlock() }
        while nextWaiting == waiting.count && !inputEnded && !cancelled { condition.wait() }
        guard !cancelled, nextWaiting < waiting.count else { return nil }
        let chunk = waiting[nextWaiting]
        waiting[nextWaiting] = RecordChunk()  // the worker holds the only copy now
        nextWaiting += 1
        if nextWaiting >= 32 || nextWaiting == waiting.count {
            waiting.removeFirst(nextWaiting)
            nextWaiting = 0
        }
        return chunk
    }

    /// Stores a chunk's output for the writer.
    func finish(_ sequence: Int, _ output: Output) {
        condition.lock()
        finished[sequence] = output
        condition.broadcast()
        condition.unlock()
    }

    /// The output of chunk `sequence`, waiting for it; nil after the last chunk. Throws the input's
    /// error once every chunk before it has been written.
    func output(_ sequence: Int) throws -> Output? {
        condition.lock()
        defer { condition.unlock() }
        while finished[sequence] == nil && !(inputEnded && sequence == submitted) { condition.wait() }
        if let output = finished.removeValue(forKey: sequence) {
            written += 1
            condition.broadcast()
            return output
        }
        if let inputError { throw inputError }
        return nil
    }

    /// Stops the reader and the workers.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
