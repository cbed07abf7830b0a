/// Turns what a page says about itself into an ``ExtractedPage``'s headline, date, language and URL.
struct MetadataResolver {
    var metadata: PageMetadata
    /// The text of the page's first `<h1>`, when it has one.
    var firstHeading: String?

    /// The headline: `og:title`, else the first `<h1>`, else `twitter:title`, else `<title>`; the site's
    /// name cut off.
    var title: String {
        for candidate in [metadata.openGraphTitle, firstHeading, metadata.twitterTitle, metadata.documentTitle] {
            if let candidate, !candidate.isEmpty {
                let cleaned = withoutSiteName(candidate)
                if !cleaned.isEmpty { return cleaned }
            }
        }
        return ""
    }

    /// The publication date as ISO 8601: `article:published_time`, JSON-LD `datePublished`, `<time datetime>`
    /// (or `itemprop="datePublished"`), then other date meta tags; the first that is ISO 8601.
    var date: String? {
        let jsonLD = metadata.jsonLD.lazy.flatMap { JSONLDScanner.strings(forKey: "datePublished", in: $0) }.first
        for candidate in [metadata.publishedTime, jsonLD, metadata.markupDate, metadata.otherDate] {
            if let candidate, let iso = Self.iso8601(candidate) { return iso }
        }
        return nil
    }

    /// The language tag from `<html lang>` (else `content-language` or `og:locale`), when it looks like one.
    var language: String? {
        guard let language = metadata.language else { return nil }
        let tag = language.split(separator: ",").first.map { String($0) } ?? language
        let trimmed = tag.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.count <= 35,
              trimmed.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) })
        else { return nil }
        return trimmed
    }

    /// `<link rel="canonical">`, else `og:url`; absolute http(s) URLs only.
    var url: String? {
        for candidate in [metadata.canonicalURL, metadata.openGraphURL] {
            if let candidate, candidate.hasPrefix("http://") || candidate.hasPrefix("https://") || candidate.hasPrefix("//") {
                return candidate.hasPrefix("//") ? "https:" + candidate : candidate
            }
        }
        return nil
    }

    /// `value` when it starts as an ISO 8601 date (`YYYY-MM-DD`, then an optional time and zone), trimmed
    /// to that; nil otherwise, and for years before 1900 (placeholders such as `0001-01-01`).
    static func iso8601(_ value: String) -> String? {
        let bytes = Array(value.trimmingSpaces().utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        guard digits(0..<4), bytes.count >= 10, bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) else {
            return nil
        }
        let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30), day = Int(bytes[8] - 0x30) * 10 + Int(bytes[9] - 0x30)
        // Year 1 and the like are placeholders, not dates.
        guard year >= 1900, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var end = 10
        if bytes.count > 10, bytes[10] == 0x54 || bytes[10] == 0x20, digits(11..<13), bytes.count > 13, bytes[13] == 0x3A, digits(14..<16) {
            end = 16
            let allowed: Set<UInt8> = Set(Array("0123456789:.+-Z".utf8))
            while end < bytes.count, allowed.contains(bytes[end]) { end += 1 }
            var out = Array(bytes[0..<end])
            out[10] = 0x54
            // A zone written +hhmm becomes +hh:mm, as the rest of the value is written.
            let n = out.count
            if n >= 21, out[n - 5] == 0x2B || out[n - 5] == 0x2D, out[(n - 4)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                out.insert(0x3A, at: n - 2)
            }
            return String(decoding: out, as: UTF8.self)
        }
        return String(decoding: bytes[0..<end], as: UTF8.self)
    }

    /// `title` without a site name tacked on: a part after (or before) a separator such as " | " or " - "
    /// goes when it is the `og:site_name`, or when it is short (three words or fewer) beside a longer rest.
    func withoutSiteName(_ title: String) -> String {
        var parts = [title]
        for separator in [" | ", " – ", " — ", " - ", " :: ", " » ", " · ", " • "] where parts.count == 1 {
            let split = title.components(separatedBy: separator)
            if split.count > 1 { parts = split }
        }
        guard parts.count > 1 else { return title.trimmingSpaces() }
        let site = metadata.siteName?.lowercased().trimmingSpaces()
        func isSiteName(_ part: String, rest: [String]) -> Bool {
            let p = part.trimmingSpaces()
            if let site, !site.isEmpty, p.lowercased() == site || site.contains(p.lowercased()) && p.count >= 3 { return true }
            let words = p.split(separator: " ").count
            let restLength = rest.reduce(0) { $0 + $1.count }
            return words <= 3 && restLength > p.count * 2
        }
        var kept = parts
        while kept.count > 1, isSiteName(kept[kept.count - 1], rest: Array(kept.dropLast())) { kept.removeLast() }
        while kept.count > 1, isSiteName(kept[0], rest: Array(kept.dropFirst())) { kept.removeFirst() }
        let separator = title.contains(" | ") ? " | " : title.contains(" – ") ? " – " : title.contains(" — ") ? " — " : " - "
        return kept.joined(separator: separator).trimmingSpaces()
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
