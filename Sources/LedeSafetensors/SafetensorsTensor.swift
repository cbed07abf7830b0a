/// A zero-copy, read-only view of one tensor in a ``SafetensorsFile``: its shape and its elements in
/// row-major order. The view keeps the file's mapping alive, so it stays valid after the file object is dropped.
package struct SafetensorsTensor<Element: SafetensorsElement>: RandomAccessCollection, @unchecked Sendable {
    /// The dimensions, outermost first; `[]` for a scalar.
    package let shape: [Int]
    /// The elements in place in the mapped file. Valid while this view (or its file) is alive: inside a loop
    /// over it, use ``withUnsafeBufferPointer(_:)`` so the compiler cannot end that life early.
    package let buffer: UnsafeBufferPointer<Element>
    @usableFromInline let owner: AnyObject

    init(shape: [Int], buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.shape = shape
        self.buffer = buffer
        self.owner = owner
    }

    /// Always 0.
    @inlinable package var startIndex: Int { 0 }
    /// The number of elements.
    @inlinable package var endIndex: Int { buffer.count }

    /// The element at flat (row-major) `position`.
    @inlinable package subscript(position: Int) -> Element {
        buffer[position]
    }

    /// Runs `body` over the elements in place, with the mapping kept alive throughout.
    @inlinable package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(buffer) }
    }
}
