/// Word runs as the page cleaner sees them: maximal runs of letters, numbers and underscores (Unicode),
/// the `\w+` of the extraction benchmark.
enum TextPageWords {
    /// Whether `scalar` belongs to a word: a letter, a number or "_".
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Whether `scalar` is written without spaces between words (kana, CJK ideographs, half-width
    /// katakana), so that a "word" run of them is a whole phrase.
    static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFF66...0xFF9F).contains(v)
    }

    /// The word runs of `text`, in order.
    static func words(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let s = start {
                words.append(text[s..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let s = start { words.append(text[s..<text.endIndex]) }
        return words
    }
}
