/// Scratch space a tokenizer writes one block of tokens into, reused from document to document.
///
/// The bytes are a leading space, then each token lower-cased and followed by one space (" ab cd ef "),
/// so that consecutive tokens (a word n-gram, joined by single spaces as scikit-learn joins them) and a
/// token with the spaces around it (for character n-grams within word boundaries) are contiguous byte
/// ranges. A tokenizer hands the buffer to its caller whenever `blockTokenLimit` tokens or about
/// `blockByteLimit` bytes have been written, and once more at the end of the text, so memory stays
/// bounded however long a document is (a single token longer than the byte limit grows the buffer).
@usableFromInline package final class TokenBuffer {
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var capacity: Int
    @exclusivity(unchecked) @usableFromInline var used: Int
    @usableFromInline let starts: UnsafeMutablePointer<Int>
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) @usableFromInline var count: Int
    /// Keeps other workers' hot fields off this object's cache lines (no false sharing between workers).
    private let cacheLinePadding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                   UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// Most tokens held before the buffer is handed over.
    @usableFromInline package let blockTokenLimit: Int
    /// Bytes held before the buffer is handed over (checked after each token).
    @usableFromInline package let blockByteLimit: Int

    /// Creates an empty buffer; the limits bound memory per worker.
    @usableFromInline package init(blockTokenLimit: Int = 16_384, blockByteLimit: Int = 1 << 20) {
        precondition(blockTokenLimit > 0 && blockByteLimit > 0, "TokenBuffer: limits must be positive")
        self.blockTokenLimit = blockTokenLimit
        self.blockByteLimit = blockByteLimit
        capacity = 4096
        storage = .allocate(capacity: capacity)
        storage[0] = 0x20
        used = 1
        starts = .allocate(capacity: blockTokenLimit)
        ends = .allocate(capacity: blockTokenLimit)
        count = 0
    }

    deinit {
        storage.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    /// Number of tokens in the current block.
    @inlinable package var tokenCount: Int { count }

    /// The start of the byte storage; token `i` is `bytes[tokenStart(i)..<tokenEnd(i)]`, with a space before and after it.
    @inlinable package var bytes: UnsafePointer<UInt8> { UnsafePointer(storage) }

    /// Byte offset where token `i` starts.
    @inlinable package func tokenStart(_ i: Int) -> Int { starts[i] }

    /// Byte offset just past token `i`.
    @inlinable package func tokenEnd(_ i: Int) -> Int { ends[i] }

    /// The bytes of token `i`.
    @inlinable package func token(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + starts[i], count: ends[i] - starts[i])
    }

    /// The bytes of tokens `first...last` joined by single spaces (a word n-gram).
    @inlinable package func tokens(_ first: Int, through last: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: storage + starts[first], count: ends[last] - starts[first])
    }

    /// Empties the buffer.
    @usableFromInline func reset() {
        used = 1
        count = 0
    }

    /// Grows the byte storage to hold at least `minimum` bytes, keeping its content.
    @usableFromInline func grow(toAtLeast minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: used)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}

/// Writes tokens into a `TokenBuffer` from a tokenizer's inner loop, keeping the hot state in locals.
@usableFromInline
struct TokenWriter {
    @usableFromInline let buffer: TokenBuffer
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var out: Int
    @usableFromInline var capacity: Int
    @usableFromInline var count: Int
    /// Where the token being written started.
    @usableFromInline var tokenStart: Int = 0

    @inlinable init(_ buffer: TokenBuffer) {
        self.buffer = buffer
        base = buffer.storage
        out = buffer.used
        capacity = buffer.capacity
        count = buffer.count
    }

    /// Makes room for at least `bytes` more bytes (16 by default).
    @inlinable @inline(__always) mutating func reserve(_ bytes: Int = 16) {
        if out + bytes > capacity {
            buffer.used = out
            buffer.grow(toAtLeast: out + bytes)
            base = buffer.storage
            capacity = buffer.capacity
        }
    }

    @inlinable @inline(__always) mutating func appendByte(_ byte: UInt8) {
        reserve()
        base[out] = byte
        out += 1
    }

    /// Appends the UTF-8 encoding of a scalar value.
    @inlinable @inline(__always) mutating func appendScalar(_ v: UInt32) {
        reserve()
        if v < 0x80 {
            base[out] = UInt8(v)
            out += 1
        } else if v < 0x800 {
            base[out] = UInt8(0xC0 | (v >> 6))
            base[out + 1] = UInt8(0x80 | (v & 0x3F))
            out += 2
        } else if v < 0x10000 {
            base[out] = UInt8(0xE0 | (v >> 12))
            base[out + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            base[out + 2] = UInt8(0x80 | (v & 0x3F))
            out += 3
        } else {
            base[out] = UInt8(0xF0 | (v >> 18))
            base[out + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            base[out + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            base[out + 3] = UInt8(0x80 | (v & 0x3F))
            out += 4
        }
    }

    /// Drops the token being written.
    @inlinable @inline(__always) mutating func discardToken() {
        out = tokenStart
    }

    /// Keeps the token being written; hands the block over when it is full.
    @inlinable @inline(__always) mutating func commitToken(_ onBlock: (TokenBuffer) -> Void) {
        buffer.starts[count] = tokenStart
        buffer.ends[count] = out
        count += 1
        appendByte(0x20)
        if count == buffer.blockTokenLimit || out >= buffer.blockByteLimit {
            flush(onBlock)
        }
    }

    /// Hands the block over (if it holds tokens) and empties the buffer.
    @inlinable mutating func flush(_ onBlock: (TokenBuffer) -> Void) {
        if count > 0 {
            buffer.used = out
            buffer.count = count
            onBlock(buffer)
        }
        buffer.reset()
        out = buffer.used
        count = 0
    }
}
