/// Longest common subsequences of token sequences, for ROUGE-L.
enum LongestCommonSubsequence {
    /// The length of a longest common subsequence of `a` and `b`, token numbers below `alphabet`.
    ///
    /// Bit-parallel (Hyyrö, 2004): one bit per token of the shorter sequence, 64 cells of the dynamic
    /// programme per machine word, so O(|long|·⌈|short|/64⌉) time. The match masks take one row per
    /// distinct token of the shorter sequence; when they would pass `maskWordLimit` words, the classic
    /// O(|a|·|b|)-time, O(min(|a|, |b|))-memory programme runs instead. Both give the same length.
    static func length(_ a: [Int32], _ b: [Int32], alphabet: Int, maskWordLimit: Int = 1 << 20) -> Int {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return 0 }
        let words = (short.count + 63) / 64
        // Row of each token of the shorter sequence in the masks, or -1.
        var row = [Int32](repeating: -1, count: alphabet)
        var rows = 0
        for token in short where row[Int(token)] < 0 {
            row[Int(token)] = Int32(rows)
            rows += 1
        }
        guard rows * words <= maskWordLimit else { return classicLength(a, b) }
        var masks = [UInt64](repeating: 0, count: rows * words)
        for (position, token) in short.enumerated() {
            masks[Int(row[Int(token)]) * words + position >> 6] |= 1 << UInt64(position & 63)
        }
        // Bit k of `v` is 0 where the LCS length grows at position k of the shorter sequence.
        var v = [UInt64](repeating: ~0, count: words)
        v.withUnsafeMutableBufferPointer { v in
            masks.withUnsafeBufferPointer { masks in
                row.withUnsafeBufferPointer { row in
                    for token in long {
                        let r = Int(row[Int(token)])
                        if r < 0 { continue }  // no match: v stays as it is
                        let m = masks.baseAddress! + r * words
                        var carry: UInt64 = 0
                        for w in 0..<words {
                            let x = v[w], u = x & m[w]
                            let (partial, overflow1) = x.addingReportingOverflow(u)
                            let (sum, overflow2) = partial.addingReportingOverflow(carry)
                            carry = (overflow1 || overflow2) ? 1 : 0
                            v[w] = sum | (x & ~m[w])
                        }
                    }
                }
            }
        }
        // Bits past the shorter sequence stay 1 (their masks are 0), so every 0 bit counts.
        return v.reduce(0) { $0 + 64 - $1.nonzeroBitCount }
    }

    /// The length of a longest common subsequence by the classic dynamic programme, keeping one row over
    /// the shorter sequence. O(|a|·|b|) time, O(min(|a|, |b|)) memory.
    static func classicLength(_ a: [Int32], _ b: [Int32]) -> Int {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return 0 }
        var row = [Int32](repeating: 0, count: short.count + 1)
        row.withUnsafeMutableBufferPointer { row in
            short.withUnsafeBufferPointer { short in
                for token in long {
                    var diagonal: Int32 = 0  // row[j] of the previous pass
                    var left: Int32 = 0  // row[j] of this pass
                    for j in 0..<short.count {
                        let up = row[j + 1]
                        let value = short[j] == token ? diagonal + 1 : max(up, left)
                        row[j + 1] = value
                        diagonal = up
                        left = value
                    }
                }
            }
        }
        return Int(row[short.count])
    }

    /// The positions in `reference` of one longest common subsequence with `candidate`, chosen as
    /// rouge-score's `_backtrack_norec` chooses it (from the end: take a match, else move along the
    /// candidate when that keeps a strictly longer subsequence, else along the reference), marked in
    /// `used`. `table` is scratch. O(|reference|·|candidate|) time and memory.
    static func markPositions(reference: ArraySlice<Int32>, candidate: ArraySlice<Int32>, table: inout [Int32], used: inout [Bool]) {
        let rows = reference.count, columns = candidate.count
        guard rows > 0 && columns > 0 else { return }
        let width = columns + 1
        let size = (rows + 1) * width
        if table.count < size { table = [Int32](repeating: 0, count: size) }
        let r = reference.startIndex, c = candidate.startIndex
        table.withUnsafeMutableBufferPointer { t in
            for j in 0...columns { t[j] = 0 }
            for i in 1...rows {
                t[i * width] = 0
                let token = reference[r + i - 1]
                for j in 1...columns {
                    t[i * width + j] = candidate[c + j - 1] == token
                        ? t[(i - 1) * width + j - 1] + 1
                        : max(t[(i - 1) * width + j], t[i * width + j - 1])
                }
            }
            var i = rows, j = columns
            while i > 0 && j > 0 {
                if reference[r + i - 1] == candidate[c + j - 1] {
                    used[i - 1] = true
                    i -= 1
                    j -= 1
                } else if t[i * width + j - 1] > t[(i - 1) * width + j] {
                    j -= 1
                } else {
                    i -= 1
                }
            }
        }
    }
}
