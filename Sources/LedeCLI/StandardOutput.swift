import Foundation

/// Buffered standard output that ends the program quietly (exit 0) when the reader goes away,
/// as `| head` does, instead of dying of SIGPIPE or reporting an error.
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends text; writes out when the buffer is large.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                FileHandle.standardError.write(Data("lede: cannot write to stdout: \(String(cString: strerror(errno)))\n".utf8))
                exit(74)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
