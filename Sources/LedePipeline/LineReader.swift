import Foundation
import LedeParallel

/// Reads an input (a file or standard input) line by line as raw UTF-8 bytes, in large blocks,
/// handing each line over as soon as its newline arrives, so it works on a pipe fed one record at
/// a time. LF ends a line and a CR before it is dropped. A line longer than `maxLineBytes` is not
/// held: its bytes are skipped to the next newline and it is reported as too large.
package struct LineReader {
    /// One line of input.
    package enum Line {
        /// The line's bytes (without its line ending) and its 1-based number.
        case text(UnsafeBufferPointer<UInt8>, number: Int)
        /// A line over the limit, with its number and its length in bytes.
        case tooLarge(number: Int, bytes: Int)
    }

    private let descriptor: Int32
    private let closeAtEnd: Bool
    private let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0, end = 0
    /// Bytes before this index (from `start`) are known to hold no newline, so a long line arriving
    /// in many reads is searched once, not again from its start after every read.
    private var searched = 0
    private var lineNumber = 0
    private var atEnd = false
    /// Set once `forEachLine` has returned: the descriptor may be closed (and its number reused).
    private var finished = false
    /// A regular file is always ready to read: no poll before its reads.
    private let isRegularFile: Bool
    /// The input's name, for messages: a path, or "stdin".
    package let name: String
    /// When set, every wait for input also watches it, and a read woken by it fails with `ECANCELED`, so
    /// that a stage that stops is not left with a thread blocked on a quiet pipe.
    package var stop: StopSignal?

    /// Reads standard input.
    package static func standardInput(maxLineBytes: Int = .max) -> LineReader {
        LineReader(descriptor: 0, closeAtEnd: false, name: "stdin", maxLineBytes: maxLineBytes)
    }

    /// Opens a file; throws `InputError` when it cannot be opened.
    package init(path: String, maxLineBytes: Int = .max) throws {
        let fd = try openForReading(path, folderReason: "is a folder, not a file (--input-format text or html reads the files in a folder)")
        self.init(descriptor: fd, closeAtEnd: true, name: path, maxLineBytes: maxLineBytes)
    }

    private init(descriptor: Int32, closeAtEnd: Bool, name: String, maxLineBytes: Int) {
        self.descriptor = descriptor
        self.closeAtEnd = closeAtEnd
        self.name = name
        self.maxLineBytes = maxLineBytes
        self.buffer = [UInt8](repeating: 0, count: 1 << 20)
        var status = stat()
        isRegularFile = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Calls `body` with each line in turn until the input ends or `body` returns false, then closes the
    /// file (standard input stays open); an input is read once (a second call hands over nothing).
    /// The bytes given to `body` are valid only during the call. Throws `InputError` on a read error.
    /// `beforeWaiting` runs whenever every line read so far has been handed over and the reader would
    /// have to wait for more input (and once at the end): the moment to finish pending work. A file,
    /// or a pipe that already holds more bytes, is read on without it.
    package mutating func forEachLine(beforeWaiting: () throws -> Void = {}, _ body: (Line) throws -> Bool) throws {
        guard !finished else { return }
        defer {
            if closeAtEnd { close(descriptor) }
            finished = true
        }
        while true {
            // A complete line in the buffer?
            if let newline = buffer[max(start, searched)..<end].firstIndex(of: 0x0A) {
                lineNumber += 1
                let lineEnd = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let keepGoing = lineEnd - start > maxLineBytes
                    ? try body(.tooLarge(number: lineNumber, bytes: lineEnd - start))
                    : try buffer.withUnsafeBufferPointer { all in
                        try body(.text(UnsafeBufferPointer(rebasing: all[start..<lineEnd]), number: lineNumber))
                    }
                start = newline + 1
                searched = start
                if !keepGoing { return }
                continue
            }
            searched = end
            if atEnd {
                if start < end {  // a last line without a newline
                    lineNumber += 1
                    let lineEnd = buffer[end - 1] == 0x0D ? end - 1 : end
                    let last = try buffer.withUnsafeBufferPointer { all in
                        try body(.text(UnsafeBufferPointer(rebasing: all[start..<lineEnd]), number: lineNumber))
                    }
                    start = end
                    if !last { return }
                }
                try beforeWaiting()
                return
            }
            if end - start > maxLineBytes {
                lineNumber += 1
                let length = try skipRestOfLine(alreadyRead: end - start)
                if !(try body(.tooLarge(number: lineNumber, bytes: length))) { return }
                continue
            }
            if !inputIsReady() { try beforeWaiting() }
            try fill()
        }
    }

    /// Whether a read would return at once: true for files, and for pipes with bytes waiting.
    private func inputIsReady() -> Bool {
        if isRegularFile { return true }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) == 1
    }

    /// The signal a read waits on: none for a regular file (always readable) until the signal is set.
    private var waitsOn: StopSignal? {
        guard let stop else { return nil }
        return isRegularFile && !stop.isStopped ? nil : stop
    }

    /// Makes room and reads more bytes; grows the buffer when one line fills it.
    private mutating func fill() throws {
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
            }
            end -= start
            searched -= start
            start = 0
        }
        if end == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let (descriptor, filled, stop) = (self.descriptor, self.end, waitsOn)
        let count = buffer.withUnsafeMutableBufferPointer { b in
            readRetrying(descriptor, b.baseAddress! + filled, b.count - filled, stop: stop)
        }
        if count < 0 { throw InputError(path: name, errno: errno) }
        if count == 0 { atEnd = true }
        self.end += count
    }

    /// Reads and drops bytes up to and including the next newline; returns the line's total length.
    private mutating func skipRestOfLine(alreadyRead: Int) throws -> Int {
        var length = alreadyRead
        while true {
            let (descriptor, stop) = (self.descriptor, waitsOn)
            let count = buffer.withUnsafeMutableBufferPointer { b in readRetrying(descriptor, b.baseAddress!, b.count, stop: stop) }
            if count < 0 { throw InputError(path: name, errno: errno) }
            if count == 0 {
                atEnd = true
                start = 0
                end = 0
                searched = 0
                return length
            }
            if let newline = buffer[0..<count].firstIndex(of: 0x0A) {
                // Keep what follows the newline for the next lines.
                buffer.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + newline + 1, count - newline - 1)
                }
                start = 0
                end = count - newline - 1
                searched = 0
                return length + newline
            }
            length += count
        }
    }
}

