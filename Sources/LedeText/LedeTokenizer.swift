/// Lede's own tokenizer, over UTF-8 bytes. The rules:
///
/// - A token is a maximal run of letters and numbers of any script, with the combining marks that follow
///   them, lower-cased as Python's `str.lower()` does ("Über" → "über", "ΟΔΟΣ" → "οδος").
/// - Apostrophes (' ’ ‘ ʼ) between two letters stay inside the token, written as ASCII "'"
///   ("don’t" → "don't"), except a possessive "'s" closing a word, which is dropped ("BBC’s" → "bbc").
///   Quotes and apostrophes anywhere else separate tokens.
/// - Hyphens (- ‐ ‑) between two letters or digits join ("e-mail", "covid-19", "state-of-the-art");
///   dashes and other hyphens separate.
/// - Numbers: "." and "," between two digits join ("3.14", "1,000", "1.13bn"); `numbers: .drop` drops
///   the tokens that have no letter.
/// - Web addresses: text starting with "http://", "https://", "ftp://" or "www." at a token boundary runs
///   to the next white space, quote or angle bracket; trailing ".,;:!?)]}'" are left out. It is one token
///   (`urls: .keep`), dropped (`.drop`), or read as ordinary text (`.split`).
/// - Soft hyphens and zero-width joiners are ignored; everything else separates tokens.
/// - Tokens shorter than `minimumLength` scalars and stop words are dropped.
///
/// Returns the number of ill-formed UTF-8 sequences, each read as U+FFFD (a separator).
func scanLede(
    _ text: UnsafeBufferPointer<UInt8>, options: TokenizerOptions, table: ScalarTable, stopWords: StopWords?,
    into buffer: TokenBuffer, onBlock: (TokenBuffer) -> Void
) -> Int {
    guard let p = text.baseAddress, !text.isEmpty else { return 0 }
    let n = text.count
    var invalid = 0
    var writer = TokenWriter(buffer)
    var length = 0            // scalars in the token being written; 0 between tokens
    var hasLetter = false
    var lastClass = LedeScalarClass.other   // class of the last letter or number written

    func endToken(_ writer: inout TokenWriter, _ length: inout Int) {
        let keep = length >= options.minimumLength
            && (hasLetter || options.numbers == .keep)
            && !(stopWords?.contains(writer.base + writer.tokenStart, writer.out - writer.tokenStart) ?? false)
        if keep { writer.commitToken(onBlock) } else { writer.discardToken() }
        length = 0
    }

    table.bmp.withUnsafeBufferPointer { bmp in
        @inline(__always) func scalar(at j: Int) -> (value: UInt32, length: Int, entry: UInt32) {
            let d = decodeUTF8Scalar(p, j, n)
            let value = d.valid ? d.value : 0xFFFD
            return (value, d.length, table.entry(value, bmp))
        }
        @inline(__always) func classOf(_ entry: UInt32) -> LedeScalarClass {
            LedeScalarClass(rawValue: (entry >> ScalarTable.classShift) & 0xF) ?? .other
        }
        func appendLower(_ value: UInt32, _ entry: UInt32, at i: Int, _ writer: inout TokenWriter) -> Int {
            if entry & ScalarTable.special == 0 {
                writer.appendScalar(entry & ScalarTable.lowerMask)
                return 1
            }
            if value == 0x3A3 {
                writer.appendScalar(isFinalSigma(p, n, at: i, table: table, bmp: bmp) ? 0x3C2 : 0x3C3)
                return 1
            }
            let lowered = table.lowercaseScalars(value)
            for s in lowered { writer.appendScalar(s) }
            return lowered.count
        }
        /// The end of a web address starting at `i`, or nil when none starts there.
        func urlEnd(at i: Int) -> Int? {
            func hasPrefix(_ prefix: StaticString) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard i + count <= n else { return false }
                let q = prefix.utf8Start
                for k in 0..<count {
                    var b = p[i + k]
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    if b != q[k] { return false }
                }
                return true
            }
            guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("ftp://") || hasPrefix("www.") else { return nil }
            var j = i
            while j < n {
                let s = scalar(at: j)
                let c = classOf(s.entry)
                if c == .whitespace || c == .urlStop || s.value == 0xFFFD { break }
                j += s.length
            }
            while j > i && ".,;:!?)]}'".utf8.contains(p[j - 1]) { j -= 1 }
            return j
        }

        var i = 0
        while i < n {
            let s: (value: UInt32, length: Int, entry: UInt32)
            let byte = p[i]
            if byte < 0x80 {
                s = (UInt32(byte), 1, bmp[Int(byte)])
            } else {
                let d = decodeUTF8Scalar(p, i, n)
                if !d.valid { invalid += 1 }
                let value = d.valid ? d.value : 0xFFFD
                s = (value, d.length, table.entry(value, bmp))
            }
            let c = classOf(s.entry)
            switch c {
            case .letter, .number:
                if length == 0 {
                    if options.urls != .split, byte | 0x20 == 0x68 || byte | 0x20 == 0x66 || byte | 0x20 == 0x77,
                       let end = urlEnd(at: i) {
                        if options.urls == .keep {
                            writer.tokenStart = writer.out
                            var j = i
                            while j < end {
                                let u = scalar(at: j)
                                _ = appendLower(u.value, u.entry, at: j, &writer)
                                j += u.length
                            }
                            writer.commitToken(onBlock)
                        }
                        i = end
                        continue
                    }
                    writer.tokenStart = writer.out
                    hasLetter = false
                }
                length += appendLower(s.value, s.entry, at: i, &writer)
                lastClass = c
                if c == .letter { hasLetter = true }
            case .mark:
                if length > 0 { length += appendLower(s.value, s.entry, at: i, &writer) }
            case .ignorable:
                break
            case .apostrophe, .hyphen, .numberJoiner:
                guard length > 0, i + s.length < n else {
                    if length > 0 { endToken(&writer, &length) }
                    break
                }
                let next = scalar(at: i + s.length)
                let nextClass = classOf(next.entry)
                if c == .apostrophe && lastClass == .letter && nextClass == .letter {
                    if next.value == 0x73 || next.value == 0x53 {   // "'s": possessive when the word ends there
                        let after = i + s.length + next.length
                        let afterClass = after < n ? classOf(scalar(at: after).entry) : .other
                        if afterClass != .letter && afterClass != .number && afterClass != .mark {
                            endToken(&writer, &length)
                            i = after
                            continue
                        }
                    }
                    writer.appendByte(0x27)
                    length += 1
                } else if c == .hyphen && (nextClass == .letter || nextClass == .number) {
                    writer.appendByte(0x2D)
                    length += 1
                } else if c == .numberJoiner && lastClass == .number && nextClass == .number {
                    writer.appendByte(UInt8(truncatingIfNeeded: s.value))
                    length += 1
                } else {
                    endToken(&writer, &length)
                }
            default:
                if length > 0 { endToken(&writer, &length) }
            }
            i += s.length
        }
    }
    if length > 0 { endToken(&writer, &length) }
    writer.flush(onBlock)
    return invalid
}
