/// Python's `str.lower()` context rule for the capital sigma (U+03A3): it becomes the final form ς when
/// a cased letter precedes it and none follows it, skipping case-ignorable characters on both sides;
/// otherwise σ. `start` is the sigma's byte offset in `p[0..<n]` (two bytes long). Linear overall:
/// each scan stops at the first character that is not case-ignorable.
@usableFromInline
func isFinalSigma(_ p: UnsafePointer<UInt8>, _ n: Int, at start: Int, table: ScalarTable, bmp: UnsafeBufferPointer<UInt32>) -> Bool {
    var j = start
    var casedBefore = false
    while j > 0 {
        var k = j - 1
        while k > 0 && p[k] & 0xC0 == 0x80 && j - k < 4 { k -= 1 }
        let d = decodeUTF8Scalar(p, k, n)
        var value = d.value
        if !d.valid || k + d.length != j {
            value = 0xFFFD
            k = j - 1
        }
        let entry = table.entry(value, bmp)
        if entry & ScalarTable.caseIgnorable != 0 { j = k; continue }
        casedBefore = entry & ScalarTable.cased != 0
        break
    }
    guard casedBefore else { return false }
    j = start + 2
    while j < n {
        let d = decodeUTF8Scalar(p, j, n)
        let entry = table.entry(d.valid ? d.value : 0xFFFD, bmp)
        if entry & ScalarTable.caseIgnorable != 0 { j += d.length; continue }
        return entry & ScalarTable.cased == 0
    }
    return true
}
