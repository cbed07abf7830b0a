import CLibXML2

/// The attributes of an element that extraction reads, found in one pass over the element's attribute
/// list. Values are NUL-terminated UTF-8 owned by the parser, valid during the start-tag event.
struct ElementAttributes {
    var className: UnsafePointer<UInt8>?
    var id: UnsafePointer<UInt8>?
    var style: UnsafePointer<UInt8>?
    var role: UnsafePointer<UInt8>?
    var itemprop: UnsafePointer<UInt8>?
    var hidden = false
    var ariaHidden = false

    init(_ attributes: SAXAttributes) {
        guard let attributes else { return }
        var i = 0
        while let name = attributes[i] {
            let value = attributes[i + 1] ?? LibXMLNodes.empty
            i += 2
            switch name[0] {
            case 0x63 where LibXMLNodes.equals(name, "class"): className = value
            case 0x69 where LibXMLNodes.equals(name, "id"): id = value
            case 0x69 where LibXMLNodes.equals(name, "itemprop"): itemprop = value
            case 0x73 where LibXMLNodes.equals(name, "style"): style = value
            case 0x72 where LibXMLNodes.equals(name, "role"): role = value
            case 0x68 where LibXMLNodes.equals(name, "hidden"): hidden = true
            case 0x61 where LibXMLNodes.equals(name, "aria-hidden"): ariaHidden = LibXMLNodes.equals(value, "true")
            default: break
            }
        }
    }
}
