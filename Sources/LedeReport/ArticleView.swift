extension SummarizerReport {
    /// An article with its sentences marked: picked ones shaded and bold, the reference's underlined and
    /// tagged with their number in the reference. Abstractive references are listed above the text.
    func articleView(_ html: inout HTMLWriter, _ example: Example, id: String) {
        html.element("h3", ["id": id], text: "\(example.heading): " + (example.title.isEmpty ? example.id : example.title))
        let s = example.scores
        html.element("p", ["class": "note"]) { html in
            html.element("span", ["class": "id"], text: example.id)
            html.text(" · ROUGE-1 \(NumberText.decimal(s.rouge1, 3)), ROUGE-2 \(NumberText.decimal(s.rouge2, 3)), "
                + "ROUGE-L \(NumberText.decimal(s.rougeL, 3)) · \(example.picked.count) of \(example.sentences.count) sentences picked, "
                + "\(NumberText.count(s.summaryWords)) words; reference \(NumberText.count(s.referenceWords)) words")
        }
        if example.referenceIsExtractive {
            html.element("p", ["class": "note"], text: "The reference is \(example.reference.count) of the article's own sentences, underlined below.")
        } else {
            html.element("p", ["class": "note"], text: "The reference, written apart from the article; the article sentence "
                + "sharing most words with each of its sentences is underlined and tagged with its number.")
            html.element("ol", ["class": "reference"]) { html in
                for sentence in example.reference { html.element("li", text: sentence) }
            }
        }
        let bytes = Array(example.text.utf8)
        func slice(_ range: Range<Int>) -> String {
            let low = min(max(0, range.lowerBound), bytes.count), high = min(max(low, range.upperBound), bytes.count)
            return String(decoding: bytes[low..<high], as: UTF8.self)
        }
        html.element("div", ["class": "article"]) { html in
            var position = 0
            for (i, range) in example.sentences.enumerated() where range.lowerBound >= position {
                html.text(slice(position..<range.lowerBound))
                let marks = example.referenceMarks[i] ?? []
                let classes = [example.picked.contains(i) ? "picked" : nil, marks.isEmpty ? nil : "ref"].compactMap { $0 }
                if classes.isEmpty {
                    html.text(slice(range))
                } else {
                    html.element("span", ["class": classes.joined(separator: " ")], text: slice(range))
                    for mark in marks.sorted() { html.element("sup", ["class": "tag"], text: "R\(mark + 1)") }
                }
                position = range.upperBound
            }
            html.text(slice(position..<bytes.count))
        }
        html.newline()
    }
}
