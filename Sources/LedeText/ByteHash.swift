/// A fast 64-bit hash of byte strings and of 64-bit keys, for the hash tables of terms. Not for security:
/// an adversary can make it collide, which costs time (longer probes), never correctness.
@usableFromInline package enum ByteHash {
    /// Hashes `count` bytes at `p`, eight at a time.
    @inlinable @inline(__always)
    package static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        let rest = count - i
        if rest > 0 {
            // The last 1-7 bytes as one zero-padded integer, from overlapping loads (no byte loop).
            let tail: UInt64
            if rest >= 4 {
                let low = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                tail = low | high << UInt64(8 * (rest - 4))
            } else {
                tail = UInt64(p[i]) | UInt64(p[i + (rest >> 1)]) << UInt64(8 * (rest >> 1)) | UInt64(p[count - 1]) << UInt64(8 * (rest - 1))
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return mix(h)
    }

    /// Hashes a 64-bit key (MurmurHash3's finalizer).
    @inlinable @inline(__always)
    package static func mix(_ key: UInt64) -> UInt64 {
        var h = key
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
