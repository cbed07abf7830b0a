/// Finds the article among a page's paragraphs.
///
/// Each paragraph is weighed: prose (long enough, punctuated, few links) counts for its length, the rest
/// (menus, link lists, short labels) against. Elements whose class or id names boilerplate (comments,
/// share bars, related stories, captions…) or whose tag does (`nav`, `footer`, `aside`, `figcaption`…) count
/// wholly against, unless they hold most of the page's prose or the element the page marks as the article
/// body. The article is the element whose paragraphs weigh most; its paragraphs, boilerplate left out,
/// are the text.
struct ArticleSelector {
    let tree: PageTree

    /// The indices of the article's paragraphs, in document order.
    func select() -> [Int] {
        let elements = tree.elements
        let count = elements.count
        guard count > 0, !tree.blocks.isEmpty else { return [] }

        // Prose under each element, and whether it holds the marked article body.
        var prose = [Double](repeating: 0, count: count)
        var holdsMarked = [Bool](repeating: false, count: count)
        // And all text under each element, and the part of it inside quotes (embedded posts).
        var text = [Int](repeating: 0, count: count)
        var quoted = [Int](repeating: 0, count: count)
        for block in tree.blocks {
            if isProse(block) { prose[Int(block.owner)] += Double(block.length) }
            text[Int(block.owner)] += block.length
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            if elements[i].isMarkedArticle { holdsMarked[i] = true }
            if elements[i].tag == .quote { quoted[i] = text[i] }
            let parent = Int(elements[i].parent)
            if parent >= 0 {
                prose[parent] += prose[i]
                text[parent] += text[i]
                quoted[parent] += quoted[i]
                if holdsMarked[i] { holdsMarked[parent] = true }
            }
        }
        let total = prose[0]

        // Which elements are boilerplate, from their hints, unless they hold the article.
        var boilerplate = [Bool](repeating: false, count: count)
        for i in 0..<count {
            let e = elements[i]
            let hinted = e.hint == .negative || e.tag.isBoilerplate
            // Quotes (embedded posts among them) are the article's own, whatever their class or their
            // small wrapper's class says.
            guard hinted, !holdsMarked[i], e.tag != .html, e.tag != .body, e.tag != .main, e.tag != .article,
                  e.tag != .quote, !(text[i] < 1500 && 2 * quoted[i] >= text[i] && quoted[i] > 0) else { continue }
            boilerplate[i] = prose[i] < 0.4 * total || e.tag == .figcaption
        }

        // Inherited top-down: inside boilerplate is boilerplate.
        var inBoilerplate = boilerplate
        for i in 0..<count {
            let parent = Int(elements[i].parent)
            if parent >= 0, inBoilerplate[parent] { inBoilerplate[i] = true }
        }

        // Scores bottom-up.
        var score = [Double](repeating: 0, count: count)
        for block in tree.blocks { score[Int(block.owner)] += weight(block, boilerplate: inBoilerplate[Int(block.owner)]) }
        for i in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(elements[i].parent)
            if parent >= 0 { score[parent] += score[i] }
        }
        var best = 0
        for i in 1..<count where score[i] > score[best] || (score[i] >= score[best] * 0.999 && isInside(i, best)) {
            best = i
        }
        // The element the page marks as its article body wins when it holds prose.
        var marked = -1
        for i in 0..<count where elements[i].isMarkedArticle && prose[i] >= 150 && (marked < 0 || score[i] > score[marked]) {
            marked = i
        }
        if marked >= 0 { best = marked }

