import Foundation
import Testing
import LedeSafetensors
import LedeTestSupport

@Suite("Safetensors fuzzing")
struct FuzzTests {
    /// Bytes that steer mutations toward the header's grammar.
    static let interesting = Array(#"{}[]",:-.0123456789eE \"#.utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xFF]

    /// One to four random edits: bit flips, byte writes, truncation, insertion, deletion, duplication, a new length.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        let headerEnd = min(out.count, 8 + out[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) })
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !out.isEmpty else { out = [UInt8.random(in: 0...255, using: &random)]; continue }
            let position = Int.random(in: 0..<out.count, using: &random)
            let inHeader = headerEnd > 8 ? Int.random(in: 8..<headerEnd, using: &random) : position
            switch Int.random(in: 0..<9, using: &random) {
            case 0: out[position] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: out[position] = UInt8.random(in: 0...255, using: &random)
            case 2: if inHeader < out.count { out[inHeader] = interesting.randomElement(using: &random)! }
            case 3: out.removeSubrange(Int.random(in: 0...out.count, using: &random)...)
            case 4: out.insert(contentsOf: (0..<Int.random(in: 1...16, using: &random)).map { _ in interesting.randomElement(using: &random)! }, at: min(inHeader, out.count))
            case 5: out.removeSubrange(position..<min(out.count, position + Int.random(in: 1...16, using: &random)))
            case 6:
                let end = min(out.count, position + Int.random(in: 1...24, using: &random))
                out.insert(contentsOf: out[position..<end], at: Int.random(in: 0...out.count, using: &random))
            case 7 where out.count >= 8:
                let length = UInt64(max(0, headerEnd - 8 + Int.random(in: -9...9, using: &random)))
                withUnsafeBytes(of: length.littleEndian) { for index in 0..<8 { out[index] = $0[index] } }
            default:
                if out.count >= 8 { out[Int.random(in: 0..<8, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            }
        }
        return out
    }

    @Test func randomMutationsThrowOrLoadButNeverCrash() throws {
        let valid = try Fixtures.sampleWriter().serialized()
        var random = SplitMix64(state: 20_240_611)
        var loaded = 0
        var codes: [SafetensorsError.Code: Int] = [:]
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("fuzz.safetensors")
            for _ in 0..<4_000 {
                let mutant = Self.mutate(valid, using: &random)
                if let error = try Fixtures.openAndTouch(mutant, at: url) {
                    codes[error.code, default: 0] += 1
                } else {
                    loaded += 1
                }
            }
        }
        // The mutations reach many different rules, and some mutants (edits in names or metadata) stay valid.
        #expect(codes.count >= 8, "codes seen: \(codes)")
        #expect(loaded > 0)
    }
}
