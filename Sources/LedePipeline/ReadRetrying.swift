import Foundation

/// Reads up to `count` bytes from `descriptor` into `buffer` with read(2), trying again for as long as
/// the read is interrupted by a signal (EINTR). Returns what read(2) returns otherwise: the number of
/// bytes read, 0 at the end of the input, or -1 with `errno` set to the error.
func readRetrying(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let n = read(descriptor, buffer, count)
        if n < 0 && errno == EINTR { continue }
        return n
    }
}
