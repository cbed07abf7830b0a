/// The bytes of `bytes[range]` without white space: ASCII blanks (space, tab, line feed, vertical tab,
/// form feed, carriage return) and UTF-8 no-break spaces (C2 A0). The reference-summary tests compare
/// segments and summaries this way, since the references' spacing differs from the articles'.
public func withoutWhiteSpace(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
            i += 1
        } else if b == 0xC2 && i + 1 < range.upperBound && bytes[i + 1] == 0xA0 {
            i += 2
        } else {
            out.append(b)
            i += 1
        }
    }
    return out
}
