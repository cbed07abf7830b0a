/// What a paragraph's text and tag say about it: prose, a label, a teaser, a call to sign up.
extension PageTree {
    /// Whether a paragraph reads as prose: sentences, mostly not links, not a heading.
    func isProse(_ block: TextBlock) -> Bool {
        guard block.linkDensity <= 0.35, !isHeading(block) else { return false }
        return isSentences(block)
    }

    /// Whether a paragraph is made of sentences, links or not: punctuated, and long or ending a sentence
    /// (or long and plain, unpunctuated); not a linked excerpt.
    func isSentences(_ block: TextBlock) -> Bool {
        if block.linkBytes > 0 && isTeaser(block) { return false }
        // A long run of plain text reads as prose even unpunctuated (Thai, say, marks no sentences).
        guard block.punctuation >= 1 else { return block.length >= 250 && block.linkDensity < 0.2 }
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

    /// Whether the paragraph ends a sentence (`.`, `!`, `?`, `:`, `…`, `。`, `！`, `？`, `।`, `؟`), closing
    /// quotes and brackets aside.
    func endsSentence(_ block: TextBlock) -> Bool {
        let start = Int(block.start)
        var end = Int(block.end)
        for _ in 0..<6 where end > start {
            // The character that ends at `end`.
            var first = end - 1
            while first > start, end - first < 4, text[first] & 0xC0 == 0x80 { first -= 1 }
            var value = UInt32(text[first])
            if value >= 0xC0 {
                value &= value >= 0xF0 ? 0x07 : value >= 0xE0 ? 0x0F : 0x1F
                for k in (first + 1)..<end { value = value << 6 | UInt32(text[k] & 0x3F) }
            }
            end = first
            switch value {
            case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x300D, 0x300F, 0xFF09: continue   // closing quotes, brackets
            case 0x2E, 0x21, 0x3F, 0x3A, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x0964, 0x0965, 0x061F: return true
            default: return false
            }
        }
        return false
    }
}
