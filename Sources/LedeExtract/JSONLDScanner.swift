/// Reads string values out of a page's JSON-LD without a full JSON parser (pages' JSON-LD is often
/// slightly broken): finds `"key"`, then `:` and a JSON string, and decodes its escapes.
enum JSONLDScanner {
    /// Every string value of `key` in `json`, in order.
    static func strings(forKey key: StaticString, in json: [UInt8]) -> [String] {
        let needle = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        var results: [String] = []
        let n = json.count
        guard n > needle.count + 2 else { return results }
        var i = 0
        while i + needle.count + 2 < n {
            guard json[i] == 0x22, json[i + needle.count + 1] == 0x22,
                  json[(i + 1)...(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            var j = i + needle.count + 2
            while j < n, isSpace(json[j]) { j += 1 }
            guard j < n, json[j] == 0x3A else { i += 1; continue }
            j += 1
            while j < n, isSpace(json[j]) { j += 1 }
            if j < n, json[j] == 0x22, let (value, next) = decodeString(json, from: j + 1) {
                results.append(value)
                i = next
            } else {
                i = j
            }
        }
        return results
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Decodes the JSON string whose body starts at `start` (just after the opening quote).
    private static func decodeString(_ json: [UInt8], from start: Int) -> (String, Int)? {
        var out: [UInt8] = []
        var i = start
        let n = json.count
        while i < n {
            let b = json[i]
            if b == 0x22 { return (String(decoding: out, as: UTF8.self), i + 1) }
            if b == 0x5C, i + 1 < n {
                let e = json[i + 1]
                i += 2
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                case 0x62, 0x66: out.append(0x20)
                case 0x75:
                    guard i + 4 <= n, var code = hex(json, i) else { continue }
                    i += 4
                    if code >= 0xD800 && code < 0xDC00, i + 6 <= n, json[i] == 0x5C, json[i + 1] == 0x75,
                       let low = hex(json, i + 2), low >= 0xDC00 && low < 0xE000 {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        return nil
    }

    private static func hex(_ json: [UInt8], _ at: Int) -> UInt32? {
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let b = json[k]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x37)
            case 0x61...0x66: digit = UInt32(b - 0x57)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
