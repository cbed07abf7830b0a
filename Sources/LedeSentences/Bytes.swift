// Byte-level facts about UTF-8 text that the segmenter asks many times: white space, line breaks,
// letter case, quotes and brackets. Everything here reads a few bytes at a given position and
// never more, so every question is O(1).

/// Bytes with a name, so the scanning code reads as text rather than as numbers.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let verticalTab: UInt8 = 0x0B
    static let formFeed: UInt8 = 0x0C
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let exclamation: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let leftParen: UInt8 = 0x28
    static let rightParen: UInt8 = 0x29
    static let asterisk: UInt8 = 0x2A
    static let comma: UInt8 = 0x2C
    static let hyphen: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let leftBracket: UInt8 = 0x5B
    static let rightBracket: UInt8 = 0x5D
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D
}

/// The case of the letter that starts at some position, as far as the segmenter cares.
enum LetterCase: UInt8 {
    case upper, lower, none

    // Concrete comparisons: the generic `!=` of `Equatable` is not always specialized, and these
    // are asked in the hot path.
    @inline(__always) static func == (a: LetterCase, b: LetterCase) -> Bool { a.rawValue == b.rawValue }
    @inline(__always) static func != (a: LetterCase, b: LetterCase) -> Bool { a.rawValue != b.rawValue }
}

/// What a break between lines amounts to.
enum LineBreak: UInt8 {
    /// Not a line break.
    case none
    /// One line break: a new line within a paragraph.
    case line
    /// A paragraph separator by itself (U+2029) or a form feed.
    case paragraph

    @inline(__always) static func == (a: LineBreak, b: LineBreak) -> Bool { a.rawValue == b.rawValue }
    @inline(__always) static func != (a: LineBreak, b: LineBreak) -> Bool { a.rawValue != b.rawValue }
}

/// Read-only questions about the bytes of one text. Out-of-range positions answer "nothing there".
struct TextBytes {
    let base: UnsafeBufferPointer<UInt8>
    let count: Int

    init(_ base: UnsafeBufferPointer<UInt8>) {
        self.base = base
        self.count = base.count
    }

    @inline(__always)
    subscript(_ i: Int) -> UInt8 { base[i] }

    /// The byte at `i`, or 0 when `i` is outside the text.
    @inline(__always)
    func byte(_ i: Int) -> UInt8 { i >= 0 && i < count ? base[i] : 0 }

    // MARK: White space

    /// Length in bytes of the white-space character starting at `i`, or 0 when there is none.
    ///
    /// White space is ASCII space, tab, the line breaks, NEL, no-break space, the Unicode spaces
    /// U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and the byte-order mark.
    @inline(__always)
    func whiteSpaceLength(at i: Int) -> Int {
        let b = byte(i)
        switch b {
        case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn, ASCII.verticalTab, ASCII.formFeed:
            return 1
        case 0xC2:
            let c = byte(i + 1)
            return c == 0xA0 || c == 0x85 ? 2 : 0
        case 0xE2:
            let c = byte(i + 1), d = byte(i + 2)
            if c == 0x80 && (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) && d >= 0x80 { return 3 }
            if c == 0x81 && d == 0x9F { return 3 }
            return 0
        case 0xE3:
            return byte(i + 1) == 0x80 && byte(i + 2) == 0x80 ? 3 : 0
        case 0xEF:
            return byte(i + 1) == 0xBB && byte(i + 2) == 0xBF ? 3 : 0
        default:
            return 0
        }
    }

    /// Length in bytes of the white-space character that ends just before `end`, or 0.
    @inline(__always)
    func whiteSpaceLength(before end: Int) -> Int {
        let b = byte(end - 1)
        if b < 0x80 {
            return whiteSpaceLength(at: end - 1)
        }
        if end - 2 >= 0 && byte(end - 2) == 0xC2 { return whiteSpaceLength(at: end - 2) == 2 ? 2 : 0 }
        if end - 3 >= 0 { return whiteSpaceLength(at: end - 3) == 3 ? 3 : 0 }
        return 0
    }

    /// Whether the byte at `i` starts a white-space character.
    @inline(__always)
    func isWhiteSpace(_ i: Int) -> Bool { whiteSpaceLength(at: i) > 0 }

    /// Whether a space, tab or other white space that is not a line break starts at `i`.
    @inline(__always)
    func isHorizontalSpace(_ i: Int) -> Bool {
        whiteSpaceLength(at: i) > 0 && lineBreak(at: i).kind == .none
    }

    /// The line break starting at `i` and its length: CR LF counts as one break.
    @inline(__always)
    func lineBreak(at i: Int) -> (kind: LineBreak, length: Int) {
        switch byte(i) {
        case ASCII.lineFeed, ASCII.verticalTab:
            return (.line, 1)
        case ASCII.carriageReturn:
            return (.line, byte(i + 1) == ASCII.lineFeed ? 2 : 1)
        case ASCII.formFeed:
            return (.paragraph, 1)
        case 0xC2:
            return byte(i + 1) == 0x85 ? (.line, 2) : (.none, 0)
        case 0xE2:
            guard byte(i + 1) == 0x80 else { return (.none, 0) }
            let d = byte(i + 2)
            return d == 0xA8 ? (.line, 3) : d == 0xA9 ? (.paragraph, 3) : (.none, 0)
        default:
            return (.none, 0)
        }
    }

    /// The first position at or after `i` that is not white space (or `count`).
    @inline(__always)
    func skipWhiteSpace(from i: Int) -> Int {
        var j = i
        while j < count {
            let w = whiteSpaceLength(at: j)
            if w == 0 { break }
            j += w
        }
        return j
    }

    // MARK: Letters

