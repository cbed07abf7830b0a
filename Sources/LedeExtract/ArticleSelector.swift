/// Finds the article among a page's paragraphs.
///
/// Each paragraph is weighed: sentences count for their length less twice their links; anything else
/// (menus, link lists, labels) a little against, and its links more. Elements whose class, id or role
/// names boilerplate (comments, share bars, related stories, captions…) or whose tag does (`nav`, `footer`,
/// `aside`, `figcaption`…) are boilerplate, and their paragraphs weigh as non-prose, unless they hold much
/// of the page's prose, the element marked as the article body, or mostly a quote (an embedded post).
/// The article is the element whose paragraphs weigh most (the one marked `itemprop="articleBody"`
/// when it holds prose); its paragraphs, boilerplate and link lists left out, are the text.
struct ArticleSelector {
    let tree: PageTree

    /// The indices of the article's paragraphs, in document order.
    func select() -> [Int] {
        guard !tree.elements.isEmpty, !tree.blocks.isEmpty else { return [] }
        let totals = ElementTotals(tree)
        let boilerplate = boilerplateElements(totals)
        let best = bestElement(totals, boilerplate: boilerplate)
        return trimmed(paragraphs(under: best, boilerplate: boilerplate))
    }

    /// Which elements are boilerplate by their hints, unless they hold the article.
    private func boilerplateElements(_ totals: ElementTotals) -> [Bool] {
        let total = totals.prose[0]
        var boilerplate = [Bool](repeating: false, count: tree.elements.count)
        for (i, element) in tree.elements.enumerated() where element.hint == .negative || element.tag.isBoilerplate {
            switch element.tag {
            case .html, .body, .main, .article, .quote: continue
            case .figcaption: boilerplate[i] = true
            default:
                let mostlyQuote = totals.quoted[i] > 0 && 2 * totals.quoted[i] >= totals.text[i] && totals.text[i] < 1500
                boilerplate[i] = !totals.holdsMarked[i] && !mostlyQuote && totals.prose[i] < 0.4 * total
            }
        }
        return boilerplate
    }

    /// The element whose paragraphs weigh most (the innermost of near ties), or the marked article body.
    private func bestElement(_ totals: ElementTotals, boilerplate: [Bool]) -> Int {
        let elements = tree.elements
        let count = elements.count
        // Inside boilerplate is boilerplate.
        var inBoilerplate = boilerplate
        for i in 0..<count {
            let parent = Int(elements[i].parent)
            if parent >= 0, inBoilerplate[parent] { inBoilerplate[i] = true }
        }
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
        for i in 0..<count where elements[i].isMarkedArticle && totals.prose[i] >= 150 && (marked < 0 || score[i] > score[marked]) {
            marked = i
        }
        return marked >= 0 ? marked : best
    }

    /// The paragraphs inside element `best`, but those inside boilerplate below it, the headline, and
    /// paragraphs that are mostly links or linked excerpts.
    private func paragraphs(under best: Int, boilerplate: [Bool]) -> [Int] {
        let elements = tree.elements
        let end = Int(elements[best].end)
        var excluded = [Bool](repeating: false, count: end - best)
        for i in (best + 1)..<end {
            let parent = Int(elements[i].parent)
            excluded[i - best] = boilerplate[i] || (parent > best && excluded[parent - best])
        }
        var chosen: [Int] = []
        for (index, block) in tree.blocks.enumerated() {
            let owner = Int(block.owner)
            guard owner >= best && owner < end, !excluded[owner - best], elements[owner].tag != .heading1 else { continue }
            // Links mostly: out, unless sentences around their links (a list of linked news items).
            if block.linkDensity > (tree.isSentences(block) ? 0.75 : 0.5) || (block.linkBytes > 0 && tree.isTeaser(block)) { continue }
            chosen.append(index)
        }
        return chosen
    }

    /// `chosen` without the headings and labels after its last prose ("Comments", "Related articles"),
    /// the labels before its first ("By …", a date), nor calls to sign up at either end.
    private func trimmed(_ chosen: [Int]) -> [Int] {
        var chosen = chosen[...]
        while true {
            if let last = chosen.last, (!tree.isProse(tree.blocks[last]) && tree.isLabel(tree.blocks[last]))
                || tree.isCallToAction(tree.blocks[last]) {
                chosen.removeLast()
            } else if let first = chosen.first, tree.isCallToAction(tree.blocks[first])
                        || (!tree.isHeading(tree.blocks[first]) && tree.isLabel(tree.blocks[first])) {
                chosen.removeFirst()
            } else {
                return Array(chosen)
            }
        }
    }

    /// Whether element `i` lies inside element `ancestor`.
    private func isInside(_ i: Int, _ ancestor: Int) -> Bool {
        i > ancestor && i < Int(tree.elements[ancestor].end)
    }

    /// What a paragraph adds to the score of the elements holding it.
    private func weight(_ block: TextBlock, boilerplate: Bool) -> Double {
        let length = Double(block.length)
        if !boilerplate {
            if tree.isHeading(block) { return 0 }
            if tree.isSentences(block) { return length * (1 - 2 * block.linkDensity) }
        }
        return -length * (0.1 + block.linkDensity)
    }
}
