/// The article's paragraphs as one string.
enum ArticleText {
    /// The paragraphs `blocks` of `tree`, separated by a blank line; a line break inside a paragraph stays.
    static func join(_ blocks: [Int], of tree: PageTree) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(blocks.reduce(0) { $0 + tree.blocks[$1].length + 2 })
        for index in blocks {
            let block = tree.blocks[index]
            if !out.isEmpty { out.append(0x0A); out.append(0x0A) }
            out.append(contentsOf: tree.text[Int(block.start)..<Int(block.end)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
