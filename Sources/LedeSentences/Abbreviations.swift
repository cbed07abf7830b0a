// The word lists behind the segmenter's decisions at a full stop: abbreviations by how they behave,
// and the words that commonly open an English sentence.

/// How an abbreviation written with a final full stop behaves when a capitalised word follows it.
enum AbbreviationKind: UInt8, Sendable {
    /// A title before a name (Mr., Dr., Gen.): never the end of a sentence.
    case title
    /// Joins what follows (e.g., i.e., vs., approx.): never the end of a sentence.
    case joining
    /// Stands before a number (No. 10, p. 5, Vol. 2): the sentence goes on when a digit follows,
    /// and the full stop ends it otherwise.
    case beforeNumber
    /// A month or weekday (Jan., Sept., Mon.): the sentence goes on before a number or another
    /// date word, and ends otherwise.
    case calendar
    /// Often last in a sentence (Inc., Ltd., Jr., St., U.S., a.m.): the sentence ends only when
    /// a common sentence opener follows ("The", "He", "But", …).
    case trailing
    /// A time of day (a.m., p.m.): like `.trailing`, but it never ends a sentence that opens with
    /// a preposition of time just before it ("At 5 a.m. Mr. Smith went").
    case time
    /// A single letter (J. K. Rowling, George W. Bush): the sentence ends only when a sentence
    /// opener of two or more letters follows.
    case initial

    @inline(__always) static func == (a: AbbreviationKind, b: AbbreviationKind) -> Bool { a.rawValue == b.rawValue }
    @inline(__always) static func != (a: AbbreviationKind, b: AbbreviationKind) -> Bool { a.rawValue != b.rawValue }
}

/// A word of at most 16 ASCII bytes, lower-cased and packed into two integers: a cheap, exact key.
struct WordKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// Packs `bytes[start..<end]`, lower-casing ASCII letters; nil when longer than 16 bytes or
    /// when a byte is not ASCII.
    @inline(__always)
    init?(_ text: TextBytes, _ start: Int, _ end: Int) {
        let length = end - start
        guard length > 0 && length <= 16 else { return nil }
        var i = 0
        while i < length {
            var b = text[start + i]
            guard b < 0x80 else { return nil }
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if i < 8 {
                low |= UInt64(b) << (8 * UInt64(i))
            } else {
                high |= UInt64(b) << (8 * UInt64(i - 8))
            }
            i += 1
        }
    }

    /// Packs a word given as a string (used to build the tables); nil when it does not fit.
    init?(_ word: String) {
        let bytes = Array(word.utf8)
        guard let key = bytes.withUnsafeBufferPointer({ WordKey(TextBytes($0), 0, $0.count) }) else { return nil }
        self = key
    }
}

/// One abbreviation: how it behaves, and whether it counts only when capitalised, a capital then
/// small letters (so "Sun." is the weekday but "sun." the star, "Ms." a title but "MS." an acronym).
struct Abbreviation: Sendable {
    var kind: AbbreviationKind
    var needsCapital: Bool
}

/// The built-in tables, built once.
enum Lexicon {
    /// Abbreviations, keyed by their lower-cased spelling without the final full stop.
    static let abbreviations: [WordKey: Abbreviation] = {
        var table: [WordKey: Abbreviation] = [:]
        func add(_ kind: AbbreviationKind, capital: Bool, _ words: String) {
            for word in words.split(separator: " ") {
                if let key = WordKey(String(word)) {
                    table[key] = Abbreviation(kind: kind, needsCapital: capital)
                }
            }
        }
        add(.title, capital: true, """
            mr mrs ms messrs mme mlle mmes dr drs prof profs rev revd fr gen lt col capt cpt cmdr cdr \
            adm maj sgt cpl pte pvt brig sen rep gov pres supt insp det hon rt mt ft sra srta hr cllr \
            ald lieut comdr
            """)
        add(.joining, capital: false, "e.g i.e cf viz vs approx esp incl resp w.r.t a.k.a aka ca")
        add(.beforeNumber, capital: false, """
            no nos vol vols fig figs pp para paras chap sec sect ref refs tel ext op pt pts eq eqn
            """)
        add(.beforeNumber, capital: true, "art ch ed")
        add(.calendar, capital: true, """
            jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
            """)
        add(.trailing, capital: true, """
            inc ltd corp co cos bros plc llc llp jr sr snr jnr st ave rd blvd sq dept univ assn assoc \
            intl natl govt mfg
            """)
        add(.trailing, capital: false, """
            al est u.s u.k u.n e.u u.s.a ph.d d.c b.a m.a b.sc m.sc l.a n.y u.a.e
            """)
        add(.time, capital: false, "a.m p.m")
        return table
    }()

    /// The byte length of the longest built-in abbreviation.
    static let longestAbbreviation: Int = {
        var longest = 0
        for key in abbreviations.keys {
            var length = 0
            while length < 16 && (length < 8 ? key.low >> (8 * UInt64(length)) : key.high >> (8 * UInt64(length - 8))) & 0xFF != 0 {
                length += 1
            }
            longest = max(longest, length)
        }
        return longest
    }()

    /// Words that commonly open an English sentence and seldom continue a name; after an
    /// abbreviation of the `.trailing` kind or an initial, one of these means a new sentence.
    static let sentenceOpeners: Set<WordKey> = {
        let words = """
            the a an this that these those there then thus it its he she they we i you his her their \
            our my your but and or so yet however meanwhile although though if when while whilst after \
            before since as at in on for from by with without to of under over during despite last next \
            earlier later now today yesterday tomorrow some many most all both each every several such \
            what who why how where which one two three four five six seven eight nine ten other others \
            another also instead indeed still even only not no nor besides former mr mrs ms dr shares analysts
            """
        return Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { WordKey(String($0)) })
    }()

    /// Lower-case words that carry a sentence on after a quoted sentence mark (`"Run!" and we
    /// ran`, `'…free-kick?' or 'do you…'`): conjunctions, prepositions, relatives, forms of "be"
    /// and "have".
    static let continuingWords: Set<WordKey> = {
        let words = """
            and or but nor so yet because as while whilst than then to of in on at for from with without \
            by into onto about after before through during until unless since like via per versus whether \
            though although if which that who whom whose where when is was are were be been being has have \
            had do does did not
            """
        return Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { WordKey(String($0)) })
    }()

    /// Lower-case words that start a new sentence after `?` or `!` even outside quotes: personal
    /// pronouns and verbs of saying, which begin an attribution (`Why? he asked.`) or a sentence
    /// written without its capital.
    static let attributionWords: Set<WordKey> = {
        let words = """
            he she they we i you it said says asked asks added adds told tells replied replies wrote writes \
            recalled explained insisted admitted joked warned cried shouted whispered answered continued \
            claimed argued declared
            """
        return Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { WordKey(String($0)) })
    }()

    /// Prepositions that open a sentence with a time (`At 5 a.m. Mr. Smith went`).
    static let timePrepositions: Set<WordKey> = {
        let words = "at by from until till before after around about since shortly"
        return Set(words.split(separator: " ").compactMap { WordKey(String($0)) })
    }()

    /// Month and weekday names and their abbreviations, for "Mon. Jan. 5" and the like.
    static let calendarWords: Set<WordKey> = {
        let words = """
            january february march april may june july august september october november december \
            jan feb mar apr jun jul aug sep sept oct nov dec \
            monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
            """
        return Set(words.split(separator: " ").compactMap { WordKey(String($0)) })
    }()
}
