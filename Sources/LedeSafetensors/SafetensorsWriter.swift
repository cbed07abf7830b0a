import Foundation

/// Collects named tensors and string metadata, and writes them as one safetensors file.
///
/// The output is deterministic: header keys sorted by their UTF-8 bytes, data ordered by element size
/// (largest first) and then name, so every tensor is aligned to its element size; identical inputs give
/// identical bytes. Adding a tensor keeps a reference to its array (no copy) until the writer is dropped.
package struct SafetensorsWriter: Sendable {
    /// The `__metadata__` strings stored in the header; omitted from the file when empty.
    package var metadata: [String: String]
    private var pending: [String: Pending] = [:]

    /// A tensor waiting to be written: its header facts and a way to hand over its bytes.
    private struct Pending: Sendable {
        var dtype: SafetensorsDType
        var shape: [Int]
        var byteCount: Int
        var emit: @Sendable ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    }

    /// An empty writer with the given metadata.
    package init(metadata: [String: String] = [:]) {
        self.metadata = metadata
    }

    /// The names of the tensors added so far, sorted by their UTF-8 bytes.
    package var names: [String] {
        pending.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Adds tensor `name` holding `values` in row-major order with dimensions `shape` (`nil`: one dimension of
    /// `values.count`; `[]`: a scalar). Throws when the name is taken or reserved, a dimension is negative,
    /// or the shape's product is not `values.count`.
    package mutating func add<T: SafetensorsElement>(_ name: String, _ values: [T], shape: [Int]? = nil) throws(SafetensorsError) {
        let shape = shape ?? [values.count]
        try checkName(name)
        let count = try checkedCount(name, shape: shape, dtype: T.safetensorsDType)
        guard count.elements == values.count else {
            throw SafetensorsError(.sizeMismatch, file: nil, "tensor \(quoted(name)) has shape \(shape), so \(grouped(count.elements)) elements, but \(grouped(values.count)) values were given")
        }
        pending[name] = Pending(dtype: T.safetensorsDType, shape: shape, byteCount: count.bytes) { consume in
            try values.withUnsafeBytes { try consume($0) }
        }
    }

    /// Adds tensor `name` of any dtype from its raw little-endian `bytes` (e.g. `F16`, `BOOL`); `bytes.count`
    /// must be the shape's product times the dtype's size.
    package mutating func addRaw(_ name: String, dtype: SafetensorsDType, shape: [Int], bytes: [UInt8]) throws(SafetensorsError) {
        try checkName(name)
        let count = try checkedCount(name, shape: shape, dtype: dtype)
        guard count.bytes == bytes.count else {
            throw SafetensorsError(.sizeMismatch, file: nil, "tensor \(quoted(name)) is \(dtype.rawValue) with shape \(shape), so \(grouped(count.bytes)) bytes, but \(grouped(bytes.count)) were given")
        }
        pending[name] = Pending(dtype: dtype, shape: shape, byteCount: count.bytes) { consume in
            try bytes.withUnsafeBytes { try consume($0) }
        }
    }

    /// The whole file as bytes.
    package func serialized() throws(SafetensorsError) -> [UInt8] {
        let (header, ordered) = try layout()
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + ordered.reduce(0) { $0 + $1.byteCount })
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: header)
        for tensor in ordered {
            try? tensor.emit { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Hands the file's bytes to `consume` in order, in a few large chunks (the length and header, then one
    /// chunk per non-empty tensor). Throws ``SafetensorsError`` when the header would be too large, or what `consume` throws.
    package func encode(_ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let (header, ordered) = try layout()
        var prefix: [UInt8] = []
        prefix.reserveCapacity(8 + header.count)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { prefix.append(contentsOf: $0) }
        prefix.append(contentsOf: header)
        try prefix.withUnsafeBytes { try consume($0) }
        for tensor in ordered where tensor.byteCount > 0 {
            try tensor.emit(consume)
        }
    }

    /// Writes the file to `path` atomically (see ``AtomicFile``): the destination is replaced whole or left
    /// untouched. Throws ``SafetensorsError``.
    package func write(toFile path: String) throws {
        try AtomicFile.write(toFile: path) { sink in
            try encode { try sink.write($0) }
        }
    }

    /// Writes the file to `url` atomically; see ``write(toFile:)``.
    package func write(to url: URL) throws {
        try write(toFile: url.path)
    }

    /// The header bytes and the tensors in data order, with their offsets assigned.
    private func layout() throws(SafetensorsError) -> (header: [UInt8], ordered: [Pending]) {
        let order = pending.keys.sorted { a, b in
            let sizeA = pending[a]!.dtype.size, sizeB = pending[b]!.dtype.size
            return sizeA != sizeB ? sizeA > sizeB : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        var entries: [HeaderEntry] = []
        entries.reserveCapacity(order.count)
        var offset = 0
        for name in order {
            let tensor = pending[name]!
            entries.append(HeaderEntry(name: name, dtype: tensor.dtype, shape: tensor.shape, byteRange: offset..<(offset + tensor.byteCount)))
            offset += tensor.byteCount
        }
        let header = encodeHeader(entries: entries, metadata: metadata)
        guard header.count <= SafetensorsFile.maximumHeaderBytes else {
            throw SafetensorsError(.headerTooLarge, file: nil, "the header would be \(grouped(header.count)) bytes; readers accept at most \(grouped(SafetensorsFile.maximumHeaderBytes))")
        }
        return (header, order.map { pending[$0]! })
    }

    private func checkName(_ name: String) throws(SafetensorsError) {
        guard name != SafetensorsHeader.metadataKey else {
            throw SafetensorsError(.invalidTensorEntry, file: nil, "\"\(SafetensorsHeader.metadataKey)\" is reserved for metadata and cannot name a tensor")
        }
        guard pending[name] == nil else {
            throw SafetensorsError(.duplicateName, file: nil, "tensor \(quoted(name)) was already added")
        }
    }

    private func checkedCount(_ name: String, shape: [Int], dtype: SafetensorsDType) throws(SafetensorsError) -> (elements: Int, bytes: Int) {
        guard let count = elementAndByteCount(shape: shape, dtype: dtype) else {
            throw SafetensorsError(.invalidShape, file: nil, "tensor \(quoted(name)) has shape \(shape): a dimension is negative or the size overflows")
        }
        return count
    }
}
