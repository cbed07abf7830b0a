/// The validated contents of a safetensors header: every tensor's dtype, shape and place in the data buffer,
/// checked against the buffer's size, and the metadata.
struct SafetensorsHeader {
    /// The tensors by name.
    var tensors: [String: SafetensorsTensorInfo]
    /// The tensor names in the order of their bytes in the data buffer.
    var namesInDataOrder: [String]
    /// `__metadata__`, or empty when there is none.
    var metadata: [String: String]

    /// The key that holds metadata rather than a tensor.
    static let metadataKey = "__metadata__"

    /// Parses and validates `bytes` (the header, padding included) for a data buffer of `bufferSize` bytes.
    /// `file` names the file in errors. Checks, in order: UTF-8, JSON, an object,
    /// each entry, then that the tensors tile the data buffer exactly.
    init(parsing bytes: UnsafeRawBufferPointer, bufferSize: Int, file: String?) throws(SafetensorsError) {
        func fail(_ code: SafetensorsError.Code, _ message: String) -> SafetensorsError {
            SafetensorsError(code, file: file, message)
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            throw fail(.invalidUTF8, "the \(grouped(bytes.count))-byte header is not valid UTF-8")
        }
        let json: HeaderJSON
        do throws(HeaderJSONParser.Failure) {
            json = try HeaderJSONParser.parse(bytes)
        } catch {
            throw fail(.invalidJSON, error.message)
        }
        guard case .object(let entries) = json else {
            throw fail(.headerNotObject, "the header is \(json.kind), not an object of tensors")
        }

        var tensors: [String: SafetensorsTensorInfo] = [:]
        var metadata: [String: String]?
        for (name, value) in entries {
            if name == Self.metadataKey {
                guard metadata == nil else { throw fail(.duplicateName, "\"\(Self.metadataKey)\" appears twice") }
                metadata = try Self.parseMetadata(value, fail: fail)
                continue
            }
            guard tensors[name] == nil else { throw fail(.duplicateName, "tensor \(quoted(name)) appears twice") }
            tensors[name] = try Self.parseTensor(name: name, value, bufferSize: bufferSize, fail: fail)
        }

        // The tensors must tile the buffer: sorted by offsets, each begins where the previous ended.
        let ordered = tensors.values.sorted { a, b in
            if a.byteRange.lowerBound != b.byteRange.lowerBound { return a.byteRange.lowerBound < b.byteRange.lowerBound }
            if a.byteRange.upperBound != b.byteRange.upperBound { return a.byteRange.upperBound < b.byteRange.upperBound }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        var cursor = 0
        var previous: SafetensorsTensorInfo?
        for info in ordered {
            if info.byteRange.lowerBound < cursor, let previous {
                throw fail(.overlappingTensors, "tensor \(quoted(info.name)) (bytes \(describe(info.byteRange))) overlaps tensor \(quoted(previous.name)) (bytes \(describe(previous.byteRange)))")
            }
            if info.byteRange.lowerBound > cursor {
                let after = previous.map { "after tensor \(quoted($0.name))" } ?? "at the start of the data buffer"
                throw fail(.gapInBuffer, "bytes \(describe(cursor..<info.byteRange.lowerBound)) \(after) belong to no tensor")
            }
            cursor = info.byteRange.upperBound
            previous = info
        }
        if cursor != bufferSize {
            let after = previous.map { "after the last tensor, \(quoted($0.name))," } ?? "in a file without tensors"
            throw fail(.gapInBuffer, "\(grouped(bufferSize - cursor)) bytes \(after) belong to no tensor")
        }

        self.tensors = tensors
        self.namesInDataOrder = ordered.map(\.name)
        self.metadata = metadata ?? [:]
    }

    private static func parseMetadata(_ value: HeaderJSON, fail: (SafetensorsError.Code, String) -> SafetensorsError) throws(SafetensorsError) -> [String: String] {
        if case .null = value { return [:] }
        guard case .object(let members) = value else {
            throw fail(.invalidMetadata, "\"\(metadataKey)\" is \(value.kind), not an object of strings")
        }
        var metadata: [String: String] = [:]
        for (key, item) in members {
            guard case .string(let text) = item else {
                throw fail(.invalidMetadata, "metadata \(quoted(key)) is \(item.kind), not a string")
            }
            guard metadata[key] == nil else { throw fail(.invalidMetadata, "metadata \(quoted(key)) appears twice") }
            metadata[key] = text
        }
        return metadata
    }

    private static func parseTensor(name: String, _ value: HeaderJSON, bufferSize: Int, fail: (SafetensorsError.Code, String) -> SafetensorsError) throws(SafetensorsError) -> SafetensorsTensorInfo {
        let label = "tensor \(quoted(name))"
        guard case .object(let members) = value else {
            throw fail(.invalidTensorEntry, "\(label) is \(value.kind), not an object with dtype, shape and data_offsets")
        }
        var dtypeValue: HeaderJSON?, shapeValue: HeaderJSON?, offsetsValue: HeaderJSON?
        for (key, item) in members {
            switch key {
            case "dtype" where dtypeValue == nil: dtypeValue = item
            case "shape" where shapeValue == nil: shapeValue = item
            case "data_offsets" where offsetsValue == nil: offsetsValue = item
            case "dtype", "shape", "data_offsets": throw fail(.invalidTensorEntry, "\(label) has \(quoted(key)) twice")
            default: throw fail(.invalidTensorEntry, "\(label) has an unexpected key \(quoted(key)); expected only dtype, shape and data_offsets")
            }
        }
        guard let dtypeValue, let shapeValue, let offsetsValue else {
            let missing = [("dtype", dtypeValue), ("shape", shapeValue), ("data_offsets", offsetsValue)].filter { $0.1 == nil }.map(\.0)
            throw fail(.invalidTensorEntry, "\(label) lacks \(missing.joined(separator: " and "))")
        }

        guard case .string(let dtypeName) = dtypeValue else {
            throw fail(.invalidTensorEntry, "\(label) has dtype \(dtypeValue.kind), not a string")
        }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw fail(.unknownDType, "\(label) has dtype \(quoted(dtypeName)); this reader knows \(SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", "))")
        }

        guard case .array(let dimensions) = shapeValue else {
            throw fail(.invalidShape, "\(label) has shape \(shapeValue.kind), not an array of integers")
        }
        var shape: [Int] = []
        shape.reserveCapacity(dimensions.count)
        for dimension in dimensions {
            guard let size = dimension.exactInteger, size >= 0 else {
                throw fail(.invalidShape, "\(label) has a shape entry that is \(dimension.kind), not a non-negative integer")
            }
            shape.append(size)
        }
        guard let (_, byteCount) = elementAndByteCount(shape: shape, dtype: dtype) else {
            throw fail(.invalidShape, "\(label) has shape \(shape) whose size in bytes overflows")
        }

        guard case .array(let offsets) = offsetsValue, offsets.count == 2 else {
            throw fail(.invalidOffsets, "\(label) has data_offsets \(offsetsValue.kind)\(countNote(offsetsValue)), not two integers [begin, end]")
        }
        guard let begin = offsets[0].exactInteger, let end = offsets[1].exactInteger, begin >= 0, end >= 0 else {
            throw fail(.invalidOffsets, "\(label) has data_offsets [\(offsets[0].kind), \(offsets[1].kind)], not two non-negative integers")
        }
        guard begin <= end else {
            throw fail(.invalidOffsets, "\(label) begins at byte \(grouped(begin)) after it ends, at byte \(grouped(end))")
        }
        guard end <= bufferSize else {
            throw fail(.invalidOffsets, "\(label) ends at byte \(grouped(end)) but the data buffer has \(grouped(bufferSize)) bytes")
        }
        guard end - begin == byteCount else {
            throw fail(.sizeMismatch, "\(label) is \(dtype.rawValue) with shape \(shape), so \(grouped(byteCount)) bytes, but its data_offsets span \(grouped(end - begin))")
        }
        return SafetensorsTensorInfo(name: name, dtype: dtype, shape: shape, byteRange: begin..<end)
    }
}

private func countNote(_ value: HeaderJSON) -> String {
    if case .array(let items) = value { return " of \(items.count) items" }
    return ""
}

/// A name in double quotes, shortened when very long, for messages.
func quoted(_ name: String) -> String {
    name.count > 80 ? "\"\(name.prefix(77))…\"" : "\"\(name)\""
}

private func describe(_ range: Range<Int>) -> String {
    "\(grouped(range.lowerBound))–\(grouped(range.upperBound))"
}
