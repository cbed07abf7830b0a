import Foundation
import Testing
import LedeText
import LedeParallel
@testable import LedeFeatures

/// The token dictionary that a chunk's workers add to at once: one id per distinct key whoever adds it,
/// keys of every length, and a clear answer when the room set aside runs out.
@Suite("token dictionary")
struct TokenDictionaryTests {
    /// Keys of 1 to 300 bytes (inline, in the arena, and past the 254-byte tag cap).
    static func key(_ k: Int) -> [UInt8] {
        let length = k % 37 == 0 ? 254 + k % 50 : 1 + (k * 7) % 20
        return (0..<length).map { UInt8(0x61 + (k &+ $0 &* 31) % 26) } + Array(String(k).utf8)
    }

    @Test("workers adding the same keys at once get one id per key", arguments: [1, 2, 4])
    func concurrentAdds(threads: Int) {
        let keys = (0..<20_000).map(Self.key)
        let dictionary = TokenDictionary()
        dictionary.makeRoom(entries: keys.count * threads, bytes: keys.reduce(0) { $0 + $1.count } * threads)
        let view = dictionary.view
        let seen = (0..<threads).map { _ in UnsafeMutableBufferPointer<UInt32>.allocate(capacity: keys.count) }
        defer { seen.forEach { $0.deallocate() } }
        parallelFor(blocks: threads, threads: threads) { w in
            // Each worker in its own order (a stride prime to the key count), so that they race for the same keys.
            let stride = [1, 3, 7, 9][w]
            for step in 0..<keys.count {
                let k = (step * stride + w * 7919) % keys.count
                keys[k].withUnsafeBufferPointer { bytes in
                    let hash = ByteHash.hash(bytes.baseAddress!, bytes.count)
                    seen[w][k] = view.findOrAdd(bytes.baseAddress!, bytes.count, hash: hash)!
                }
            }
        }
        for k in keys.indices {
            let id = seen[0][k]
            #expect((1..<threads).allSatisfy { seen[$0][k] == id })
            #expect(dictionary.key(Int(id)).map(Array.init) == keys[k])
        }
        let named = (0..<dictionary.idLimit).compactMap { dictionary.key($0) }.count
        #expect(named == keys.count)  // holes (lost races) have no key
        // After growing, every key is still found under its id.
        dictionary.makeRoom(entries: 100_000, bytes: 1 << 20)
        for k in stride(from: 0, to: keys.count, by: 97) {
            keys[k].withUnsafeBufferPointer { bytes in
                #expect(dictionary.view.find(bytes.baseAddress!, bytes.count, hash: ByteHash.hash(bytes.baseAddress!, bytes.count)) == seen[0][k])
            }
        }
    }

    @Test("when the room runs out, findOrAdd says so and adds nothing more")
    func roomRunsOut() {
        let dictionary = TokenDictionary()
        dictionary.makeRoom(entries: 10, bytes: 1 << 10)
        let view = dictionary.view
        var added = 0, refused = 0
        for k in 0..<50_000 {
            let key = Self.key(k)
            let id = key.withUnsafeBufferPointer { view.findOrAdd($0.baseAddress!, $0.count, hash: ByteHash.hash($0.baseAddress!, $0.count)) }
            if id == nil { refused += 1 } else { added += 1 }
        }
        #expect(added >= 10 && refused > 0)
        #expect(dictionary.idLimit == added)
        dictionary.makeRoom(entries: 5, bytes: 64)
        #expect(dictionary.idLimit == added)
    }
}

/// A chunk with more new tokens than the dictionary's room: the rest wait under provisional ids and join
/// at the merge; the fit is the same on any number of threads.
@Suite("token dictionary overflow")
struct TokenDictionaryOverflowTests {
    @Test("a first chunk of 150 k distinct tokens fits alike on 1, 2 and 3 threads")
    func overflowJoinsAtTheMerge() throws {
        // 150,000 distinct tokens (each twice, in different documents) in about 2.4 MB: the first 1 MB chunk
        // alone holds more new tokens than the 64 k set aside.
        let documents = (0..<3000).map { d in
            (0..<100).map { t in "w\(String((d * 100 + t) % 150_000, radix: 36))x\(t % 7)" }.joined(separator: " ")
        }
        let vectorizer = TfidfVectorizer(analyzer: .scikitLearn(), options: TfidfOptions(minDF: .count(2)))
        let one = try vectorizer.fitTransform(documents: documents, threads: 1)
        #expect(one.model.vocabulary.count == 150_000)
        for threads in [2, 3] {
            let many = try vectorizer.fitTransform(documents: documents, threads: threads)
            #expect(many.model.vocabulary == one.model.vocabulary)
            #expect(many.model.idf == one.model.idf)
            #expect(many.matrix == one.matrix)
        }
    }
}
