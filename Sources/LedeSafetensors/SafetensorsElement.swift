#if _endian(big)
#error("LedeSafetensors maps little-endian tensor data directly and needs a little-endian machine")
#endif

/// A Swift type whose values are stored as one safetensors dtype, so tensors of it can be written and viewed in place.
package protocol SafetensorsElement: BitwiseCopyable, Sendable {
    /// The dtype tensors of this type are stored as.
    static var safetensorsDType: SafetensorsDType { get }
}

extension Float: SafetensorsElement {
    /// `F32`.
    package static var safetensorsDType: SafetensorsDType { .float32 }
}

extension Double: SafetensorsElement {
    /// `F64`.
    package static var safetensorsDType: SafetensorsDType { .float64 }
}

extension Int64: SafetensorsElement {
    /// `I64`.
    package static var safetensorsDType: SafetensorsDType { .int64 }
}

#if _pointerBitWidth(_64)
extension Int: SafetensorsElement {
    /// `I64` (`Int` has its layout on 64-bit platforms), so that I64 offsets and counts are read straight into `[Int]`.
    package static var safetensorsDType: SafetensorsDType { .int64 }
}
#endif

extension Int32: SafetensorsElement {
    /// `I32`.
    package static var safetensorsDType: SafetensorsDType { .int32 }
}

extension Int16: SafetensorsElement {
    /// `I16`.
    package static var safetensorsDType: SafetensorsDType { .int16 }
}

extension Int8: SafetensorsElement {
    /// `I8`.
    package static var safetensorsDType: SafetensorsDType { .int8 }
}

extension UInt64: SafetensorsElement {
    /// `U64`.
    package static var safetensorsDType: SafetensorsDType { .uint64 }
}

extension UInt32: SafetensorsElement {
    /// `U32`.
    package static var safetensorsDType: SafetensorsDType { .uint32 }
}

extension UInt16: SafetensorsElement {
    /// `U16`.
    package static var safetensorsDType: SafetensorsDType { .uint16 }
}

extension UInt8: SafetensorsElement {
    /// `U8`.
    package static var safetensorsDType: SafetensorsDType { .uint8 }
}
