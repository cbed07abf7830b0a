#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file all at once or not at all: the bytes go to a new temporary file in the destination's
/// directory, which is synced and then renamed over the destination. Readers see the old file or the new
/// one, never a mix; on any error the temporary file is removed and the destination is left untouched.
package enum AtomicFile {
    /// Creates a temporary file beside `path`, lets `body` write into it, then syncs it and renames it to
    /// `path` (and syncs the directory, best effort). If `body` throws, its error is rethrown unchanged after
    /// cleanup; failures of the file system throw ``SafetensorsError`` with code `ioError`.
    package static func write(toFile path: String, _ body: (inout AtomicFileSink) throws -> Void) throws {
        func fail(_ message: String, _ code: Int32) -> SafetensorsError {
            SafetensorsError(.ioError, file: path, "\(message): \(systemMessage(code))")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty, base != ".", base != ".." else {
            throw SafetensorsError(.ioError, file: path, "the path names a directory, not a file")
        }
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let temporaryName = base.utf8.count <= 200 ? ".\(base).tmp-\(random)" : ".tmp-\(random)"
        let temporaryPath = directory == "/" ? "/\(temporaryName)" : "\(directory)/\(temporaryName)"

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw fail("cannot create the temporary file \(temporaryPath)", errno) }
        var sink = AtomicFileSink(descriptor: descriptor, temporaryPath: temporaryPath, destination: path)
        var isOpen = true
        do {
            try body(&sink)
            guard fsync(descriptor) == 0 else { throw fail("cannot sync \(temporaryPath)", errno) }
            isOpen = false
            guard close(descriptor) == 0 else { throw fail("cannot close \(temporaryPath)", errno) }
            guard rename(temporaryPath, path) == 0 else { throw fail("cannot rename \(temporaryPath) to it", errno) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}

/// Where ``AtomicFile/write(toFile:_:)``'s body writes: the open temporary file.
package struct AtomicFileSink {
    /// The temporary file being written; it is renamed to the destination at the end.
    package let temporaryPath: String
    /// The file that will be replaced.
    package let destination: String
    /// How many bytes have been written so far.
    package private(set) var bytesWritten = 0
    private let descriptor: Int32

    init(descriptor: Int32, temporaryPath: String, destination: String) {
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.destination = destination
    }

    /// Appends `bytes` to the file, retrying partial and interrupted writes.
    package mutating func write(_ bytes: UnsafeRawBufferPointer) throws(SafetensorsError) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw SafetensorsError(.ioError, file: destination, "cannot write \(temporaryPath): \(systemMessage(code))")
            }
            if written == 0 {
                throw SafetensorsError(.ioError, file: destination, "cannot write \(temporaryPath): the system wrote nothing")
            }
            offset += written
        }
        bytesWritten += bytes.count
    }

    /// Appends `bytes` to the file.
    package mutating func write(_ bytes: [UInt8]) throws(SafetensorsError) {
        var failure: SafetensorsError?
        bytes.withUnsafeBytes { raw in
            do throws(SafetensorsError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// The C library's `write`, named apart from the methods called `write`.
private func systemWrite(_ descriptor: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, start, count)
}
