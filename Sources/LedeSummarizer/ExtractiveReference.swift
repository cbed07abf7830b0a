import LedeSentences

/// Which of an article's sentences make up a reference summary that was built by copying
/// sentences (as BBC's references were): the reference, white space removed, must be exactly a
/// concatenation of whole segments of the article, white space removed, in any order.
package enum ExtractiveReference {
    /// The indices of the article's segments that spell out `reference`, or nil when it is not made of
    /// whole segments. Depth-first over positions in the reference, longest segment first, remembering
    /// positions that lead nowhere, so it is linear in practice.
    package static func sentences(of reference: String, in text: String, segments: [Range<Int>]) -> Set<Int>? {
        let target = Array(reference.utf8.filter { !isSpace($0) })
        guard !target.isEmpty else { return nil }
        let textBytes = Array(text.utf8)
        let pieces = segments.map { range in textBytes[range].filter { !isSpace($0) } }
        // Segments by their first byte, longest first, for quick candidate lookup.
        var byFirstByte: [UInt8: [Int]] = [:]
        for (i, piece) in pieces.enumerated() where !piece.isEmpty { byFirstByte[piece[0], default: []].append(i) }
        for key in byFirstByte.keys { byFirstByte[key]!.sort { pieces[$0].count > pieces[$1].count } }

        var deadEnds = Set<Int>()
        var chosen: [Int] = []
        func extend(from position: Int) -> Bool {
            if position == target.count { return true }
            if deadEnds.contains(position) { return false }
            for i in byFirstByte[target[position]] ?? [] where !chosen.contains(i) {
                let piece = pieces[i]
                guard position + piece.count <= target.count,
                      target[position..<position + piece.count].elementsEqual(piece) else { continue }
                chosen.append(i)
                if extend(from: position + piece.count) { return true }
                chosen.removeLast()
            }
            deadEnds.insert(position)
            return false
        }
        return extend(from: 0) ? Set(chosen) : nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
}