extension LineReader {
    /// Whether a line holds only spaces and tabs: a blank line, which the line-per-record readers skip.
    package static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Reads a line-per-record file for a labeled corpus: feeds every line and a newline to `digest`,
    /// and hands `body` each line's record as `decode` makes it (nil: a blank line, skipped), or the
    /// error of a line over `maxRecordBytes`. Throws `InputError` when the file cannot be read.
    static func forEachRecord(in path: String, maxRecordBytes: Int, digest: inout SHA256,
                              decode: (UnsafeBufferPointer<UInt8>, Int) -> Result<Article, RecordError>?,
                              _ body: (Result<Article, RecordError>) throws -> Void) throws {
        var reader = try LineReader(path: path, maxLineBytes: maxRecordBytes)
        try reader.forEachLine { line in
            switch line {
            case .tooLarge(let number, let bytes):
                try body(.failure(RecordError.tooLarge(bytes, limit: maxRecordBytes, line: number)))
            case .text(let bytes, let number):
                digest.update(bytes)
                digest.update("\n")
                if let record = decode(bytes, number) { try body(record) }
            }
            return true
        }
    }
}

/// An input that could not be opened or read: exit code 66 when it does not exist, 74 otherwise.
public struct InputError: Error, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    /// What is wrong, when the system's message for `errno` would not say it.
    public var reason: String?

    public init(path: String, errno: Int32, reason: String? = nil) {
        self.path = path
        self.errno = errno
        self.reason = reason
    }

    /// Whether the input is missing (as opposed to unreadable); a folder where a file was wanted counts
    /// as missing, as it does for a model.
    public var isMissing: Bool { errno == ENOENT || errno == ENOTDIR || errno == EISDIR }

    public var description: String { "\(path): \(reason ?? String(cString: strerror(errno)))" }
}
