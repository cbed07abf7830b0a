/// What an element's `class` and `id` say about its content: words such as "article" or "story" hint at
/// the article, words such as "comment", "share" or "related" at boilerplate.
enum ClassHint: Int8 {
    case none = 0, positive = 1, negative = -1

    /// The hint of a `class` or `id` value (NUL-terminated): split into ASCII letter-and-digit words
    /// (case folded, camel case split); a negative word wins over a positive one. No allocation: each word
    /// is hashed as it is read and looked up, and so is each of its prefixes of a listed length.
    static func of(_ value: UnsafePointer<UInt8>) -> ClassHint {
        var result = ClassHint.none
        var hash = WordTable.seed
        var length = 0
        var previousLower = false
        var prefixHint = ClassHint.none
        var i = 0
        while i < 512 {
            let b = value[i]
            let isLower = b >= 0x61 && b <= 0x7A, isUpper = b >= 0x41 && b <= 0x5A, isDigit = b >= 0x30 && b <= 0x39
            let wordChar = isLower || isUpper || isDigit
            // A word ends at a separator, or before a capital that follows a small letter (camelCase).
            if length > 0 && (!wordChar || (isUpper && previousLower)) {
                let hint = words.hint(hash) ?? prefixHint
                if hint == .negative { return .negative }
                if hint == .positive { result = .positive }
                hash = WordTable.seed
                length = 0
                prefixHint = .none
            }
            if b == 0 { return result }
            if wordChar {
                hash = WordTable.step(hash, isUpper ? b | 0x20 : b)
                length += 1
                if length < 64, prefixLengths & (1 << UInt64(length)) != 0, prefixHint != .negative,
                   let hint = prefixes.hint(hash) {
                    if hint == .negative || prefixHint == .none { prefixHint = hint }
                }
            }
            previousLower = isLower
            i += 1
        }
        return result
    }

    private static let words = WordTable(negativeWords.map { ($0, .negative) } + positiveWords.map { ($0, .positive) })
    private static let prefixes = WordTable(negativePrefixes.map { ($0, .negative) } + positivePrefixes.map { ($0, .positive) })
    private static let prefixLengths: UInt64 = (negativePrefixes + positivePrefixes).reduce(0) { $0 | 1 << UInt64($1.utf8.count) }

    private static let negativeWords = [
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "adsense", "dfp", "gpt", "nav", "navbar",
        "menu", "menus", "footer", "foot", "sidebar", "rail", "aside", "widget", "widgets", "share",
        "sharing", "shares", "social", "related", "promo", "promos", "promoted", "sponsor", "sponsored",
        "newsletter", "newsletters", "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr",
        "caption", "captions", "credit", "credits", "byline", "bylines", "comment", "comments", "disqus",
        "breadcrumb", "breadcrumbs", "masthead", "banner", "popup", "modal", "overlay", "toolbar", "tags",
        "tag", "taglist", "topics", "recommended", "recommendations", "outbrain", "taboola", "trending",
        "popular", "signup", "login", "paywall", "author", "authors", "bio", "meta", "print",
        "email", "facebook", "twitter", "pinterest", "whatsapp", "linkedin", "follow",
        "teaser", "teasers", "carousel", "slider", "gallery", "video", "player", "timestamp", "date",
        "dateline", "pagination", "pager", "disclaimer", "copyright", "legal",
        "contact", "header", "masthead", "logo", "search", "donate", "feedback",
        "headlines", "kicker", "rating", "reactions", "readmore",
        "newsletter", "signin", "register", "affiliate", "shopping", "commerce", "sticky", "cta", "embed",
        "figure",
    ]

    private static let positiveWords = [
        "article", "articles", "content", "contents", "story", "stories", "body", "entry", "post", "text",
        "main", "blog", "prose", "richtext", "copy", "paragraph", "paragraphs", "articlebody", "storybody",
        "postbody", "entrycontent", "maincontent", "bodytext", "page",
    ]

    private static let negativePrefixes = [
        "comment", "sharing", "share", "social", "related", "promo", "footer", "sidebar", "newsletter",
        "subscri", "cookie", "caption", "advert", "sponsor", "breadcrumb", "recommend", "outbrain", "taboola",
        "navigation", "popup", "byline",
    ]

    private static let positivePrefixes = [
        "article", "story", "content", "entry", "bodytext",
    ]
}

/// Words by their 64-bit FNV-1a hash, in a small open-addressed table (collisions between a page's word
/// and a listed one are left to chance: one in 2^64).
struct WordTable: Sendable {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    @inline(__always) static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }

    private var keys: [UInt64]
    private var hints: [ClassHint]
    private let mask: Int

    init(_ entries: [(String, ClassHint)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        hints = Array(repeating: .none, count: size)
        mask = size - 1
        for (word, hint) in entries {
            let hash = word.utf8.reduce(Self.seed, Self.step)
            var slot = Int(truncatingIfNeeded: hash >> 20) & mask
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
            if keys[slot] == 0 { keys[slot] = hash; hints[slot] = hint }
        }
    }

    /// The hint of the word with `hash`, when listed.
    @inline(__always) func hint(_ hash: UInt64) -> ClassHint? {
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while true {
            let key = keys[slot]
            if key == hash { return hints[slot] }
            if key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
