/// Character n-grams within word boundaries, as scikit-learn's `char_wb` analyzer forms them from a word:
/// the token is padded with one space on each side (" word "), and for each n in the range every run of
/// n scalars is a term; a padded token no longer than n is one term, and then longer n are not formed.
/// `body` receives each n-gram as a pointer into `buffer` and a byte count. `scalarStarts` is scratch.
@inlinable
package func forEachCharacterNGram(
    ofToken token: Int, in buffer: TokenBuffer, sizes: ClosedRange<Int>, scalarStarts: inout [Int],
    _ body: (UnsafePointer<UInt8>, Int) -> Void
) {
    let first = buffer.tokenStart(token) - 1   // the space before
    let end = buffer.tokenEnd(token) + 1       // just past the space after
    let bytes = buffer.bytes
    scalarStarts.removeAll(keepingCapacity: true)
    for k in first..<end where bytes[k] & 0xC0 != 0x80 { scalarStarts.append(k) }
    let count = scalarStarts.count
    scalarStarts.append(end)
    for n in sizes {
        var offset = 0
        while true {
            let stop = min(offset + n, count)
            body(bytes + scalarStarts[offset], scalarStarts[stop] - scalarStarts[offset])
            if offset + n >= count { break }
            offset += 1
        }
        if offset == 0 { break }
    }
}
