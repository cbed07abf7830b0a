/// Decodes the scalar that starts at `p[i]` (with `i < n`), validating as the Unicode standard's
/// Table 3-7 says. An ill-formed sequence yields U+FFFD with `valid == false` and the length of its
/// maximal subpart (at least 1), so that each maximal subpart becomes one replacement character, as
/// Swift's `String(decoding:as:)` and Python's `errors="replace"` do.
@inlinable @inline(__always)
func decodeUTF8Scalar(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (value: UInt32, length: Int, valid: Bool) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1, true) }
    if b0 < 0xC2 { return (0xFFFD, 1, false) }
    if b0 < 0xE0 {
        guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return (0xFFFD, 1, false) }
        return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2, true)
    }
    if b0 < 0xF0 {
        guard i + 1 < n else { return (0xFFFD, 1, false) }
        let b1 = p[i + 1]
        let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
        guard b1 >= low && b1 <= high else { return (0xFFFD, 1, false) }
        guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return (0xFFFD, 2, false) }
        return ((b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3, true)
    }
    if b0 < 0xF5 {
        guard i + 1 < n else { return (0xFFFD, 1, false) }
        let b1 = p[i + 1]
        let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
        guard b1 >= low && b1 <= high else { return (0xFFFD, 1, false) }
        guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return (0xFFFD, 2, false) }
        guard i + 3 < n, p[i + 3] & 0xC0 == 0x80 else { return (0xFFFD, 3, false) }
        let value = (b0 & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
        return (value, 4, true)
    }
    return (0xFFFD, 1, false)
}

/// Counts the ill-formed sequences in `bytes` (each maximal subpart once). O(n).
@usableFromInline package func countInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let p = bytes.baseAddress else { return 0 }
    let n = bytes.count
    var i = 0, invalid = 0
    while i < n {
        // Eight ASCII bytes at a time (no byte with its high bit set).
        while i + 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & ASCIIWords.high == 0 { i += 8 }
        guard i < n else { break }
        if p[i] < 0x80 { i += 1; continue }
        let d = decodeUTF8Scalar(p, i, n)
        if !d.valid { invalid += 1 }
        i += d.length
    }
    return invalid
}

/// Returns `bytes` with every ill-formed sequence replaced by U+FFFD (EF BF BD), and how many were replaced.
@usableFromInline package func repairUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], replaced: Int) {
    guard let p = bytes.baseAddress else { return ([], 0) }
    let n = bytes.count
    var out: [UInt8] = []
    out.reserveCapacity(n + 16)
    var i = 0, replaced = 0
    while i < n {
        if p[i] < 0x80 { out.append(p[i]); i += 1; continue }
        let d = decodeUTF8Scalar(p, i, n)
        if d.valid {
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: d.length))
        } else {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD] as [UInt8])
            replaced += 1
        }
        i += d.length
    }
    return (out, replaced)
}
