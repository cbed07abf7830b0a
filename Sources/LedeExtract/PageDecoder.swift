import LedeText

/// A page's bytes as valid UTF-8, whatever their charset (see ``CharsetSniffer``): as they are when they
/// are UTF-8 already, else repaired or transcoded first.
enum PageDecoder {
    /// `body` applied to the page's bytes as UTF-8, byte-order mark left out; nil when the charset
    /// cannot be read.
    static func withUTF8<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        let choice = CharsetSniffer.choose(bytes)
        let rest = UnsafeBufferPointer(rebasing: bytes[choice.skip...])
        switch choice.encoding {
        case "UTF-8":
            return choice.repair ? repairUTF8(rest).bytes.withUnsafeBufferPointer(body) : body(rest)
        case "windows-1252":
            return Windows1252.utf8(rest).withUnsafeBufferPointer(body)
        case "UTF-16LE", "UTF-16BE":
            return UTF16Decoder.utf8(rest, bigEndian: choice.encoding == "UTF-16BE").withUnsafeBufferPointer(body)
        default:
            return IconvDecoder.utf8(rest, from: choice.encoding).flatMap { $0.withUnsafeBufferPointer(body) }
        }
    }
}
