/// Tells binary data (an image, an archive, random bytes) from text before it reaches the HTML parser.
enum BinarySniffer {
    /// Whether the first 4 KB look binary: NUL bytes (outside UTF-16 with a byte-order mark) or more than
    /// one control byte in ten.
    static func isBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(bytes.count, 4096)
        guard n > 0 else { return false }
        if n >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return false }
        var controls = 0
        for i in 0..<n {
            let b = bytes[i]
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 10 > n
    }
}
