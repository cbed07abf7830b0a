/// scikit-learn's default word analyzer, over UTF-8 bytes: the text is lower-cased as Python's
/// `str.lower()` does (full mapping, final sigma), then tokens are the maximal runs of Python `\w`
/// characters (letters, characters with a numeric type, underscore) that are at least two scalars long:
/// what `re.findall(r"(?u)\b\w\w+\b", text.lower())` returns. Stop words are dropped here.
/// Returns the number of ill-formed UTF-8 sequences, each read as U+FFFD (which is not `\w`).
func scanScikitLearn(
    _ text: UnsafeBufferPointer<UInt8>, table: ScalarTable, stopWords: StopWords?,
    into buffer: TokenBuffer, onBlock: (TokenBuffer) -> Void
) -> Int {
    guard let p = text.baseAddress, !text.isEmpty else { return 0 }
    let n = text.count
    var invalid = 0
    var writer = TokenWriter(buffer)
    var length = 0  // scalars in the token being written; 0 when between tokens

    @inline(__always) func endToken(_ writer: inout TokenWriter, _ length: inout Int) {
        if length >= 2 && !(stopWords?.contains(writer.base + writer.tokenStart, writer.out - writer.tokenStart) ?? false) {
            writer.commitToken(onBlock)
        } else {
            writer.discardToken()
        }
        length = 0
    }

    table.bmp.withUnsafeBufferPointer { bmp in
      table.asciiWordLower.withUnsafeBufferPointer { ascii in
        var i = 0
        while i < n {
            let byte = p[i]
            if byte < 0x80 {
                if i &+ 8 <= n {
                    // ASCII eight bytes at a time: tokens found from the word-byte mask, no lookup per byte.
                    repeat {
                        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                        let nonASCII = x & ASCIIWords.high
                        let valid = nonASCII == 0 ? 8 : nonASCII.trailingZeroBitCount >> 3  // bytes before a non-ASCII one
                        if valid == 0 { break }
                        let (wordBytes, lowered) = ASCIIWords.classify(x)
                        let validBytes: UInt64 = valid == 8 ? ~0 : (1 << UInt64(8 * valid)) &- 1
                        let separators = ~wordBytes & ASCIIWords.high & validBytes
                        var j = 0
                        while j < valid {
                            if length == 0 {
                                let starts = wordBytes & validBytes & (~0 << UInt64(8 * j))
                                if starts == 0 { break }
                                j = starts.trailingZeroBitCount >> 3
                                writer.tokenStart = writer.out
                            }
                            let stops = separators & (~0 << UInt64(8 * j))
                            let end = stops == 0 ? valid : stops.trailingZeroBitCount >> 3
                            // The lowered bytes from j on, stored whole; the token keeps those up to `end`.
                            writer.reserve(16)
                            UnsafeMutableRawPointer(writer.base + writer.out).storeBytes(of: lowered >> UInt64(8 * j), as: UInt64.self)
                            writer.out &+= end &- j
                            length &+= end &- j
                            j = end
                            if end < valid { endToken(&writer, &length) }
                        }
                        i &+= valid
                        if valid < 8 { break }
                    } while i &+ 8 <= n
                    continue
                }
                // The last few ASCII bytes (fewer than eight), one at a time.
                let lower = ascii[Int(byte)]
                if lower == 0 {
                    if length > 0 { endToken(&writer, &length) }
                } else {
                    if length == 0 { writer.tokenStart = writer.out }
                    writer.appendByte(lower)
                    length &+= 1
                }
                i &+= 1
                continue
            }
            let d = decodeUTF8Scalar(p, i, n)
            let value = d.valid ? d.value : 0xFFFD
            if !d.valid { invalid += 1 }
            let entry = table.entry(value, bmp)
            if entry & ScalarTable.special == 0 {
                if entry & ScalarTable.lowerIsWord != 0 {
                    if length == 0 { writer.tokenStart = writer.out }
                    writer.appendScalar(entry & ScalarTable.lowerMask)
                    length += 1
                } else if length > 0 {
                    endToken(&writer, &length)
                }
            } else {
                let lowered: [UInt32] = value == 0x3A3
                    ? [isFinalSigma(p, n, at: i, table: table, bmp: bmp) ? 0x3C2 : 0x3C3]
                    : table.lowercaseScalars(value)
                for scalar in lowered {
                    if table.entry(scalar, bmp) & ScalarTable.isWord != 0 {
                        if length == 0 { writer.tokenStart = writer.out }
                        writer.appendScalar(scalar)
                        length += 1
                    } else if length > 0 {
                        endToken(&writer, &length)
                    }
                }
            }
            i += d.length
        }
      }
    }
    if length > 0 { endToken(&writer, &length) }
    writer.flush(onBlock)
    return invalid
}

/// Classifies eight ASCII bytes at once (SWAR): which are Python `\w` characters ([A-Za-z0-9_]), and
/// their lower-case form, without a branch per byte. Bytes ≥ 0x80 are never word bytes here.
enum ASCIIWords {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let ones7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    @inline(__always) static func spread(_ byte: UInt64) -> UInt64 { byte &* 0x0101_0101_0101_0101 }

    /// 0x80 in each word byte, and the bytes with A-Z lower-cased.
    @inline(__always) static func classify(_ x: UInt64) -> (wordBytes: UInt64, lowered: UInt64) {
        let nonASCII = x & high
        let y = x & ones7
        let digit = (y &+ spread(0x80 - 0x30)) & ~(y &+ spread(0x80 - 0x3A)) & high
        let z = y | spread(0x20)
        let alpha = (z &+ spread(0x80 - 0x61)) & ~(z &+ spread(0x80 - 0x7B)) & high
        let v = y ^ spread(0x5F)
        let underscore = ~(((v & ones7) &+ ones7) | v) & high
        let word = (digit | alpha | underscore) & ~nonASCII
        return (word, x | (alpha & ~nonASCII) >> 2)
    }
}
