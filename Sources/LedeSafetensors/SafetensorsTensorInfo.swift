/// What the header says about one tensor, after validation.
package struct SafetensorsTensorInfo: Sendable, Equatable {
    /// The tensor's name.
    package var name: String
    /// Its element type.
    package var dtype: SafetensorsDType
    /// Its dimensions, outermost first; `[]` for a scalar.
    package var shape: [Int]
    /// Where its bytes are, relative to the start of the data buffer (the header's `data_offsets`).
    package var byteRange: Range<Int>

    /// The number of elements: the product of ``shape`` (1 for a scalar).
    package var elementCount: Int { byteRange.count / dtype.size }

    /// Makes an info from its parts; no validation.
    package init(name: String, dtype: SafetensorsDType, shape: [Int], byteRange: Range<Int>) {
        self.name = name
        self.dtype = dtype
        self.shape = shape
        self.byteRange = byteRange
    }
}

/// The product of `shape` and its size in bytes for `dtype`, or `nil` when a dimension is negative or a product overflows.
func elementAndByteCount(shape: [Int], dtype: SafetensorsDType) -> (elements: Int, bytes: Int)? {
    var elements = 1
    for dimension in shape {
        guard dimension >= 0 else { return nil }
        let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
        guard !overflow else { return nil }
        elements = product
    }
    let (bytes, overflow) = elements.multipliedReportingOverflow(by: dtype.size)
    return overflow ? nil : (elements, bytes)
}
