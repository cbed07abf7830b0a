/// Word counting over UTF-8 bytes, for budgets and the fragment rule.
///
/// A word is a maximal run of non-blank bytes (blank: space, tab, line feed, vertical tab, form feed,
/// carriage return) holding at least one letter or digit: an ASCII letter or digit, or a character
/// from U+00C0 on outside U+2000–U+2FFF (punctuation, symbols, arrows). So "—", "-", "&" and "•"
/// are not words, "Picture:" and "AP" are. O(n).
enum Words {
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        if b < 0x80 {
            let lower = b | 0x20
            return (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
        }
        // Lead bytes of U+00C0 on (0xC3…), except 0xE2 (U+2000–U+2FFF); continuation bytes never match.
        return b >= 0xC3 && b != 0xE2 && b < 0xF8 && b != 0xC0 && b != 0xC1
    }

    /// The number of words in `bytes[range]`.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var words = 0
        var inRun = false
        var runHasWord = false
        for i in range {
            let b = bytes[i]
            if isBlank(b) {
                if inRun && runHasWord { words += 1 }
                inRun = false
                runHasWord = false
            } else {
                inRun = true
                if !runHasWord && isWordByte(b) { runHasWord = true }
            }
        }
        if inRun && runHasWord { words += 1 }
        return words
    }

    /// Cuts `bytes[range]`, which has `words` words, into consecutive pieces of at most `pieceWords`
    /// words at white space, each trimmed, appending them to `out`. Pieces have nearly equal word counts.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, words: Int, pieceWords: Int,
                      into out: inout [Range<Int>], wordCounts: inout [Int32]) {
        let firstPiece = out.count
        let pieces = (words + pieceWords - 1) / pieceWords
        var remainingWords = words
        var remainingPieces = pieces
        var target = (remainingWords + remainingPieces - 1) / remainingPieces
        var pieceStart = -1
        var lastRunEnd = range.lowerBound
        var inPiece = 0
        var i = range.lowerBound
        while i < range.upperBound {
            // Skip blanks, then read one run.
            while i < range.upperBound && isBlank(bytes[i]) { i += 1 }
            guard i < range.upperBound else { break }
            let runStart = i
            var hasWord = false
            while i < range.upperBound && !isBlank(bytes[i]) {
                if isWordByte(bytes[i]) { hasWord = true }
                i += 1
            }
            if pieceStart < 0 { pieceStart = runStart }
            lastRunEnd = i
            if hasWord {
                inPiece += 1
                if inPiece == target && remainingPieces > 1 {
                    out.append(pieceStart..<lastRunEnd)
                    wordCounts.append(Int32(inPiece))
                    remainingWords -= inPiece
                    remainingPieces -= 1
                    target = (remainingWords + remainingPieces - 1) / remainingPieces
                    inPiece = 0
                    pieceStart = -1
                }
            }
        }
        if pieceStart >= 0 && inPiece == 0 && out.count > firstPiece {
            // Only non-words (a dash, a bullet) after the last cut: they join the last piece.
            out[out.count - 1] = out[out.count - 1].lowerBound..<lastRunEnd
        } else if pieceStart >= 0 {
            out.append(pieceStart..<lastRunEnd)
            wordCounts.append(Int32(inPiece))
        }
    }
}
