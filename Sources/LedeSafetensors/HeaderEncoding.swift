/// One tensor's header entry as the writer lays it out.
struct HeaderEntry {
    var name: String
    var dtype: SafetensorsDType
    var shape: [Int]
    var byteRange: Range<Int>
}

/// The header bytes for `entries` and `metadata`: compact JSON with `__metadata__` first (when not empty) and
/// tensors sorted by the UTF-8 bytes of their names, then spaces so that 8 + the header length is a multiple
/// of 8, which keeps 8-byte data aligned. The same input always gives the same bytes.
func encodeHeader(entries: [HeaderEntry], metadata: [String: String]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(64 + entries.count * 96)
    out.append(UInt8(ascii: "{"))
    var first = true
    func separate() {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
    }
    if !metadata.isEmpty {
        separate()
        appendJSONString(SafetensorsHeader.metadataKey, to: &out)
        out.append(contentsOf: ":{".utf8)
        for (index, key) in metadata.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendJSONString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendJSONString(metadata[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
    for entry in entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
        separate()
        appendJSONString(entry.name, to: &out)
        out.append(contentsOf: ":{\"dtype\":".utf8)
        appendJSONString(entry.dtype.rawValue, to: &out)
        out.append(contentsOf: ",\"shape\":[".utf8)
        out.append(contentsOf: entry.shape.map(String.init).joined(separator: ",").utf8)
        out.append(contentsOf: "],\"data_offsets\":[\(entry.byteRange.lowerBound),\(entry.byteRange.upperBound)]}".utf8)
    }
    out.append(UInt8(ascii: "}"))
    while (8 + out.count) % 8 != 0 { out.append(UInt8(ascii: " ")) }
    return out
}

/// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
func appendJSONString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
        case 0x0A: out.append(contentsOf: "\\n".utf8)
        case 0x0D: out.append(contentsOf: "\\r".utf8)
        case 0x09: out.append(contentsOf: "\\t".utf8)
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        default: out.append(byte)
        }
    }
    out.append(UInt8(ascii: "\""))
}
