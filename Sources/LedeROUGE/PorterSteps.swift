/// The steps of the Porter algorithm as NLTK's `PorterStemmer` runs them in its default mode
/// (`NLTK_EXTENSIONS`), each changing the word in place.
extension PorterWord {
    /// Step 1a: plurals. -sses → -ss, -ies → -i (NLTK: a four-letter -ies word → -ie), -ss stays, -s goes.
    mutating func step1a() {
        if count == 4 && ends(with: "ies") {
            replaceLast(3, with: "ie")
        } else if ends(with: "sses") {
            replaceLast(4, with: "ss")
        } else if ends(with: "ies") {
            replaceLast(3, with: "i")
        } else if ends(with: "ss") {
            return
        } else if ends(with: "s") {
            replaceLast(1, with: "")
        }
    }

    /// Step 1b: -eed, -ed, -ing, and the tidying after them (NLTK: -ied → -ie in a four-letter word, else -i).
    mutating func step1b() {
        if ends(with: "ied") {
            replaceLast(3, with: count == 4 ? "ie" : "i")
            return
        }
        if ends(with: "eed") {
            if measure(count - 3) > 0 { replaceLast(1, with: "") }
            return
        }
        let suffix: Int
        if ends(with: "ed") && containsVowel(count - 2) {
            suffix = 2
        } else if ends(with: "ing") && containsVowel(count - 3) {
            suffix = 3
        } else {
            return
        }
        replaceLast(suffix, with: "")
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            replaceLast(0, with: "e")
        } else if endsWithDoubleConsonant(count) {
            let last = letters[count - 1]
            if last != 0x6C && last != 0x73 && last != 0x7A { replaceLast(1, with: "") }
        } else if measure(count) == 1 && endsWithCVC(count) {
            replaceLast(0, with: "e")
        }
    }

    /// Step 1c: a final y after a consonant becomes i, unless that consonant is the whole stem (NLTK's rule).
    mutating func step1c() {
        if ends(with: "y") && count > 2 && isConsonant(count - 2) {
            replaceLast(1, with: "i")
        }
    }

    /// Step 2: double suffixes to single ones; NLTK first reduces -alli to -al and runs the step again.
    mutating func step2() {
        while ends(with: "alli") && measure(count - 4) > 0 {
            replaceLast(4, with: "al")
        }
        applyFirstMatching(PorterRules.step2)
    }

    /// Step 3: -icate, -ative, -alize, -iciti, -ical, -ful, -ness.
    mutating func step3() {
        applyFirstMatching(PorterRules.step3)
    }

    /// Step 4: removes a suffix when *m* > 1 is left.
    mutating func step4() {
        applyFirstMatching(PorterRules.step4)
    }

    /// Step 5a: removes a final e when *m* > 1, or when *m* = 1 and the stem does not end cvc.
    mutating func step5a() {
        guard ends(with: "e") else { return }
        let m = measure(count - 1)
        if m > 1 || (m == 1 && !endsWithCVC(count - 1)) {
            replaceLast(1, with: "")
        }
    }

    /// Step 5b: -ll → -l when the word without its last letter has *m* > 1.
    mutating func step5b() {
        if ends(with: "ll") && measure(count - 1) > 1 {
            replaceLast(1, with: "")
        }
    }
}
