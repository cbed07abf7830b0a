/// Why a safetensors file could not be read or written: a code to match on, and a message that names
/// the file and says what is wrong, e.g. `model.safetensors: truncated: header says 4,096 bytes but the file has 100 bytes in all`.
package struct SafetensorsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kinds of failure, one per validation rule.
    package enum Code: String, Sendable, CaseIterable {
        /// The path names no file.
        case fileNotFound
        /// The path names a directory, device or other non-regular file.
        case notARegularFile
        /// Opening, mapping, writing, syncing or renaming failed (permissions, disk full, …).
        case ioError
        /// The file ends before the 8-byte length, or before the end of the header it announces.
        case truncated
        /// The header length is beyond the reader's cap (``SafetensorsFile/maximumHeaderBytes``).
        case headerTooLarge
        /// The header bytes are not valid UTF-8.
        case invalidUTF8
        /// The header is not valid JSON, or nests deeper than the parser allows.
        case invalidJSON
        /// The header is JSON but not an object.
        case headerNotObject
        /// `__metadata__` is not an object of strings.
        case invalidMetadata
        /// A tensor entry is not an object with exactly `dtype`, `shape` and `data_offsets`, or its name is reserved.
        case invalidTensorEntry
        /// A `dtype` this library does not know.
        case unknownDType
        /// A shape entry is not a non-negative integer, or the element or byte count overflows.
        case invalidShape
        /// `data_offsets` is not two non-negative integers with begin ≤ end ≤ the data buffer's size.
        case invalidOffsets
        /// A tensor's byte count is not its element count times its dtype's size.
        case sizeMismatch
        /// Two tensors share bytes.
        case overlappingTensors
        /// Bytes of the data buffer belong to no tensor (before, between or after the tensors).
        case gapInBuffer
        /// The same tensor name appears twice.
        case duplicateName
        /// No tensor has the requested name.
        case noSuchTensor
        /// The tensor's dtype is not the one requested.
        case wrongDType
        /// The tensor's bytes are not aligned for the requested element type (copy it with `array(_:as:)`).
        case misaligned

        /// A short human phrase for the code, used in ``SafetensorsError/description``.
        package var summary: String {
            switch self {
            case .fileNotFound: "file not found"
            case .notARegularFile: "not a regular file"
            case .ioError: "I/O error"
            case .truncated: "truncated"
            case .headerTooLarge: "header too large"
            case .invalidUTF8: "header is not valid UTF-8"
            case .invalidJSON: "header is not valid JSON"
            case .headerNotObject: "header is not a JSON object"
            case .invalidMetadata: "bad __metadata__"
            case .invalidTensorEntry: "bad tensor entry"
            case .unknownDType: "unknown dtype"
            case .invalidShape: "bad shape"
            case .invalidOffsets: "bad data_offsets"
            case .sizeMismatch: "size mismatch"
            case .overlappingTensors: "overlapping tensors"
            case .gapInBuffer: "gap in the data buffer"
            case .duplicateName: "duplicate name"
            case .noSuchTensor: "no such tensor"
            case .wrongDType: "wrong dtype"
            case .misaligned: "misaligned data"
            }
        }
    }

    /// What went wrong, to match on.
    package var code: Code
    /// The file concerned, as the caller named it; `nil` for errors found before any file is involved.
    package var file: String?
    /// What is wrong, in words, without the file name or the code's phrase.
    package var message: String

    /// Makes an error from its parts.
    package init(_ code: Code, file: String?, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    /// `file: phrase: message`, e.g. `model.safetensors: truncated: header says 4,096 bytes but the file has 100 bytes in all`.
    package var description: String {
        let prefix = file.map { "\($0): " } ?? ""
        return "\(prefix)\(code.summary): \(message)"
    }
}

/// `4096` as `4,096`: numbers in messages are easier to read with thousands separators.
func grouped<T: BinaryInteger>(_ value: T) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return value < 0 ? "-" + out : out
}
