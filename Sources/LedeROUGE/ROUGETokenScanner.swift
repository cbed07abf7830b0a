/// The tokens of one text as the scanner found them: lower-case bytes back to back.
struct ScannedTokens {
    /// Every token's bytes, one after another.
    var bytes: [UInt8] = []
    /// `ends[i]` is where token `i` ends in `bytes`; it starts where token `i - 1` ends.
    var ends: [Int] = []
    /// The indices of the tokens (other than the first) that follow a line feed.
    var lineStarts: [Int] = []

    /// Number of tokens.
    var count: Int { ends.count }

    /// Where token `i` starts in `bytes`.
    func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }
}

/// Finds rouge-score's tokens in UTF-8 bytes: Python's `text.lower()`, then every run of characters
/// other than `[a-z0-9]` as a separator, as `rouge_score.tokenize` (0.1.2) does it.
///
/// Only three kinds of character lower-case to ASCII letters or digits in Python: A–Z, U+0130 (İ → "i"
/// and a combining dot, which separates) and U+212A (the Kelvin sign → "k"). Every other non-ASCII
/// character separates tokens. The input is valid UTF-8 (a Swift string), so those two can be recognised
/// from their lead bytes and every other byte ≥ 0x80 is part of a separator.
enum ROUGETokenScanner {
    /// The tokens of `text`. O(bytes).
    static func scan(_ text: String) -> ScannedTokens {
        var text = text
        return text.withUTF8 { utf8 in
            var tokens = ScannedTokens()
            guard !utf8.isEmpty else { return tokens }
            tokens.ends.reserveCapacity(utf8.count / 4 + 1)
            // Tokens never take more bytes than the text they come from.
            tokens.bytes = [UInt8](unsafeUninitializedCapacity: utf8.count) { out, written in
                written = scan(utf8, into: out.baseAddress!, ends: &tokens.ends, lineStarts: &tokens.lineStarts)
            }
            return tokens
        }
    }

    /// Writes the tokens of `text` to `out`, back to back, appending where each ends to `ends` and the
    /// indices of the tokens (other than the first) that follow a line feed to `lineStarts` (rouge-score's
    /// `rougeLsum` splits texts into lines); returns the number of bytes written, at most `text.count`.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, ends: inout [Int], lineStarts: inout [Int]) -> Int {
        var afterLineFeed = false
        var written = 0
        var tokenStart = 0
        let n = text.count
        var i = 0
        while i < n {
            let byte = text[i]
            var separator = false
            if byte < 0x80 {
                if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                    out[written] = byte
                    written += 1
                } else if byte &- 0x41 < 26 {
                    out[written] = byte | 0x20
                    written += 1
                } else {
                    separator = true
                }
                i += 1
            } else if byte == 0xC4 && i + 1 < n && text[i + 1] == 0xB0 {
                // U+0130 → "i" + U+0307, and the combining dot separates.
                out[written] = 0x69
                written += 1
                separator = true
                i += 2
            } else if byte == 0xE2 && i + 2 < n && text[i + 1] == 0x84 && text[i + 2] == 0xAA {
                // U+212A KELVIN SIGN → "k".
                out[written] = 0x6B
                written += 1
                i += 3
            } else {
                separator = true
                i += 1
            }
            if separator && written > tokenStart {
                if afterLineFeed && !ends.isEmpty { lineStarts.append(ends.count) }
                afterLineFeed = false
                ends.append(written)
                tokenStart = written
            }
            // After the token it ends, so that the line feed marks the next token.
            if byte == 0x0A { afterLineFeed = true }
        }
        if written > tokenStart {
            if afterLineFeed && !ends.isEmpty { lineStarts.append(ends.count) }
            ends.append(written)
        }
        return written
    }
}
