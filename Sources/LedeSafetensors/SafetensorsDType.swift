/// The element types a safetensors file can hold, spelled as in the header (`"F32"`, `"I64"`, …).
///
/// Every case is a whole number of bytes; the sub-byte types of newer writers (`F4`, `F6_E2M3`, `F6_E3M2`)
/// are rejected as unknown.
package enum SafetensorsDType: String, Sendable, CaseIterable {
    /// Booleans, one byte each (0 or 1).
    case bool = "BOOL"
    /// Unsigned 8-bit integers.
    case uint8 = "U8"
    /// Signed 8-bit integers.
    case int8 = "I8"
    /// 8-bit floats with 5 exponent and 2 mantissa bits.
    case float8E5M2 = "F8_E5M2"
    /// 8-bit floats with 4 exponent and 3 mantissa bits.
    case float8E4M3 = "F8_E4M3"
    /// 8-bit exponent-only scale factors.
    case float8E8M0 = "F8_E8M0"
    /// Signed 16-bit integers.
    case int16 = "I16"
    /// Unsigned 16-bit integers.
    case uint16 = "U16"
    /// IEEE half-precision floats.
    case float16 = "F16"
    /// bfloat16: the top half of a 32-bit float.
    case bfloat16 = "BF16"
    /// Signed 32-bit integers.
    case int32 = "I32"
    /// Unsigned 32-bit integers.
    case uint32 = "U32"
    /// IEEE single-precision floats (`Float`).
    case float32 = "F32"
    /// Signed 64-bit integers.
    case int64 = "I64"
    /// Unsigned 64-bit integers.
    case uint64 = "U64"
    /// IEEE double-precision floats (`Double`).
    case float64 = "F64"
    /// Complex numbers of two 32-bit floats (real, imaginary).
    case complex64 = "C64"

    /// Bytes per element.
    package var size: Int {
        switch self {
        case .bool, .uint8, .int8, .float8E5M2, .float8E4M3, .float8E8M0: 1
        case .int16, .uint16, .float16, .bfloat16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64, .complex64: 8
        }
    }

    /// The name written in the header, e.g. `"F32"`.
    package var name: String { rawValue }
}
