import Testing
import LedeText

@Suite("byte key table")
struct ByteKeyTableTests {
    /// Keys of every kind of slot: inline (at most 8 bytes), in the arena by start (under 254 bytes), and
    /// in the arena by entry (254 bytes or more); enough of them that the table grows.
    static let keys: [[UInt8]] = (0..<600).map { i in
        let length = [1, 3, 5, 8, 9, 17, 253, 254, 300][i % 9]
        return (0..<length).map { UInt8(truncatingIfNeeded: i &* 31 &+ $0 &* 7 &+ ($0 == 0 ? i >> 8 : 0)) }
    }

    static func intern(_ key: [UInt8], _ table: ByteKeyTable) -> (entry: Int, inserted: Bool) {
        key.withUnsafeBufferPointer { table.intern($0.baseAddress!, $0.count, hash: ByteHash.hash($0.baseAddress!, $0.count)) }
    }

    static func find(_ key: [UInt8], _ table: ByteKeyTable) -> UInt32? {
        key.withUnsafeBufferPointer { table.find($0.baseAddress!, $0.count, hash: ByteHash.hash($0.baseAddress!, $0.count)) }
    }

    @Test func internNumbersKeysInOrderOfFirstAppearance() {
        let table = ByteKeyTable(capacity: 4, keyBytes: 16)
        var expected: [[UInt8]: Int] = [:]
        for key in Self.keys + Self.keys.reversed() {
            let found = Self.intern(key, table)
            if let entry = expected[key] {
                #expect(found.entry == entry && !found.inserted)
            } else {
                #expect(found.entry == expected.count && found.inserted)
                expected[key] = expected.count
            }
        }
        #expect(table.count == expected.count)
        for (key, entry) in expected {
            #expect(Array(table.key(entry)) == key)
            #expect(Self.find(key, table) == UInt32(entry))
        }
    }

    @Test func removeAllForgetsEveryKeyAndTheTableServesAgain() {
        let table = ByteKeyTable(capacity: 4, keyBytes: 16)
        for round in 0..<3 {
            let keys = round == 1 ? Array(Self.keys.prefix(40)) : Self.keys
            for key in keys { _ = Self.intern(key, table) }
            table.removeAll()
            #expect(table.count == 0)
            for key in Self.keys { #expect(Self.find(key, table) == nil) }
        }
        // Numbering starts again at 0, in the new order.
        for (i, key) in Self.keys.reversed().enumerated() { #expect(Self.intern(key, table) == (i, true)) }
    }

    @Test func stopWordsCompareByMembersInOrder() {
        let words = StopWords(["the", "a", "", "the", String(repeating: "x", count: 300)])
        #expect(words.count == 4)
        #expect(words.contains("") && words.contains("the") && !words.contains("th"))
        #expect(words.contains(String(repeating: "x", count: 300)))
        #expect(words == StopWords(["the", "a", "", String(repeating: "x", count: 300)]))
        #expect(words != StopWords(["a", "the", "", String(repeating: "x", count: 300)]))
        #expect(words.hashValue == StopWords(["the", "a", "the", "", String(repeating: "x", count: 300)]).hashValue)
    }
}
