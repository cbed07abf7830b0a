import CLibXML2

/// Walks a parsed page once, in document order and without recursion (a page may nest elements
/// arbitrarily deep): gathers its paragraphs into a ``PageTree`` and what it says about itself into
/// ``PageMetadata``. Scripts, styles, forms' controls, templates, comments and hidden elements are dropped.
struct PageWalker {
    private(set) var tree = PageTree()
    private(set) var metadata = PageMetadata()

    private var current: Int32 = -1
    private var linkDepth = 0
    private var pendingStart = 0
    private var pendingLinkBytes = 0
    private var pendingSpace = false

    init(root: xmlNodePtr) {
        tree.elements.reserveCapacity(2048)
        tree.blocks.reserveCapacity(512)
        tree.text.reserveCapacity(1 << 16)
        walk(root)
    }

    private mutating func walk(_ root: xmlNodePtr) {
        var node: xmlNodePtr? = root
        while let n = node {
            var entered = false
            switch n.pointee.type {
            case XML_ELEMENT_NODE: entered = enter(n)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if current >= 0, let content = n.pointee.content { append(UnsafePointer(content)) }
            default: break
            }
            if entered {
                if let child = n.pointee.children { node = child; continue }
                exit()
            }
            // Next sibling, or up to the first ancestor with one, leaving each ancestor on the way.
            var done: xmlNodePtr = n
            node = nil
            while done != root {
                if let next = done.pointee.next { node = next; break }
                guard let parent = done.pointee.parent else { break }
                exit()
                done = parent
            }
        }
        flush()
        while current >= 0 { exit() }
    }

    /// Opens an element; false when it and its content are to be skipped.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        var tag = HTMLTag.named(UnsafePointer(name))
        switch tag {
        case .skipped: return false
        case .title:
            if metadata.documentTitle == nil { metadata.documentTitle = LibXMLNodes.text(of: node) }
            return false
        case .script:
            if let type = LibXMLNodes.attribute(node, "type"), LibXMLNodes.containsIgnoringSpaces(type, "ld+json") {
                collectJSONLD(node)
            }
            return false
        case .meta:
            readMeta(node)
            return false
        case .link:
            if metadata.canonicalURL == nil, let rel = LibXMLNodes.attribute(node, "rel"),
               LibXMLNodes.equals(rel, "canonical"), let href = LibXMLNodes.attribute(node, "href") {
                let url = LibXMLNodes.string(href)
                if !url.isEmpty { metadata.canonicalURL = url }
            }
            return false
        case .time:
            if metadata.markupDate == nil, let value = LibXMLNodes.attribute(node, "datetime") {
                metadata.markupDate = LibXMLNodes.string(value, limit: 64)
            }
            tag = .inline
        case .html:
            if metadata.language == nil, let lang = LibXMLNodes.attribute(node, "lang") ?? LibXMLNodes.attribute(node, "xml:lang") {
                let value = LibXMLNodes.string(lang, limit: 64)
                if !value.isEmpty { metadata.language = value }
            }
        default: break
        }
        let attributes = ElementAttributes(node)
        if isHidden(attributes) { return false }

