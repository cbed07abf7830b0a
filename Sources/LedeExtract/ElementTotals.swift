/// Sums over each element's subtree, gathered bottom-up in one pass (children come after their parent).
struct ElementTotals {
    /// Bytes of prose (see ``PageTree/isProse(_:)``).
    var prose: [Double]
    /// Bytes of text.
    var text: [Int]
    /// Bytes of text inside quotes.
    var quoted: [Int]
    /// Whether the element is, or holds, the element marked `itemprop="articleBody"`.
    var holdsMarked: [Bool]

    init(_ tree: PageTree) {
        let count = tree.elements.count
        prose = Array(repeating: 0, count: count)
        text = Array(repeating: 0, count: count)
        quoted = Array(repeating: 0, count: count)
        holdsMarked = Array(repeating: false, count: count)
        for block in tree.blocks {
            if tree.isProse(block) { prose[Int(block.owner)] += Double(block.length) }
            text[Int(block.owner)] += block.length
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            let element = tree.elements[i]
            if element.isMarkedArticle { holdsMarked[i] = true }
            if element.tag == .quote { quoted[i] = text[i] }
            let parent = Int(element.parent)
            guard parent >= 0 else { continue }
            prose[parent] += prose[i]
            text[parent] += text[i]
            quoted[parent] += quoted[i]
            if holdsMarked[i] { holdsMarked[parent] = true }
        }
    }
}
