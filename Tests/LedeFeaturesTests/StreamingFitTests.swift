import Testing
import LedeFeatures
import LedeText

/// The public streaming fit, `fitTransform(threads:chunks:)`, fed in-memory byte documents.
@Suite("streaming fit")
struct StreamingFitTests {
    /// Documents with ill-formed UTF-8, an empty one, and enough of them for several batches per chunk.
    static let documents: [[UInt8]] = {
        var documents: [[UInt8]] = [Array("the cat sat on the mat".utf8), [], Array("caf".utf8) + [0xE9] + Array(" au lait, the cat".utf8),
                                    [0x61, 0x62, 0xFF, 0xFE, 0x63, 0x64, 0xC3]]
        for i in 0..<200 { documents.append(Array("document \(i) of \(i % 7) words and \(i % 13) more, Über straße".utf8)) }
        return documents
    }()

    @Test(arguments: [(1, 1), (2, 3), (2, 64), (3, 1000)])
    func matchesByteDocuments(threads: Int, chunkSize: Int) throws {
        let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2))
        let expected = try vectorizer.fitTransform(byteDocuments: Self.documents, threads: threads)
        var chunks = 0
        let fit = try vectorizer.fitTransform(threads: threads) { count in
            var start = 0
            while start < Self.documents.count {
                let end = min(start + chunkSize, Self.documents.count)
                try count(end - start) { worker, i, text in
                    #expect((0..<threads).contains(worker))
                    // Each document in two pieces, split at a space: the same as one piece.
                    let document = Self.documents[start + i]
                    let cut = document.firstIndex(of: 0x20) ?? document.count
                    document[..<cut].withUnsafeBufferPointer { text.add($0) }
                    document[cut...].withUnsafeBufferPointer { text.add($0) }
                }
                start = end
                chunks += 1
            }
        }
        #expect(chunks == (Self.documents.count + chunkSize - 1) / chunkSize)
        #expect(fit.model.vocabulary == expected.model.vocabulary)
        #expect(fit.model.idf == expected.model.idf)
        #expect(fit.matrix == expected.matrix)
        #expect(fit.invalidUTF8Count == expected.invalidUTF8Count && fit.invalidUTF8Count == 4)
    }

    @Test func readErrorsStopTheFitAndReplacedUTF8IsCounted() throws {
        struct Stop: Error, Equatable { var index: Int }
        #expect(throws: Stop(index: 5)) {
            try TfidfVectorizer().fitTransform(threads: 2) { count in
                try count(50) { _, i, text in
                    if i == 5 || i == 40 { throw Stop(index: i) }
                    Array("words \(i)".utf8).withUnsafeBufferPointer { text.add($0) }
                }
            }
        }
        let fit = try TfidfVectorizer().fitTransform(threads: 2) { count in
            try count(2) { _, i, text in
                Array("one two".utf8).withUnsafeBufferPointer { text.add($0) }
                text.countReplacedUTF8(i + 1)
            }
        }
        #expect(fit.invalidUTF8Count == 3 && fit.matrix.rowCount == 2)
    }
}
