#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Other charsets than UTF-8, UTF-16 and Windows-1252 (Shift_JIS, GB18030, KOI8-R…) to UTF-8, through the
/// C library's iconv; a byte it cannot read becomes U+FFFD and the decoding goes on.
enum IconvDecoder {
    /// Whether iconv reads `charset`.
    static func knows(_ charset: String) -> Bool {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// `bytes` in `charset` as UTF-8; nil when iconv does not know `charset`.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1), let base = bytes.baseAddress else { return nil }
        defer { iconv_close(converter) }
        var out = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var inputLeft = bytes.count
        var input = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        out.withUnsafeMutableBufferPointer { buffer in
            let start = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            while inputLeft > 0 {
                var output: UnsafeMutablePointer<CChar>? = start + produced
                var outputLeft = buffer.count - produced - 4
                var source: UnsafeMutablePointer<CChar>? = input
                let result = iconv(converter, &source, &inputLeft, &output, &outputLeft)
                produced = output! - start
                input = source!
                if result == -1 {
                    guard errno == EILSEQ || errno == EINVAL, inputLeft > 0 else { break }
                    // An unreadable byte: U+FFFD, then on.
                    for b: UInt8 in [0xEF, 0xBF, 0xBD] { buffer[produced] = b; produced += 1 }
                    input += 1
                    inputLeft -= 1
                }
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}
