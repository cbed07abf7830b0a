/// The phrases page furniture is written in (English): whole sentences, and openings with the longest
/// sentence (in words) they may open.
enum BoilerplatePhrases {
    /// Sentences that are furniture whole (their words, joined by single spaces).
    static let whole: Set<String> = [
        "advertisement", "advertising", "advert", "sponsored", "sponsored content", "read more", "read next",
        "read full article", "continue reading", "keep reading", "share", "share this", "share this article",
        "share this story", "share this page", "share on facebook", "share on twitter", "tweet", "email", "print",
        "comments", "comment", "view comments", "show comments", "leave a comment", "leave a reply",
        "skip to content", "skip to main content", "skip to navigation", "menu", "close", "search", "log in",
        "login", "sign in", "sign up", "subscribe", "subscribe now", "more", "related", "related articles",
        "related stories", "related content", "top stories", "back to top", "next article", "previous article",
        "next", "previous", "getty images", "getty", "reuters", "afp", "ap", "shutterstock", "ap photo",
        "afp getty images", "image", "photo", "video", "loading", "newsletter", "all rights reserved", "accept",
        "accept cookies", "cookie policy", "privacy policy", "terms of use", "terms of service", "contact us",
        "about us", "follow us", "home",
    ]

    /// A sentence opening: any of `first`, then (when given) any of `second` as the next word, or a
    /// character right after (`then`), within `maximumWords`.
    struct Opening {
        var first: [String]
        var second: [String] = []
        var then: Character? = nil
        var maximumWords: Int

        func matches(_ sentence: BoilerplateText) -> Bool {
            for phrase in first {
                if second.isEmpty {
                    if sentence.starts(with: phrase, then: then) { return true }
                } else {
                    for word in second where sentence.starts(with: phrase + " " + word, then: then) { return true }
                }
            }
            return false
        }
    }

    static let captionLabels = [
        "photo", "photograph", "image", "picture", "pic", "credit", "photo credit", "image credit", "image source",
        "source", "caption", "image caption", "media caption", "video caption", "illustration", "graphic", "footage",
    ]

    static let openings: [Opening] = [
        Opening(first: ["skip to"], maximumWords: 8),
        Opening(first: ["jump to"], maximumWords: 6),
        Opening(first: captionLabels, then: ":", maximumWords: 16),
        Opening(first: ["photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures",
                        "illustration", "video"],
                second: ["by", "courtesy", "credit", "copyright", "source"], maximumWords: 16),
        Opening(first: ["image copyright", "image caption", "media caption", "image source"], maximumWords: 25),
        Opening(first: ["copyright"], then: "\u{A9}", maximumWords: 20),
        Opening(first: ["copyright (c)"], maximumWords: 20),
        Opening(first: ["\u{A9}"], maximumWords: 20),
        Opening(first: ["sign up"], second: ["for", "to", "now", "here", "today"], maximumWords: 25),
        Opening(first: ["subscribe"], second: ["to", "for", "now", "here", "today"], maximumWords: 25),
        Opening(first: ["follow us", "follow @", "like us on"], maximumWords: 12),
        Opening(first: ["stay up to date", "keep up to date", "stay in touch", "stay connected", "stay informed",
                        "thank you for subscribing", "thanks for subscribing", "thanks for signing up",
                        "you have successfully subscribed", "you have subscribed"], maximumWords: 15),
        Opening(first: ["download our", "download the"], second: ["app", "free"], maximumWords: 15),
        Opening(first: ["click here", "tap here"], maximumWords: 20),
        Opening(first: ["share"], second: ["this", "on", "via"], maximumWords: 12),
        Opening(first: ["read", "see", "watch", "listen"], second: ["more", "also", "next"],
                maximumWords: 15),
        Opening(first: ["related", "see also", "more", "also read", "watch", "listen", "recommended"], then: ":",
                maximumWords: 15),
        Opening(first: ["advertisement"], maximumWords: 8),
        Opening(first: ["we use cookies", "this site uses cookies", "this website uses cookies", "our site uses cookies",
                        "by continuing to use", "by using this site", "by using this website", "by using our"],
                maximumWords: 40),
        Opening(first: ["home", "news", "sport", "sports", "world"], then: "|", maximumWords: 40),
        Opening(first: ["home", "news", "sport", "sports", "world"], then: "\u{203A}", maximumWords: 40),
        Opening(first: ["home", "news", "sport", "sports", "world"], then: "\u{BB}", maximumWords: 40),
        Opening(first: ["home", "news", "sport", "sports", "world"], then: ">", maximumWords: 40),
        Opening(first: ["home", "news", "sport", "sports", "world"], then: "/", maximumWords: 40),
    ]
}
