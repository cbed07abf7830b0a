import CLibXML2

/// A page parsed by libxml2's HTML parser: with recovery (a broken page still gives a tree), without the
/// network, and quietly (no messages on stderr). Owns the tree; it is freed with this value.
final class HTMLDocument {
    let pointer: htmlDocPtr

    /// Parses `bytes`, read as `encoding` (an IANA name libxml2 knows, such as "UTF-8" or
    /// "windows-1252"). Nil when libxml2 gives no tree at all.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max) else { return nil }
        let parsed = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlReadMemory($0, Int32(bytes.count), nil, encoding, options)
        }
        guard let parsed else { return nil }
        pointer = parsed
    }

    deinit { xmlFreeDoc(pointer) }

    /// The root element (`html`), when there is one.
    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }
}
