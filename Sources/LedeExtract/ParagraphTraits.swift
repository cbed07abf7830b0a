/// What a paragraph's text and tag say about it: prose, a label, a teaser, a call to sign up.
extension PageTree {
    /// Whether a paragraph reads as prose: sentences, mostly not links, not a heading.
    func isProse(_ block: TextBlock) -> Bool {
        guard block.linkDensity <= 0.35, !isHeading(block) else { return false }
        return isSentences(block)
    }

    /// Whether a paragraph is made of sentences, links or not: punctuated, and long or ending a sentence;
    /// not a linked excerpt.
    func isSentences(_ block: TextBlock) -> Bool {
        if block.linkBytes > 0 && isTeaser(block) { return false }
        guard block.punctuation >= 1 else { return false }
        return block.length >= 100 || (block.length >= 40 && endsSentence(block))
    }

    func isHeading(_ block: TextBlock) -> Bool {
        let tag = elements[Int(block.owner)].tag
        return tag == .heading || tag == .heading1
    }

    /// A heading, or a few words that do not end a sentence.
    func isLabel(_ block: TextBlock) -> Bool {
        isHeading(block) || (block.length < 30 && !endsSentence(block))
    }

    /// Whether a paragraph ends in an ellipsis: an excerpt of another page (when it has links) or a cut.
    func isTeaser(_ block: TextBlock) -> Bool {
        let start = Int(block.start), end = Int(block.end)
        guard end - start >= 3 else { return false }
        if text[end - 1] == 0x2E && text[end - 2] == 0x2E && text[end - 3] == 0x2E { return true }
        return text[end - 1] == 0xA6 && text[end - 2] == 0x80 && text[end - 3] == 0xE2   // …
    }

    /// A short paragraph that asks the reader to sign up or subscribe (English only).
    func isCallToAction(_ block: TextBlock) -> Bool {
        guard block.length < 300 else { return false }
        let folded = text[Int(block.start)..<Int(block.end)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return PageTree.callsToAction.contains { folded.firstRange(of: $0) != nil }
    }

    private static let callsToAction: [[UInt8]] = ["newsletter", "sign up", "subscribe to", "click here to"].map { Array($0.utf8) }

    /// Whether the paragraph ends with `.`, `!`, `?`, `:` or `。`, closing quotes and brackets aside.
    func endsSentence(_ block: TextBlock) -> Bool {
        var i = Int(block.end) - 1
        while i > Int(block.start) {
            switch text[i] {
            case 0x22, 0x27, 0x29, 0x5D, 0x80, 0x81, 0x83...0xBF, 0xE2: i -= 1; continue   // closing quotes and brackets
            case 0x2E, 0x21, 0x3F, 0x3A: return true
            case 0x82 where i >= 2 && text[i - 1] == 0x80 && text[i - 2] == 0xE3: return true   // 。
            default: return false
            }
        }
        return false
    }
}
