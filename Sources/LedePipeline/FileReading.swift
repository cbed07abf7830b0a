import Foundation
import LedeParallel

/// Opens `path` for reading (close-on-exec). Throws `InputError` when it cannot be opened, and when it is a
/// folder (`folderReason` says what to do instead), so that no reader mistakes a folder for an empty file.
func openForReading(_ path: String, folderReason: String = "is a folder, not a file") throws -> Int32 {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw InputError(path: path, errno: errno) }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        close(descriptor)
        throw InputError(path: path, errno: EISDIR, reason: folderReason)
    }
    return descriptor
}

/// Reads up to `count` bytes from `descriptor` into `buffer` with read(2), trying again for as long as
/// the read is interrupted by a signal (EINTR). Returns what read(2) returns otherwise: the number of
/// bytes read, 0 at the end of the input, or -1 with `errno` set to the error. With `stop`, it first
/// waits for the descriptor or the signal, and returns -1 with `errno` ECANCELED when the signal is set.
func readRetrying(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, stop: StopSignal? = nil) -> Int {
    if let stop, !stop.waitUntilReadable(descriptor) {
        errno = ECANCELED
        return -1
    }
    while true {
        let n = read(descriptor, buffer, count)
        if n < 0 && errno == EINTR { continue }
        return n
    }
}

/// Reads `descriptor` to its end (with `readRetrying`). Past `limit` bytes the rest is read and
/// dropped, not held: then `bytes` is nil and `length` the total. Throws `InputError` naming `path`.
func readToEnd(_ descriptor: Int32, path: String, limit: Int = .max, stop: StopSignal? = nil) throws -> (bytes: [UInt8]?, length: Int) {
    var bytes: [UInt8]? = []
    var length = 0
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = block.withUnsafeMutableBytes { readRetrying(descriptor, $0.baseAddress!, $0.count, stop: stop) }
        if n < 0 { throw InputError(path: path, errno: errno) }
        if n == 0 { return (bytes, length) }
        length += n
        if length > limit { bytes = nil }
        bytes?.append(contentsOf: block[0..<n])
    }
}
