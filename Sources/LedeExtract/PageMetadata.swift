/// What a page says about itself in its head and markup, as found, before it is cleaned up.
struct PageMetadata {
    var openGraphTitle: String?
    var twitterTitle: String?
    var documentTitle: String?
    var siteName: String?
    /// `article:published_time` and its kin.
    var publishedTime: String?
    /// Other date meta tags (`date`, `pubdate`, `dc.date`…), a weaker witness.
    var otherDate: String?
    /// The first `<time datetime>` or `itemprop="datePublished"` value.
    var markupDate: String?
    var language: String?
    var canonicalURL: String?
    var openGraphURL: String?
    /// The raw text of each `<script type="application/ld+json">`.
    var jsonLD: [[UInt8]] = []
}
