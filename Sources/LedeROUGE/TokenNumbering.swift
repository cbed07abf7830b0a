import LedeText

/// The tokens of one text as numbers, and where its lines start.
struct NumberedTokens {
    /// Token numbers, in text order; equal numbers are equal (stemmed) tokens.
    var ids: [Int32] = []
    /// Index into `ids` where each line after the first starts (lines split at line feeds); lines without
    /// tokens are left out, as they add nothing to any score.
    var lineStarts: [Int] = []

    /// The token numbers of each line that has tokens.
    var lines: [ArraySlice<Int32>] {
        var result: [ArraySlice<Int32>] = []
        var start = 0
        for end in lineStarts + [ids.count] where end > start {
            result.append(ids[start..<end])
            start = end
        }
        return result
    }
}

/// Turns texts into token numbers shared across the texts it has seen: each distinct token is stemmed
/// once and mapped to the number of its stem. One per scoring call (candidate and reference).
struct TokenNumbering {
    /// Whether tokens longer than three characters are stemmed (rouge-score's `use_stemmer`).
    let stemming: Bool
    /// Distinct tokens as written (after lower-casing).
    private let tokens = ByteKeyTable(capacity: 64, keyBytes: 512)
    /// Distinct stems; their numbers are the token numbers handed out.
    private let stems = ByteKeyTable(capacity: 64, keyBytes: 512)
    /// `stemOfToken[t]` is the stem number of token `t`.
    private var stemOfToken: [Int32] = []
    /// Scratch for the stemmer.
    private var word = PorterWord([])
    private var stemBytes: [UInt8] = []

    /// Creates an empty numbering.
    init(stemming: Bool) {
        self.stemming = stemming
    }

    /// Number of distinct token numbers handed out so far.
    var count: Int { stems.count }

    /// The tokens of `text`, numbered. O(bytes) plus one stemming per new distinct token.
    ///
    /// A Porter stem of a token longer than three characters is never empty (every rule that removes
    /// letters needs a vowel or a positive measure in what stays), so rouge-score's final filter of empty
    /// tokens never drops one and the scanner's tokens map one to one to numbers.
    mutating func number(_ text: String) -> NumberedTokens {
        let scanned = ROUGETokenScanner.scan(text)
        var result = NumberedTokens()
        result.ids.reserveCapacity(scanned.count)
        result.lineStarts = scanned.lineStarts
        scanned.bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<scanned.count {
                let start = scanned.start(i)
                result.ids.append(number(UnsafeBufferPointer(rebasing: bytes[start..<scanned.ends[i]])))
            }
        }
        return result
    }

    /// The number of one token.
    private mutating func number(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard stemming else { return Self.intern(token, into: stems).id }
        let (id, isNew) = Self.intern(token, into: tokens)
        if !isNew { return stemOfToken[Int(id)] }
        let stem: Int32
        if token.count > 3 {
            word.letters.removeAll(keepingCapacity: true)
            for byte in token { word.letters.append(UInt32(byte)) }
            PorterStemmer().stem(&word, originalLength: token.count)
            stemBytes.removeAll(keepingCapacity: true)
            for letter in word.letters { stemBytes.append(UInt8(truncatingIfNeeded: letter)) }
            stem = stemBytes.withUnsafeBufferPointer { Self.intern($0, into: stems).id }
        } else {
            stem = Self.intern(token, into: stems).id
        }
        stemOfToken.append(stem)
        return stem
    }

    /// The number of `bytes` in `table` (0, 1, 2, … in order of first appearance), and whether it was new.
    private static func intern(_ bytes: UnsafeBufferPointer<UInt8>, into table: ByteKeyTable) -> (id: Int32, isNew: Bool) {
        let p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let found = table.intern(p, bytes.count, hash: ByteHash.hash(p, bytes.count))
        return (Int32(found.entry), found.inserted)
    }
}
