import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attributes libxml2's SAX parser hands a start tag: name and value pairs, NULL-terminated.
typealias SAXAttributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

/// Builds a ``PageTree`` and ``PageMetadata`` from libxml2's parse events, in document order: no tree is
/// kept, and no recursion is needed however deep the page nests. Scripts, styles, forms' controls,
/// templates, comments and hidden elements are dropped.
struct PageBuilder {
    private(set) var tree = PageTree()
    private(set) var metadata = PageMetadata()

    private var current: Int32 = -1
    /// The interned name of each open element (libxml2 interns names, so pointers compare).
    private var names: [UnsafePointer<UInt8>] = []
    private var linkDepth = 0
    private var pendingStart = 0
    private var pendingLinkBytes = 0
    private var pendingSpace = false

    /// Inside a skipped element: how many elements deep; and what its text is kept for.
    private var skipDepth = 0
    private var capture = Capture.none
    private var captured: [UInt8] = []

    private enum Capture { case none, title, jsonLD }

    init() {
        tree.elements.reserveCapacity(2048)
        tree.blocks.reserveCapacity(512)
        tree.text.reserveCapacity(1 << 16)
        names.reserveCapacity(2048)
    }

    // MARK: Events

    mutating func startElement(_ name: UnsafePointer<UInt8>, _ attributes: SAXAttributes) {
        if skipDepth > 0 { skipDepth += 1; return }
        if !enter(name, attributes) { skipDepth = 1 }
    }

