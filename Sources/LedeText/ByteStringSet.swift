/// An immutable set of byte strings with membership tests straight from a pointer, for stop words.
/// Open addressing over flat arrays; membership is O(length of the probe).
@usableFromInline package struct ByteStringSet: Sendable, Hashable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private let mask: Int

    /// Creates the set of the UTF-8 bytes of `members`.
    @usableFromInline package init<S: Sequence>(_ members: S) where S.Element == String {
        var unique: [[UInt8]] = []
        var seen = Set<[UInt8]>()
        for member in members where seen.insert(Array(member.utf8)).inserted {
            unique.append(Array(member.utf8))
        }
        var capacity = 16
        while capacity < unique.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        for (index, member) in unique.enumerated() {
            bytes.append(contentsOf: member)
            starts.append(bytes.count)
            let h = member.withUnsafeBufferPointer { ByteHash.hash($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// Number of members.
    @usableFromInline package var count: Int { starts.count - 1 }

    /// The members, in the order first given.
    @usableFromInline package var members: [String] {
        (0..<count).map { String(decoding: bytes[starts[$0]..<starts[$0 + 1]], as: UTF8.self) }
    }

    /// Whether the `count` bytes at `p` are a member.
    @usableFromInline package func contains(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let h = ByteHash.hash(p, count)
        var slot = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                starts.withUnsafeBufferPointer { starts in
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return false }
                        let start = starts[index]
                        if starts[index + 1] - start == count {
                            var equal = true
                            for k in 0..<count where bytes[start + k] != p[k] {
                                equal = false
                                break
                            }
                            if equal { return true }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `member` is in the set.
    @usableFromInline package func contains(_ member: String) -> Bool {
        var member = member
        return member.withUTF8 { contains($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }
}
