/// What a line looks like on its own, before its neighbours are heard.
enum TextPageLineKind: Equatable {
    /// Nothing but white space.
    case blank
    /// A paragraph of prose: long, or of sentence length ending as a sentence does, with function words.
    case text
    /// A short sentence (ends as one, few capitals): kept inside the article, no evidence on its own.
    case sentence
    /// Anything else short: a menu item, a byline, a date, a heading.
    case short
    /// A menu or breadcrumb ("Home | World | Sport"), furniture ("Advertisement", "Photo: ..."), a
    /// slideshow's caption ("2 of 4 ...").
    case furniture
    /// A line that opens what follows an article: comments, related stories, tags ("3 Comments",
    /// "Related Articles", "Leave a Reply", "jdoe says:").
    case sectionBreak

    /// Whether `text` opens as a slideshow's caption does: "3 of 12 ...".
    static func isGalleryCaption(_ text: Substring) -> Bool {
        let first = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard !first.isEmpty, text.dropFirst(first.count).hasPrefix(" of ") else { return false }
        let rest = text.dropFirst(first.count + 4)
        let second = rest.prefix(while: { $0.isASCII && $0.isNumber })
        return !second.isEmpty && (rest.count == second.count || rest.dropFirst(second.count).first == " ")
    }

    /// Lengths (words) for prose: a line this long is prose unless it looks like a list...
    static let longLength = 20
    /// ...and one this long ending as a sentence, with function words or few capitals.
    static let sentenceLength = 8
    /// The shortest line ending as a sentence that may be one.
    static let shortSentenceLength = 4

    init(_ line: TextPageLine) {
        if line.isBlank { self = .blank; return }
        if line.separators >= 2 { self = .furniture; return }
        if TextPageSectionBreaks.opensSection(line) { self = .sectionBreak; return }
        if BoilerplateSentence.looksLikeBoilerplate(line.text) || Self.isGalleryCaption(line.text) {
            self = .furniture
            return
        }
        if line.length >= Self.longLength,
           line.endsLikeSentence || line.stopWordShare > 0.2 || line.capitalisedShare < 0.4 {
            self = .text
        } else if line.length >= Self.sentenceLength, line.endsLikeSentence,
                  line.stopWordShare >= 0.15 || line.capitalisedShare < 0.5 {
            self = .text
        } else if line.length >= Self.shortSentenceLength, line.endsLikeSentence, line.capitalisedShare < 0.6 {
            self = .sentence
        } else {
            self = .short
        }
    }
}
