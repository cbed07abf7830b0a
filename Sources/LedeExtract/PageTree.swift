/// An element of the page as extraction sees it: where it sits, what it is, what its class and id hint.
struct PageElement {
    /// The parent's index; -1 for the root. Parents come before children (document order).
    var parent: Int32
    /// The nearest block element at or above this one: the paragraph its loose text belongs to.
    var blockOwner: Int32
    /// One past the index of the last element inside this one.
    var end: Int32
    var tag: HTMLTag
    var hint: ClassHint
    /// `itemprop="articleBody"` or similar: the page itself says this is the article.
    var isMarkedArticle: Bool
}

/// A paragraph: a run of text, whitespace collapsed, inside one block element.
struct TextBlock {
    /// The bytes `text[start..<end]` of ``PageTree/text``.
    var start: Int32
    var end: Int32
    /// How many of those bytes are inside links.
    var linkBytes: Int32
    /// The block element the text belongs to.
    var owner: Int32
    /// Sentence punctuation in the text (`.`, `!`, `?`, `,`, `;`, `:` and their CJK forms).
    var punctuation: Int32

    var length: Int { Int(end - start) }
    var linkDensity: Double { length == 0 ? 0 : Double(linkBytes) / Double(length) }
}

/// The page reduced to what extraction needs: its elements, its paragraphs and their bytes.
struct PageTree {
    var elements: [PageElement] = []
    var blocks: [TextBlock] = []
    /// The paragraphs' UTF-8 bytes, one after another.
    var text: [UInt8] = []
}
