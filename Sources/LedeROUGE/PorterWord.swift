/// A word being stemmed: its letters as Unicode scalar values, shortened and extended in place by the
/// steps of the Porter algorithm, with the paper's conditions (the measure *m*, \*v\*, \*d, \*o) as methods.
///
/// A letter is a consonant unless it is a, e, i, o or u, or a y that follows a consonant; a y that starts
/// the word is a consonant. Every other scalar (digits, letters of other scripts) counts as a consonant.
/// The conditions look at a prefix of `count` letters, so that a rule can test the stem left once its
/// suffix is removed without building it.
struct PorterWord {
    /// The letters, lower-case.
    var letters: [UInt32]

    /// Creates a word from its lower-case letters.
    init(_ letters: [UInt32]) {
        self.letters = letters
    }

    /// Number of letters.
    var count: Int { letters.count }

    /// Whether `letter` is one of a, e, i, o, u.
    @inline(__always)
    static func isVowelLetter(_ letter: UInt32) -> Bool {
        letter == 0x61 || letter == 0x65 || letter == 0x69 || letter == 0x6F || letter == 0x75
    }

    /// Whether letter `index` is a consonant. O(length of the run of y's ending at `index`).
    func isConsonant(_ index: Int) -> Bool {
        let letter = letters[index]
        if Self.isVowelLetter(letter) { return false }
        if letter != 0x79 { return true }
        // A y takes the opposite kind of the letter before it; walk back over a run of y's.
        var i = index
        var flipped = false
        while i > 0 && letters[i] == 0x79 {
            flipped.toggle()
            i -= 1
        }
        return !Self.isVowelLetter(letters[i]) != flipped
    }

    /// The measure *m* of the first `prefix` letters: how many times a vowel is followed by a consonant
    /// (the form [C](VC)^m[V]). O(prefix).
    func measure(_ prefix: Int) -> Int {
        var m = 0
        var previousIsVowel = false
        for i in 0..<prefix {
            let letter = letters[i]
            let consonant = Self.isVowelLetter(letter) ? false : (letter != 0x79 || i == 0 || previousIsVowel)
            if consonant && previousIsVowel { m += 1 }
            previousIsVowel = !consonant
        }
        return m
    }

    /// \*v\*: whether the first `prefix` letters contain a vowel. O(prefix).
    func containsVowel(_ prefix: Int) -> Bool {
        var previousIsVowel = false
        for i in 0..<prefix {
            let letter = letters[i]
            let consonant = Self.isVowelLetter(letter) ? false : (letter != 0x79 || i == 0 || previousIsVowel)
            if !consonant { return true }
            previousIsVowel = false
        }
        return false
    }

    /// \*d: whether the first `prefix` letters end with a double consonant (two equal letters, the last a consonant).
    func endsWithDoubleConsonant(_ prefix: Int) -> Bool {
        prefix >= 2 && letters[prefix - 1] == letters[prefix - 2] && isConsonant(prefix - 1)
    }

    /// \*o: whether the first `prefix` letters end consonant–vowel–consonant with the last not w, x or y;
    /// NLTK's extension also accepts a two-letter stem vowel–consonant (any consonant).
    func endsWithCVC(_ prefix: Int) -> Bool {
        if prefix >= 3 {
            let last = letters[prefix - 1]
            return isConsonant(prefix - 3) && !isConsonant(prefix - 2) && isConsonant(prefix - 1)
                && last != 0x77 && last != 0x78 && last != 0x79
        }
        return prefix == 2 && !isConsonant(0) && isConsonant(1)
    }

    /// Whether the word ends with the ASCII `suffix`.
    func ends(with suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= letters.count else { return false }
        let start = letters.count - length
        let bytes = suffix.utf8Start
        for k in 0..<length where letters[start + k] != UInt32(bytes[k]) {
            return false
        }
        return true
    }

    /// Removes the last `length` letters and appends the ASCII `replacement`.
    mutating func replaceLast(_ length: Int, with replacement: StaticString) {
        for _ in 0..<length { letters.removeLast() }
        let bytes = replacement.utf8Start
        for k in 0..<replacement.utf8CodeUnitCount {
            letters.append(UInt32(bytes[k]))
        }
    }
}
