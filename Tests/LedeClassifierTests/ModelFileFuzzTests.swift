import Foundation
import Testing
import LedeClassifier

/// Damaged copies of a small model: each either fails to load with a `ModelFileError`, or loads and then
/// classifies (building its lookup tables) without stopping the process. A crash here fails the whole run.
@Suite("Model file: damaged copies")
struct ModelFileFuzzTests {
    /// SplitMix64: a small, seeded generator, so that every run damages the file the same way.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    @Test("400 damaged copies of the format 2 fixture: a clear error, or a model that classifies")
    func damagedCopies() throws {
        let good = try Data(contentsOf: URL(fileURLWithPath: formatTwoFixture))
        let headerEnd = 8 + (0..<8).reduce(0) { $0 | Int(good[$1]) << (8 * $1) }
        // Where the vocabulary's bytes are, to put spaces among them (a word n-gram's words are joined by one).
        let header = try #require(try JSONSerialization.jsonObject(with: good.subdata(in: 8..<headerEnd)) as? [String: Any])
        let vocabulary = try #require((header["vocabulary"] as? [String: Any])?["data_offsets"] as? [Int])
        let vocabularyStart = headerEnd + vocabulary[0], vocabularyBytes = vocabulary[1] - vocabulary[0]
        var random = Generator(state: 2026)
        let path = temporaryPath("damaged")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var loaded = 0, refused = 0
        for _ in 0..<400 {
            var bytes = [UInt8](good)
            switch random.below(4) {
            case 0:   // a few bytes of the tensors (vocabulary, offsets, weights, idf) changed
                for _ in 0...random.below(8) {
                    let at = headerEnd + random.below(bytes.count - headerEnd), value = UInt8(random.below(256))
                    bytes[at] = value
                }
            case 1:   // a byte of the JSON header changed (a digit of an offset or shape, a quote, a brace)
                let at = 8 + random.below(headerEnd - 8), value = UInt8(random.below(256))
                bytes[at] = value
            case 2:   // a vocabulary byte made a space
                let at = vocabularyStart + random.below(vocabularyBytes)
                bytes[at] = UInt8(ascii: " ")
            default:  // cut short
                let cut = 1 + random.below(bytes.count - 1)
                bytes.removeLast(cut)
            }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            do {
                let model = try ModelFile.load(from: path)
                let rows = model.features(titles: ["Markets rally"], texts: ["Shares rose as the bank cut rates. The team won the cup final."])
                _ = model.probabilities(rows)
                loaded += 1
            } catch {   // load throws only ModelFileError
                refused += 1
            }
        }
        #expect(loaded + refused == 400 && refused > 0)
    }
}
