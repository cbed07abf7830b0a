/// One suffix rule of steps 2–4: when a word ends with `suffix` and the condition holds for what is left,
/// the suffix becomes `replacement`.
struct PorterRule: Sendable {
    /// When a rule applies, judged on the stem left once the suffix is removed.
    enum Condition: Sendable {
        /// *m* > 0.
        case measureAboveZero
        /// *m* > 1.
        case measureAboveOne
        /// *m* > 1 and the stem ends with s or t (step 4's -ion).
        case measureAboveOneEndingST
        /// NLTK's -logi: *m* > 0 of the stem followed by its "l".
        case measureAboveZeroKeepingL
    }

    /// The suffix looked for.
    let suffix: StaticString
    /// What replaces it.
    let replacement: StaticString
    /// When the rule applies.
    let condition: Condition
    /// The suffix's last letter, compared before the whole suffix.
    let lastLetter: UInt32

    /// Creates a rule.
    init(_ suffix: StaticString, _ replacement: StaticString, _ condition: Condition) {
        self.suffix = suffix
        self.replacement = replacement
        self.condition = condition
        lastLetter = UInt32(suffix.utf8Start[suffix.utf8CodeUnitCount - 1])
    }
}

/// The rule lists of steps 2, 3 and 4, in the order NLTK tries them (the first suffix that matches decides,
/// whether or not its condition holds).
enum PorterRules {
    /// Step 2, with NLTK's changes: -bli (not -abli) → -ble, and the extra -fulli and -logi.
    static let step2: [PorterRule] = [
        PorterRule("ational", "ate", .measureAboveZero),
        PorterRule("tional", "tion", .measureAboveZero),
        PorterRule("enci", "ence", .measureAboveZero),
        PorterRule("anci", "ance", .measureAboveZero),
        PorterRule("izer", "ize", .measureAboveZero),
        PorterRule("bli", "ble", .measureAboveZero),
        PorterRule("alli", "al", .measureAboveZero),
        PorterRule("entli", "ent", .measureAboveZero),
        PorterRule("eli", "e", .measureAboveZero),
        PorterRule("ousli", "ous", .measureAboveZero),
        PorterRule("ization", "ize", .measureAboveZero),
        PorterRule("ation", "ate", .measureAboveZero),
        PorterRule("ator", "ate", .measureAboveZero),
        PorterRule("alism", "al", .measureAboveZero),
        PorterRule("iveness", "ive", .measureAboveZero),
        PorterRule("fulness", "ful", .measureAboveZero),
        PorterRule("ousness", "ous", .measureAboveZero),
        PorterRule("aliti", "al", .measureAboveZero),
        PorterRule("iviti", "ive", .measureAboveZero),
        PorterRule("biliti", "ble", .measureAboveZero),
        PorterRule("fulli", "ful", .measureAboveZero),
        PorterRule("logi", "log", .measureAboveZeroKeepingL),
    ]

    /// Step 3.
    static let step3: [PorterRule] = [
        PorterRule("icate", "ic", .measureAboveZero),
        PorterRule("ative", "", .measureAboveZero),
        PorterRule("alize", "al", .measureAboveZero),
        PorterRule("iciti", "ic", .measureAboveZero),
        PorterRule("ical", "ic", .measureAboveZero),
        PorterRule("ful", "", .measureAboveZero),
        PorterRule("ness", "", .measureAboveZero),
    ]

    /// Step 4.
    static let step4: [PorterRule] = [
        PorterRule("al", "", .measureAboveOne),
        PorterRule("ance", "", .measureAboveOne),
        PorterRule("ence", "", .measureAboveOne),
        PorterRule("er", "", .measureAboveOne),
        PorterRule("ic", "", .measureAboveOne),
        PorterRule("able", "", .measureAboveOne),
        PorterRule("ible", "", .measureAboveOne),
        PorterRule("ant", "", .measureAboveOne),
        PorterRule("ement", "", .measureAboveOne),
        PorterRule("ment", "", .measureAboveOne),
        PorterRule("ent", "", .measureAboveOne),
        PorterRule("ion", "", .measureAboveOneEndingST),
        PorterRule("ou", "", .measureAboveOne),
        PorterRule("ism", "", .measureAboveOne),
        PorterRule("ate", "", .measureAboveOne),
        PorterRule("iti", "", .measureAboveOne),
        PorterRule("ous", "", .measureAboveOne),
        PorterRule("ive", "", .measureAboveOne),
        PorterRule("ize", "", .measureAboveOne),
    ]
}

extension PorterWord {
    /// Applies the first rule of `rules` whose suffix the word ends with, if its condition holds; later
    /// rules are not tried once a suffix matched.
    mutating func applyFirstMatching(_ rules: [PorterRule]) {
        guard let last = letters.last else { return }
        for rule in rules where rule.lastLetter == last && ends(with: rule.suffix) {
            let stem = count - rule.suffix.utf8CodeUnitCount
            let holds: Bool
            switch rule.condition {
            case .measureAboveZero: holds = measure(stem) > 0
            case .measureAboveOne: holds = measure(stem) > 1
            case .measureAboveOneEndingST:
                holds = measure(stem) > 1 && (letters[stem - 1] == 0x73 || letters[stem - 1] == 0x74)
            case .measureAboveZeroKeepingL: holds = measure(stem + 1) > 0
            }
            if holds { replaceLast(rule.suffix.utf8CodeUnitCount, with: rule.replacement) }
            return
        }
    }
}
