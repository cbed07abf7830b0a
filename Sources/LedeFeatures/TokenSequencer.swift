import LedeText

/// Phase one of counting, one worker's share of a chunk of documents: tokenizes each document and writes
/// its terms' token ids, in order, into one id sequence (word mode: one id per token; character mode: one
/// per character n-gram). Ids come from the corpus-wide token dictionary, which all workers read and add
/// to at once; when the room it set aside for the chunk is used up, a token not in it gets a provisional id
/// (high bit set) from this worker's table of new tokens, made final by `CorpusCounter` between the two
/// phases.
final class TokenSequencer {
    static let provisional: UInt32 = 1 << 31

    let analyzer: TextAnalyzer
    private let characterSizes: ClosedRange<Int>?
    private let dictionary: TokenDictionary
    /// Tokens of this chunk that found no room in the dictionary; the value is the provisional index.
    @exclusivity(unchecked) private(set) var newTokens = ByteKeyTable()
    /// The token ids of this chunk's documents, one after the other.
    let ids = GrowableArray<UInt32>(capacity: 1 << 16)
    /// Where each of this chunk's documents ends in `ids`.
    let documentEnds = GrowableArray<Int>()
    /// Ill-formed UTF-8 sequences met (all chunks).
    @exclusivity(unchecked) var invalidUTF8 = 0
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// Whether the dictionary's room for this chunk ran out (then new tokens are only looked up).
    @exclusivity(unchecked) private var dictionaryFull = false
    private let buffer = TokenBuffer(blockTokenLimit: 1024, blockByteLimit: 16 << 10)   // small blocks stay in cache until looked up
    private var scalarStarts: [Int] = []

    init(analyzer: TextAnalyzer, dictionary: TokenDictionary) {
        self.analyzer = analyzer
        self.dictionary = dictionary
        if case .charactersWithinWords(let sizes) = analyzer.terms { characterSizes = sizes } else { characterSizes = nil }
    }

    /// Forgets the previous chunk.
    func beginChunk() {
        ids.shrink(to: 0)
        documentEnds.shrink(to: 0)
        newTokens = ByteKeyTable()
        dictionaryFull = false
    }

    /// Number of documents of this chunk done.
    var documentCount: Int { documentEnds.count }

    /// Adds a piece of the current document's text (pieces behave as if joined by a line break).
    func addText(_ text: UnsafeBufferPointer<UInt8>) {
        invalidUTF8 += analyzer.tokenize(text, into: buffer) { self.consume($0) }
    }

    /// Ends the current document.
    func endDocument() {
        documentEnds.append(ids.count)
    }

    @inline(__always) private func id(_ p: UnsafePointer<UInt8>, _ n: Int, _ known: TokenDictionary.View, _ fresh: ByteKeyTable) -> UInt32 {
        let hash = ByteHash.hash(p, n)
        if !dictionaryFull {
            if let id = known.findOrAdd(p, n, hash: hash) { return id }
            dictionaryFull = true
        } else if let id = known.find(p, n, hash: hash) {
            return id
        }
        let local = fresh.findOrInsert(p, n, hash: hash, value: UInt32(truncatingIfNeeded: fresh.count)).value
        precondition(local < Self.provisional, "TokenSequencer: more than 2 billion new tokens in one chunk")
        return Self.provisional | local
    }

    private func consume(_ buffer: TokenBuffer) {
        let known = dictionary.view, fresh = newTokens  // the dictionary does not move while documents are read
        if let sizes = characterSizes {
            for t in 0..<buffer.tokenCount {
                forEachCharacterNGram(ofToken: t, in: buffer, sizes: sizes, scalarStarts: &scalarStarts) { p, n in
                    ids.append(id(p, n, known, fresh))
                }
            }
            return
        }
        ids.reserve(ids.count + buffer.tokenCount)
        for t in 0..<buffer.tokenCount {
            let token = buffer.token(t)
            ids.append(id(token.baseAddress!, token.count, known, fresh))
        }
    }
}