        var hint = ClassHint.none
        if let value = attributes.className { hint = ClassHint.of(value) }
        if hint != .negative, let value = attributes.id {
            let idHint = ClassHint.of(value)
            if idHint != .none { hint = idHint }
        }
        if let role = attributes.role, Self.isBoilerplateRole(role) { hint = .negative }
        var marked = false
        if let itemprop = attributes.itemprop {
            if LibXMLNodes.equals(itemprop, "articlebody") { marked = true }
            if metadata.markupDate == nil, LibXMLNodes.equals(itemprop, "datepublished"),
               let value = LibXMLNodes.attribute(node, "content") ?? LibXMLNodes.attribute(node, "datetime") {
                metadata.markupDate = LibXMLNodes.string(value, limit: 64)
            }
        }
        if tag == .anchor { linkDepth += 1 }
        if tag.isBlock { flush() }
        if tag == .lineBreak { lineBreak(); return false }
        let index = Int32(tree.elements.count)
        let owner = tag.isBlock || current < 0 ? index : tree.elements[Int(current)].blockOwner
        tree.elements.append(PageElement(parent: current, blockOwner: owner, end: index + 1, tag: tag, hint: hint,
                                         isMarkedArticle: marked))
        current = index
        return true
    }

    /// Closes the innermost open element.
    private mutating func exit() {
        guard current >= 0 else { return }
        let i = Int(current)
        let tag = tree.elements[i].tag
        if tag.isBlock { flush() }
        if tag == .anchor { linkDepth -= 1 }
        tree.elements[i].end = Int32(tree.elements.count)
        current = tree.elements[i].parent
    }

    /// `hidden`, `aria-hidden="true"`, or `display:none` / `visibility:hidden` in `style`.
    private func isHidden(_ attributes: ElementAttributes) -> Bool {
        if attributes.hidden || attributes.ariaHidden { return true }
        if let style = attributes.style,
           LibXMLNodes.containsIgnoringSpaces(style, "display:none")
            || LibXMLNodes.containsIgnoringSpaces(style, "visibility:hidden") { return true }
        return false
    }

    /// ARIA roles of page furniture: dialogs, navigation, side content, the page's banner and footer.
    private static func isBoilerplateRole(_ role: UnsafePointer<UInt8>) -> Bool {
        LibXMLNodes.equals(role, "dialog") || LibXMLNodes.equals(role, "alertdialog") || LibXMLNodes.equals(role, "navigation")
            || LibXMLNodes.equals(role, "complementary") || LibXMLNodes.equals(role, "contentinfo")
            || LibXMLNodes.equals(role, "banner") || LibXMLNodes.equals(role, "menu") || LibXMLNodes.equals(role, "menubar")
            || LibXMLNodes.equals(role, "search") || LibXMLNodes.equals(role, "alert")
    }

    // MARK: Text

    /// Appends a text node's bytes to the open paragraph, whitespace (and no-break spaces) collapsed.
    private mutating func append(_ content: UnsafePointer<UInt8>) {
        var i = 0
        let before = tree.text.count
        while true {
            let b = content[i]
            if b == 0 { break }
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2 && content[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if pendingSpace {
                if tree.text.count > pendingStart, tree.text[tree.text.count - 1] != 0x0A { tree.text.append(0x20) }
                pendingSpace = false
            }
            // A run of bytes up to the next space (or no-break space), copied at once.
            var end = i + 1
            while true {
                let c = content[end]
                if c == 0 || c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C || (c == 0xC2 && content[end + 1] == 0xA0) { break }
                end += 1
            }
            tree.text.append(contentsOf: UnsafeBufferPointer(start: content + i, count: end - i))
            i = end
        }
        if linkDepth > 0 { pendingLinkBytes += tree.text.count - before }
    }

    /// A `<br>`: a new line in the paragraph; two in a row end it.
    private mutating func lineBreak() {
        pendingSpace = false
        guard tree.text.count > pendingStart else { return }
        if tree.text[tree.text.count - 1] == 0x0A {
            tree.text.removeLast()
            flush()
        } else {
            tree.text.append(0x0A)
        }
    }

    /// Ends the open paragraph: a ``TextBlock`` when it has any text.
    private mutating func flush() {
        while tree.text.count > pendingStart, tree.text[tree.text.count - 1] == 0x0A || tree.text[tree.text.count - 1] == 0x20 {
            tree.text.removeLast()
        }
        pendingSpace = false
        defer {
            pendingStart = tree.text.count
            pendingLinkBytes = 0
        }
        guard tree.text.count > pendingStart, current >= 0 else { tree.text.removeSubrange(pendingStart...); return }
        var punctuation: Int32 = 0, words: Int32 = 1
        var i = pendingStart
        let end = tree.text.count
        while i < end {
            switch tree.text[i] {
            case 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3A: punctuation += 1
            case 0x20, 0x0A: words += 1
            case 0xE3 where i + 2 < end && tree.text[i + 1] == 0x80 && (tree.text[i + 2] == 0x81 || tree.text[i + 2] == 0x82):
                punctuation += 1   // 、。
                words += 1
            case 0xEF where i + 2 < end && tree.text[i + 1] == 0xBC
                && (tree.text[i + 2] == 0x8C || tree.text[i + 2] == 0x81 || tree.text[i + 2] == 0x9F || tree.text[i + 2] == 0x9B):
                punctuation += 1   // ，！？；
                words += 1
            default: break
            }
            i += 1
        }
        tree.blocks.append(TextBlock(start: Int32(pendingStart), end: Int32(tree.text.count),
                                     linkBytes: Int32(min(pendingLinkBytes, tree.text.count - pendingStart)),
                                     owner: tree.elements[Int(current)].blockOwner, punctuation: punctuation, words: words))
    }

    // MARK: Metadata

    private mutating func readMeta(_ node: xmlNodePtr) {
        guard let content = LibXMLNodes.attribute(node, "content") else { return }
        let key = LibXMLNodes.attribute(node, "property") ?? LibXMLNodes.attribute(node, "name")
            ?? LibXMLNodes.attribute(node, "itemprop") ?? LibXMLNodes.attribute(node, "http-equiv")
        guard let key else { return }
        func value(_ limit: Int = 2048) -> String? {
            let s = LibXMLNodes.string(content, limit: limit)
            return s.isEmpty ? nil : s
        }
        if LibXMLNodes.equals(key, "og:title") {
            if metadata.openGraphTitle == nil { metadata.openGraphTitle = value() }
        } else if LibXMLNodes.equals(key, "twitter:title") {
            if metadata.twitterTitle == nil { metadata.twitterTitle = value() }
        } else if LibXMLNodes.equals(key, "og:site_name") {
            if metadata.siteName == nil { metadata.siteName = value() }
        } else if LibXMLNodes.equals(key, "og:url") {
            if metadata.openGraphURL == nil { metadata.openGraphURL = value() }
        } else if LibXMLNodes.equals(key, "article:published_time") || LibXMLNodes.equals(key, "og:published_time")
                    || LibXMLNodes.equals(key, "datepublished") || LibXMLNodes.equals(key, "article.published") {
            if metadata.publishedTime == nil { metadata.publishedTime = value(64) }
        } else if LibXMLNodes.equals(key, "date") || LibXMLNodes.equals(key, "pubdate") || LibXMLNodes.equals(key, "dc.date")
                    || LibXMLNodes.equals(key, "dc.date.issued") || LibXMLNodes.equals(key, "dcterms.created")
                    || LibXMLNodes.equals(key, "publish-date") || LibXMLNodes.equals(key, "parsely-pub-date")
                    || LibXMLNodes.equals(key, "sailthru.date") || LibXMLNodes.equals(key, "publication_date") {
            if metadata.otherDate == nil { metadata.otherDate = value(64) }
        } else if LibXMLNodes.equals(key, "content-language") || LibXMLNodes.equals(key, "og:locale") {
            if metadata.language == nil, let v = value(64) { metadata.language = v.replacingUnderscores() }
        }
    }

    private mutating func collectJSONLD(_ node: xmlNodePtr) {
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let c = child {
            if let content = c.pointee.content {
                var i = 0
                while content[i] != 0 { bytes.append(content[i]); i += 1 }
            }
            child = c.pointee.next
        }
        if !bytes.isEmpty && metadata.jsonLD.count < 16 { metadata.jsonLD.append(bytes) }
    }
}

extension String {
    /// `en_GB` as a language tag: `en-GB`.
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
