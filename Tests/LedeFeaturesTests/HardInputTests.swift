import Foundation
import Testing
import LedeFeatures
import LedePipeline
import LedeText

/// Inputs that break naive vectorizers: ill-formed UTF-8, NUL bytes, empty documents, very long lines.
@Suite("hard input")
struct HardInputTests {
    @Test func invalidUTF8IsReplacedAndCountedNeverACrash() throws {
        var documents: [[UInt8]] = [Array("good text here".utf8)]
        documents.append([0x61, 0x62, 0xFF, 0xFE, 0x63, 0x64, 0xC3])          // 3 ill-formed sequences
        documents.append([0xF0, 0x9F, 0x98, 0x61, 0x62, 0xED, 0xA0, 0x80])   // 4: a truncated emoji, a surrogate (3)
        var state: UInt64 = 7
        documents.append((0..<100_000).map { _ in
            state = state &* 6364136223846793005 &+ 1
            return UInt8(truncatingIfNeeded: state >> 56)
        })
        let fit = try TfidfVectorizer().fitTransform(byteDocuments: documents, threads: 2)
        let randomInvalid = documents[3].withUnsafeBufferPointer { countInvalidUTF8($0) }
        #expect(randomInvalid > 1000)
        #expect(fit.invalidUTF8Count == 7 + randomInvalid)
        let terms = Set(fit.model.vocabulary.terms)
        #expect(terms.isSuperset(of: ["good", "text", "here", "ab", "cd"]))
        #expect(fit.matrix.rowCount == 4)
        #expect(fit.model.transform(byteDocuments: documents, threads: 1) == fit.matrix)
    }

    @Test func invalidUTF8InAJSONLinesFileIsRepaired() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bad-utf8-\(UUID().uuidString).jsonl").path
        var bytes = Array(#"{"title": "One", "text": "caf"#.utf8) + [0xE9] + Array(#" au lait"}"#.utf8) + [0x0A]
        bytes += Array("\r\n   \n".utf8)
        bytes += Array(#"{"title": "Two", "text": null}"#.utf8) + [0x0D, 0x0A]
        bytes += Array(#"{"text": "no title, no newline at the end"}"#.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fit = try TfidfVectorizer().fitTransform(jsonLinesAt: path, fields: ["title", "text"], threads: 2, linesPerChunk: 1)
        #expect(fit.invalidUTF8Count == 1)
        #expect(fit.matrix.rowCount == 3)
        #expect(Set(fit.model.vocabulary.terms) == ["one", "caf", "au", "lait", "two", "no", "title", "newline", "at", "the", "end"])
    }

    @Test func badJSONLineThrowsWithItsLineNumber() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bad-json-\(UUID().uuidString).jsonl").path
        try "{\"title\": \"a\", \"text\": \"b c\"}\n\n{\"title\": 3}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { try TfidfVectorizer().fitTransform(jsonLinesAt: path, threads: 1) } throws: { error in
            (error as? VectorizerError)?.code == .badRecord && (error as? VectorizerError)?.line == 3
        }
        #expect(throws: VectorizerError.self) { try TfidfVectorizer().fitTransform(jsonLinesAt: path + ".missing") }
    }

    @Test func nulBytesAndEmptyDocuments() throws {
        let documents = ["", "ab\u{0}cd\u{0}ab", "\u{0}\u{0}", "", "cd"]
        let fit = try TfidfVectorizer().fitTransform(documents: documents, threads: 2)
        #expect(fit.model.vocabulary.terms == ["ab", "cd"])
        #expect(fit.matrix.rowStarts == [0, 0, 2, 2, 2, 3])
        #expect(fit.model.documentCount == 5)
        let empty = try TfidfVectorizer().fitTransform(documents: ["x y z", "ab"], threads: 1)
        #expect(empty.matrix.rowStarts == [0, 0, 1])
        #expect(throws: VectorizerError.self) { try TfidfVectorizer().fitTransform(documents: [], threads: 2) }
    }

    @Test func tenMillionCharacterLineWithoutSpaces() throws {
        let giant = String(repeating: "a", count: 10_000_000)
        let dotted = String(repeating: "ab.", count: 3_333_334)
        let fit = try TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2)).fitTransform(documents: [giant, dotted, "ab ab"], threads: 2)
        #expect(fit.model.vocabulary.count == 3)   // the giant token ("aa…" sorts before "ab"), "ab", "ab ab"
        #expect(fit.model.vocabulary[0].utf8.count == 10_000_000 && fit.model.vocabulary[1] == "ab" && fit.model.vocabulary[2] == "ab ab")
        #expect(fit.matrix.entries(ofRow: 0).map { fit.matrix.columns[$0] } == [0])
        #expect(fit.matrix.entries(ofRow: 1).map { fit.matrix.columns[$0] } == [1, 2])
    }
}