        // The article's paragraphs, boilerplate below it left out.
        let end = Int(elements[best].end)
        var excluded = [Bool](repeating: false, count: end - best)
        for i in (best + 1)..<end {
            let parent = Int(elements[i].parent)
            excluded[i - best] = boilerplate[i] || (parent > best && excluded[parent - best])
        }
        var chosen: [Int] = []
        for (index, block) in tree.blocks.enumerated() {
            let owner = Int(block.owner)
            guard owner >= best && owner < end, !excluded[owner - best] else { continue }
            if elements[owner].tag == .heading1 { continue }
            // Links mostly: out, unless sentences around their links (a list of linked news items).
            if block.linkDensity > (isSentences(block) ? 0.75 : 0.5) || (block.linkBytes > 0 && isTeaser(block)) { continue }
            chosen.append(index)
        }
        // Headings and labels after the last paragraph of prose ("Comments", "Related articles") go, and
        // so do calls to sign up at either end.
        while true {
            if let last = chosen.last, (!isProse(tree.blocks[last]) && isLabel(tree.blocks[last])) || isCallToAction(tree.blocks[last]) {
                chosen.removeLast()
            } else if let first = chosen.first, isCallToAction(tree.blocks[first]) {
                chosen.removeFirst()
            } else {
                break
            }
        }
        return chosen
    }

    /// Whether element `i` lies inside element `ancestor`.
    private func isInside(_ i: Int, _ ancestor: Int) -> Bool {
        i > ancestor && i < Int(tree.elements[ancestor].end)
    }

    /// Whether a paragraph reads as prose: long enough, punctuated, mostly not links.
    func isProse(_ block: TextBlock) -> Bool {
        guard block.linkDensity <= 0.35 else { return false }
        let tag = tree.elements[Int(block.owner)].tag
        if tag == .heading1 || tag == .heading { return false }
        return isSentences(block)
    }

    /// What a paragraph adds to the score of the elements holding it: prose for its length less its links
    /// twice over; anything else, boilerplate included, a little against, and its links more.
    private func weight(_ block: TextBlock, boilerplate: Bool) -> Double {
        let length = Double(block.length)
        if boilerplate { return -length * (0.1 + block.linkDensity) }
        let tag = tree.elements[Int(block.owner)].tag
        if tag == .heading || tag == .heading1 { return 0 }
        if isSentences(block) { return length * (1 - 2 * block.linkDensity) }
        return -length * (0.1 + block.linkDensity)
    }

    /// Whether a paragraph is made of sentences, links or not.
    private func isSentences(_ block: TextBlock) -> Bool {
        if block.linkBytes > 0 && isTeaser(block) { return false }
        return (block.length >= 100 && block.punctuation >= 1) || (block.length >= 40 && block.punctuation >= 1 && endsSentence(block))
    }

    /// A short paragraph that asks the reader to sign up or subscribe (English only).
    private func isCallToAction(_ block: TextBlock) -> Bool {
        guard block.length < 300 else { return false }
        let bytes = tree.text[Int(block.start)..<Int(block.end)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for phrase in Self.callsToAction where bytes.firstRange(of: phrase) != nil { return true }
        return false
    }

    private static let callsToAction: [[UInt8]] = ["newsletter", "sign up", "subscribe to", "click here to"].map { Array($0.utf8) }

    /// A heading, or a few words that do not end a sentence.
    private func isLabel(_ block: TextBlock) -> Bool {
        let tag = tree.elements[Int(block.owner)].tag
        return tag == .heading || tag == .heading1 || (block.length < 30 && !endsSentence(block))
    }

    /// Whether a paragraph ends in an ellipsis: an excerpt of another page (when it has links) or a cut.
    private func isTeaser(_ block: TextBlock) -> Bool {
        let start = Int(block.start), end = Int(block.end)
        guard end - start >= 3 else { return false }
        if tree.text[end - 1] == 0x2E && tree.text[end - 2] == 0x2E && tree.text[end - 3] == 0x2E { return true }
        return tree.text[end - 1] == 0xA6 && tree.text[end - 2] == 0x80 && tree.text[end - 3] == 0xE2   // …
    }

    private func endsSentence(_ block: TextBlock) -> Bool {
        var i = Int(block.end) - 1
        while i > Int(block.start) {
            switch tree.text[i] {
            case 0x22, 0x27, 0x29, 0x5D, 0x80, 0x81, 0x83...0xBF, 0xE2: i -= 1; continue   // closing quotes and brackets
            case 0x2E, 0x21, 0x3F, 0x3A: return true
            case 0x82 where i >= 2 && tree.text[i - 1] == 0x80 && tree.text[i - 2] == 0xE3: return true   // 。
            default: return false
            }
        }
        return false
    }
}
