/// NLTK's table of irregular forms: words whose stem is looked up instead of computed.
enum PorterIrregularForms {
    /// Each form and its stem, as Unicode scalar values.
    static let table: [(form: [UInt32], stem: [UInt32])] = [
        ("sky", "sky"), ("skies", "sky"),
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("news", "news"),
        ("innings", "inning"), ("inning", "inning"),
        ("outings", "outing"), ("outing", "outing"),
        ("cannings", "canning"), ("canning", "canning"),
        ("howe", "howe"),
        ("proceed", "proceed"), ("exceed", "exceed"), ("succeed", "succeed"),
    ].map { (form: $0.0.unicodeScalars.map(\.value), stem: $0.1.unicodeScalars.map(\.value)) }

    /// Longest form in the table.
    static let longest = table.map(\.form.count).max() ?? 0

    /// The stem of `word` when it is an irregular form, else nil. O(1): at most 16 short comparisons.
    static func stem(of word: [UInt32]) -> [UInt32]? {
        guard word.count <= longest else { return nil }
        for entry in table where entry.form == word {
            return entry.stem
        }
        return nil
    }
}