    /// The case of the letter starting at `i`: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
    /// letters are told apart; anything else (digits, symbols, other scripts, bad bytes) is `.none`.
    @inline(__always)
    func letterCase(at i: Int) -> LetterCase {
        let b = byte(i)
        if b >= 0x61 && b <= 0x7A { return .lower }
        if b >= 0x41 && b <= 0x5A { return .upper }
        if b < 0xC3 || b > 0xD1 { return .none }
        let c = byte(i + 1)
        guard c & 0xC0 == 0x80 else { return .none }
        let scalar = (UInt32(b & 0x1F) << 6) | UInt32(c & 0x3F)
        switch scalar {
        case 0xC0...0xDE: return scalar == 0xD7 ? .none : .upper
        case 0xDF...0xFF: return scalar == 0xF7 ? .none : .lower
        case 0x100...0x137, 0x14A...0x177:
            return scalar & 1 == 0 ? .upper : .lower
        case 0x139...0x148, 0x179...0x17E:
            return scalar & 1 == 1 ? .upper : .lower
        case 0x138, 0x149, 0x17F: return .lower
        case 0x178: return .upper
        case 0x386, 0x388...0x38F, 0x391...0x3AB: return .upper
        case 0x3AC...0x3CE: return .lower
        case 0x400...0x42F: return .upper
        case 0x430...0x45F: return .lower
        default: return .none
        }
    }

    /// Byte length of the UTF-8 character starting at `i` (1 for ASCII and for stray bytes).
    @inline(__always)
    func characterLength(at i: Int) -> Int {
        let b = byte(i)
        let n = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return n
    }

    @inline(__always)
    func isASCIILetter(_ i: Int) -> Bool {
        let b = byte(i) | 0x20
        return b >= 0x61 && b <= 0x7A
    }

    @inline(__always)
    func isDigit(_ i: Int) -> Bool {
        let b = byte(i)
        return b >= 0x30 && b <= 0x39
    }

    // MARK: Punctuation

    /// Length of a sentence-ending mark at `i` (`.`, `?`, `!`, `…`, `‽`, and the fullwidth and
    /// ideographic `。！？`), or 0.
    @inline(__always)
    func terminalLength(at i: Int) -> Int {
        switch byte(i) {
        case ASCII.dot, ASCII.question, ASCII.exclamation: return 1
        case 0xE2:
            guard byte(i + 1) == 0x80 else { return 0 }
            let d = byte(i + 2)
            return d == 0xA6 || d == 0xBD ? 3 : 0
        case 0xE3:
            return byte(i + 1) == 0x80 && byte(i + 2) == 0x82 ? 3 : 0
        case 0xEF:
            guard byte(i + 1) == 0xBC else { return 0 }
            let d = byte(i + 2)
            return d == 0x81 || d == 0x9F ? 3 : 0
        default: return 0
        }
    }

    /// Whether the terminal mark at `i` is ideographic or fullwidth (text that uses no spaces).
    @inline(__always)
    func isWideTerminal(at i: Int) -> Bool {
        let b = byte(i)
        return b == 0xE3 || b == 0xEF
    }

    /// Length of an unambiguous closing quote or bracket at `i` (`)`, `]`, `}`, `”`, `’`, `»`, `›`,
    /// `」`, `』`, `）`), or 0. Straight quotes are decided by the caller.
    @inline(__always)
    func closerLength(at i: Int) -> Int {
        switch byte(i) {
        case ASCII.rightParen, ASCII.rightBracket, ASCII.rightBrace: return 1
        case 0xC2: return byte(i + 1) == 0xBB ? 2 : 0
        case 0xE2:
            guard byte(i + 1) == 0x80 else { return 0 }
            let d = byte(i + 2)
            return d == 0x9D || d == 0x99 || d == 0xBA ? 3 : 0
        case 0xE3:
            guard byte(i + 1) == 0x80 else { return 0 }
            let d = byte(i + 2)
            return d == 0x8D || d == 0x8F ? 3 : 0
        case 0xEF:
            return byte(i + 1) == 0xBC && byte(i + 2) == 0x89 ? 3 : 0
        default: return 0
        }
    }

    /// Length of an opening quote or bracket at `i` (`"`, `'`, `(`, `[`, `{`, `“`, `‘`, `«`, `‹`,
    /// `「`, `『`, `（`), or 0.
    @inline(__always)
    func openerLength(at i: Int) -> Int {
        switch byte(i) {
        case ASCII.doubleQuote, ASCII.apostrophe, ASCII.leftParen, ASCII.leftBracket, ASCII.leftBrace: return 1
        case 0xC2: return byte(i + 1) == 0xAB ? 2 : 0
        case 0xE2:
            guard byte(i + 1) == 0x80 else { return 0 }
            let d = byte(i + 2)
            return d == 0x9C || d == 0x98 || d == 0xB9 ? 3 : 0
        case 0xE3:
            guard byte(i + 1) == 0x80 else { return 0 }
            let d = byte(i + 2)
            return d == 0x8C || d == 0x8E ? 3 : 0
        case 0xEF:
            return byte(i + 1) == 0xBC && byte(i + 2) == 0x88 ? 3 : 0
        default: return 0
        }
    }

    /// Whether a list bullet starts at `i`: `-`, `*`, `•`, `–` or `—` followed by a space.
    @inline(__always)
    func isBullet(at i: Int) -> Bool {
        let b = byte(i)
        if b == ASCII.hyphen || b == ASCII.asterisk {
            return isHorizontalSpace(i + 1)
        }
        if b == 0xE2 && byte(i + 1) == 0x80 {
            let d = byte(i + 2)
            if d == 0xA2 || d == 0x93 || d == 0x94 { return isHorizontalSpace(i + 3) }
        }
        return false
    }
}
