/// The Porter stemmer exactly as NLTK 3.10.4's `PorterStemmer()` runs it in its default mode,
/// `NLTK_EXTENSIONS` — the stemmer Google's `rouge-score` uses with `use_stemmer=True`.
///
/// NLTK's extensions over Martin Porter's published algorithm: a table of irregular forms ("skies" → "sky",
/// "dying" → "die", "news" → "news", …), words of one or two letters left alone, four-letter -ies and -ied
/// words → -ie, y → i only after a consonant that is not the whole stem, -alli reduced before step 2, -bli,
/// -fulli and -logi in step 2, and a two-letter vowel–consonant stem counting as cvc.
package struct PorterStemmer: Sendable {
    /// Creates a stemmer; it holds no state.
    package init() {}

    /// The stem of `word`, lower-cased first as NLTK does (with Swift's Unicode lower-casing, which agrees
    /// with Python's `str.lower()` except for the context-dependent final sigma). O(length²) at worst, for
    /// the measures of long words; words here are short.
    package func stem(_ word: String) -> String {
        let originalLength = word.unicodeScalars.count
        var letters = PorterWord(word.lowercased().unicodeScalars.map(\.value))
        stem(&letters, originalLength: originalLength)
        var result = String.UnicodeScalarView()
        for value in letters.letters {
            if let scalar = Unicode.Scalar(value) { result.append(scalar) }
        }
        return String(result)
    }

    /// Stems a lower-case word in place; `originalLength` is the length of the word before lower-casing
    /// (NLTK leaves words of at most two letters alone, counted before lower-casing).
    func stem(_ word: inout PorterWord, originalLength: Int) {
        if let irregular = PorterIrregularForms.stem(of: word.letters) {
            word.letters = irregular
            return
        }
        if originalLength <= 2 { return }
        word.step1a()
        word.step1b()
        word.step1c()
        word.step2()
        word.step3()
        word.step4()
        word.step5a()
        word.step5b()
    }
}
