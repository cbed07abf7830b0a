/// An immutable set of byte strings with membership tests straight from a pointer, for stop words: a
/// `ByteKeyTable` filled once, read-only after, so it may be shared between threads. Equal and hashed by
/// its members in the order first given. Membership is O(length) expected.
@usableFromInline package struct ByteStringSet: @unchecked Sendable, Hashable {
    private let table: ByteKeyTable

    /// Creates the set of the UTF-8 bytes of `members`.
    @usableFromInline package init<S: Sequence>(_ members: S) where S.Element == String {
        let table = ByteKeyTable(capacity: 16, keyBytes: 256)
        for member in members {
            var member = member
            member.withUTF8 { bytes in
                let p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
                _ = table.intern(p, bytes.count, hash: ByteHash.hash(p, bytes.count))
            }
        }
        self.table = table
    }

    /// Number of members.
    @usableFromInline package var count: Int { table.count }

    /// The members, in the order first given.
    @usableFromInline package var members: [String] {
        (0..<count).map { String(decoding: table.key($0), as: UTF8.self) }
    }

    /// Whether the `count` bytes at `p` are a member.
    @usableFromInline package func contains(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        table.find(p, count, hash: ByteHash.hash(p, count)) != nil
    }

    /// Whether `member` is in the set.
    @usableFromInline package func contains(_ member: String) -> Bool {
        var member = member
        return member.withUTF8 { contains($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    @usableFromInline package static func == (a: ByteStringSet, b: ByteStringSet) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a.table.key($0).elementsEqual(b.table.key($0)) }
    }

    @usableFromInline package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for e in 0..<count {
            let key = table.key(e)
            hasher.combine(key.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(key))
        }
    }
}
