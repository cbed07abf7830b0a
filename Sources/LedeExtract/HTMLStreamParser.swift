import CLibXML2

/// Runs libxml2's HTML parser over a page as a stream of events into a ``PageBuilder``: with recovery (a
/// broken page still gives its text), without the network, quietly (no messages on stderr), with no depth
/// limit, and without building libxml2's tree.
enum HTMLStreamParser {
    /// The page `bytes`, valid UTF-8; nil when libxml2 cannot start.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> PageBuilder? {
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        // libxml2 reports to this thread's handler, stderr unless set; extraction wants silence.
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        let created = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }
        guard let context = created, let sax = context.pointee.sax else {
            if let created { htmlFreeParserCtxt(created) }
            return nil
        }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        htmlCtxtUseOptions(context, options)
        // The bytes are UTF-8 (the extractor transcodes others first): no guessing from the page.
        context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)

        // Only the events extraction reads: no tree is built.
        sax.pointee = htmlSAXHandler()
        sax.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLStreamParser.builder(context).pointee.startElement(name, attributes)
        }
        sax.pointee.endElement = { context, name in
            guard let name else { return }
            HTMLStreamParser.builder(context).pointee.endElement(name)
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let bytes, count > 0 else { return }
            HTMLStreamParser.builder(context).pointee.characters(bytes, Int(count))
        }
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters

        var page = PageBuilder()
        withUnsafeMutablePointer(to: &page) { pointer in
            context.pointee._private = UnsafeMutableRawPointer(pointer)
            _ = htmlParseDocument(context)
            context.pointee._private = nil
        }
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        page.finish()
        return page
    }

    /// The builder behind a parser context's user data (the context itself, by libxml2's default).
    fileprivate static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<PageBuilder> {
        let parser = context!.assumingMemoryBound(to: htmlParserCtxt.self)
        return parser.pointee._private.assumingMemoryBound(to: PageBuilder.self)
    }
}