    mutating func endElement(_ name: UnsafePointer<UInt8>) {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 { endCapture() }
            return
        }
        // Close up to the open element of that name, if it is near; a stray end tag is ignored.
        var depth = names.count - 1
        while depth >= 0 && names.count - depth <= 64 {
            if names[depth] == name || strcmp(names[depth], name) == 0 {
                while names.count > depth { exit() }
                return
            }
            depth -= 1
        }
    }

    mutating func characters(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        if skipDepth > 0 {
            if capture != .none && captured.count < 1 << 20 {
                captured.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            }
            return
        }
        if current >= 0 { append(bytes, count) }
    }

    /// Ends the page: every element still open is closed.
    mutating func finish() {
        flush()
        while current >= 0 { exit() }
    }

    // MARK: Elements

    /// Opens an element; false when it and its content are to be skipped.
    private mutating func enter(_ name: UnsafePointer<UInt8>, _ attributes: SAXAttributes) -> Bool {
        var tag = HTMLTag.named(name)
        switch tag {
        case .skipped: return false
        case .title:
            capture = .title
            captured.removeAll(keepingCapacity: true)
            return false
        case .script:
            if let type = LibXMLNodes.attribute(attributes, "type"), LibXMLNodes.containsIgnoringSpaces(type, "ld+json") {
                capture = .jsonLD
                captured.removeAll(keepingCapacity: true)
            }
            return false
        case .meta:
            readMeta(attributes)
            return false
        case .link:
            if metadata.canonicalURL == nil, let rel = LibXMLNodes.attribute(attributes, "rel"),
               LibXMLNodes.equals(rel, "canonical"), let href = LibXMLNodes.attribute(attributes, "href") {
                let url = LibXMLNodes.string(href)
                if !url.isEmpty { metadata.canonicalURL = url }
            }
            return false
        case .time:
            if metadata.markupDate == nil, let value = LibXMLNodes.attribute(attributes, "datetime") {
                metadata.markupDate = LibXMLNodes.string(value, limit: 64)
            }
            tag = .inline
        case .html:
            if metadata.language == nil,
               let lang = LibXMLNodes.attribute(attributes, "lang") ?? LibXMLNodes.attribute(attributes, "xml:lang") {
                let value = LibXMLNodes.string(lang, limit: 64)
                if !value.isEmpty { metadata.language = value }
            }
        default: break
        }
        let found = ElementAttributes(attributes)
        if isHidden(found) { return false }

        var hint = ClassHint.none
        if let value = found.className { hint = ClassHint.of(value) }
        if hint != .negative, let value = found.id {
            let idHint = ClassHint.of(value)
            if idHint != .none { hint = idHint }
        }
        if let role = found.role, Self.isBoilerplateRole(role) { hint = .negative }
        // An inline element named as boilerplate (a caption or credit inside a block) is dropped outright.
        if hint == .negative && tag == .inline { return false }
        var marked = false
        if let itemprop = found.itemprop {
            if LibXMLNodes.equals(itemprop, "articlebody") { marked = true }
            if metadata.markupDate == nil, LibXMLNodes.equals(itemprop, "datepublished"),
               let value = LibXMLNodes.attribute(attributes, "content") ?? LibXMLNodes.attribute(attributes, "datetime") {
                metadata.markupDate = LibXMLNodes.string(value, limit: 64)
            }
        }
        if tag == .lineBreak {
            lineBreak()
            return false
        }
        if tag == .anchor { linkDepth += 1 }
        if tag.isBlock { flush() }
        let index = Int32(tree.elements.count)
        let owner = tag.isBlock || current < 0 ? index : tree.elements[Int(current)].blockOwner
        tree.elements.append(PageElement(parent: current, blockOwner: owner, end: index + 1, tag: tag, hint: hint,
                                         isMarkedArticle: marked))
        names.append(name)
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
        names.removeLast()
    }

    /// The end of a skipped element whose text was kept: the title, or a JSON-LD script.
    private mutating func endCapture() {
        switch capture {
        case .title:
            if metadata.documentTitle == nil {
                captured.append(0)
                metadata.documentTitle = captured.withUnsafeBufferPointer { LibXMLNodes.string($0.baseAddress!) }
            }
        case .jsonLD:
            if !captured.isEmpty && metadata.jsonLD.count < 16 { metadata.jsonLD.append(captured) }
        case .none: break
        }
        capture = .none
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
    private mutating func append(_ content: UnsafePointer<UInt8>, _ count: Int) {
        var i = 0
        let before = tree.text.count
        @inline(__always) func isSpace(_ at: Int) -> Int {
            let b = content[at]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C { return 1 }
            return b == 0xC2 && at + 1 < count && content[at + 1] == 0xA0 ? 2 : 0
        }
        while i < count {
            let space = isSpace(i)
            if space > 0 {
                pendingSpace = true
                i += space
                continue
            }
            if pendingSpace {
                if tree.text.count > pendingStart, tree.text[tree.text.count - 1] != 0x0A { tree.text.append(0x20) }
                pendingSpace = false
            }
            // A run of bytes up to the next space (or no-break space), copied at once.
            var end = i + 1
            while end < count, isSpace(end) == 0 { end += 1 }
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
        var punctuation: Int32 = 0
        var i = pendingStart
        let end = tree.text.count
        while i < end {
            switch tree.text[i] {
            case 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3A: punctuation += 1
            case 0xE3 where i + 2 < end && tree.text[i + 1] == 0x80 && (tree.text[i + 2] == 0x81 || tree.text[i + 2] == 0x82):
                punctuation += 1   // 、。
            case 0xE0 where i + 2 < end && tree.text[i + 1] == 0xA5 && (tree.text[i + 2] == 0xA4 || tree.text[i + 2] == 0xA5):
                punctuation += 1   // । ॥ (Devanagari)
            case 0xD8 where i + 1 < end && (tree.text[i + 1] == 0x8C || tree.text[i + 1] == 0x9F || tree.text[i + 1] == 0x9B):
                punctuation += 1   // ، ؟ ؛ (Arabic)
            case 0xEF where i + 2 < end && tree.text[i + 1] == 0xBC
                && (tree.text[i + 2] == 0x8C || tree.text[i + 2] == 0x81 || tree.text[i + 2] == 0x9F || tree.text[i + 2] == 0x9B):
                punctuation += 1   // ，！？；
            default: break
            }
            i += 1
        }
        tree.blocks.append(TextBlock(start: Int32(pendingStart), end: Int32(tree.text.count),
                                     linkBytes: Int32(min(pendingLinkBytes, tree.text.count - pendingStart)),
                                     owner: tree.elements[Int(current)].blockOwner, punctuation: punctuation))
    }

    // MARK: Metadata

    private mutating func readMeta(_ attributes: SAXAttributes) {
        guard let content = LibXMLNodes.attribute(attributes, "content") else { return }
        let key = LibXMLNodes.attribute(attributes, "property") ?? LibXMLNodes.attribute(attributes, "name")
            ?? LibXMLNodes.attribute(attributes, "itemprop") ?? LibXMLNodes.attribute(attributes, "http-equiv")
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
}

extension String {
    /// `en_GB` as a language tag: `en-GB`.
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
