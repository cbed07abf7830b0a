/// What an element's `class` and `id` say about its content: words such as "article" or "story" hint at
/// the article, words such as "comment", "share" or "related" at boilerplate.
enum ClassHint: Int8 {
    case none = 0, positive = 1, negative = -1

    /// The hint of a `class` or `id` value (NUL-terminated): split into ASCII letter-and-digit words
    /// (case folded, camel case split); a negative word wins over a positive one.
    static func of(_ value: UnsafePointer<UInt8>) -> ClassHint {
        var result = ClassHint.none
        var word: [UInt8] = []
        word.reserveCapacity(24)
        var i = 0
        while true {
            let b = value[i]
            let isLower = b >= 0x61 && b <= 0x7A, isUpper = b >= 0x41 && b <= 0x5A, isDigit = b >= 0x30 && b <= 0x39
            if isUpper, let last = word.last, last >= 0x61 && last <= 0x7A {
                // camelCase: a new word starts at the capital.
                if judge(word) == .negative { return .negative }
                if judge(word) == .positive { result = .positive }
                word.removeAll(keepingCapacity: true)
            }
            if isLower || isDigit { word.append(b) } else if isUpper { word.append(b | 0x20) } else {
                if !word.isEmpty {
                    let hint = judge(word)
                    if hint == .negative { return .negative }
                    if hint == .positive { result = .positive }
                    word.removeAll(keepingCapacity: true)
                }
                if b == 0 { return result }
            }
            i += 1
            if i > 512 { return result }
        }
    }

    static func judge(_ word: [UInt8]) -> ClassHint {
        if negativeWords.contains(word) { return .negative }
        if positiveWords.contains(word) { return .positive }
        for prefix in negativePrefixes where word.count >= prefix.count && word.starts(with: prefix) { return .negative }
        for prefix in positivePrefixes where word.count >= prefix.count && word.starts(with: prefix) { return .positive }
        return .none
    }

    private static let negativeWords: Set<[UInt8]> = Set([
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
        "image", "img", "photo", "figure", "thumb", "thumbnail", "icon",
    ].map { Array($0.utf8) })

    private static let positiveWords: Set<[UInt8]> = Set([
        "article", "articles", "content", "contents", "story", "stories", "body", "entry", "post", "text",
        "main", "blog", "prose", "richtext", "copy", "paragraph", "paragraphs", "articlebody", "storybody",
        "postbody", "entrycontent", "maincontent", "bodytext", "page",
    ].map { Array($0.utf8) })

    private static let negativePrefixes: [[UInt8]] = [
        "comment", "sharing", "share", "social", "related", "promo", "footer", "sidebar", "newsletter",
        "subscri", "cookie", "caption", "advert", "sponsor", "breadcrumb", "recommend", "outbrain", "taboola",
        "navigation", "popup", "byline",
    ].map { Array($0.utf8) }

    private static let positivePrefixes: [[UInt8]] = [
        "article", "story", "content", "entry", "bodytext",
    ].map { Array($0.utf8) }
}
