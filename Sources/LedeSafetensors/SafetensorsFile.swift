#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A safetensors file opened read-only and memory-mapped, with its header validated, giving typed zero-copy
/// access to its tensors. The mapping lives as long as this object (and any ``SafetensorsTensor`` taken from it).
///
/// Opening reads only the header; tensor bytes are paged in when touched. Every length and offset in the
/// header is checked against the file before any tensor is reachable (see ``SafetensorsError/Code``).
/// The mapping is private and read-only: replacing the file (as ``SafetensorsWriter`` does, by rename) does
/// not disturb an open file, but truncating it in place while mapped would (SIGBUS), as with any `mmap`.
package final class SafetensorsFile: @unchecked Sendable {
    /// The largest header accepted: 100 MB, far above any real header and far below what would hurt.
    package static let maximumHeaderBytes = 100_000_000

    /// The path as given when opening, used in errors.
    package let path: String
    /// The tensor names, sorted by their UTF-8 bytes.
    package let names: [String]
    /// The tensor names in the order of their bytes in the file.
    package let namesInDataOrder: [String]
    /// The header's `__metadata__`; empty when there is none.
    package let metadata: [String: String]
    /// The file's size in bytes.
    package let fileSize: Int
    /// Where the data buffer begins in the file: 8 + the header length.
    package let dataOffset: Int

    private let tensors: [String: SafetensorsTensorInfo]
    private let mapping: UnsafeRawBufferPointer

    /// Opens, maps and validates the file at `path`; throws ``SafetensorsError`` on any problem.
    package init(path: String) throws(SafetensorsError) {
        func fail(_ code: SafetensorsError.Code, _ message: String) -> SafetensorsError {
            SafetensorsError(code, file: path, message)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw fail(code == ENOENT ? .fileNotFound : .ioError, "cannot open: \(systemMessage(code))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw fail(.ioError, "cannot stat: \(systemMessage(errno))") }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw fail(.notARegularFile, kind == S_IFDIR ? "it is a directory" : "it is not a regular file")
        }
        let size = Int(status.st_size)
        guard size >= 8 else {
            throw fail(.truncated, "the file has \(grouped(size)) bytes, fewer than the 8-byte header length")
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else {
            throw fail(.ioError, "cannot map \(grouped(size)) bytes: \(systemMessage(errno))")
        }
        let mapping = UnsafeRawBufferPointer(start: UnsafeRawPointer(base), count: size)
        do throws(SafetensorsError) {
            let headerLength = mapping.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian
            guard headerLength <= UInt64(Self.maximumHeaderBytes) else {
                throw fail(.headerTooLarge, "header says \(grouped(headerLength)) bytes; the limit is \(grouped(Self.maximumHeaderBytes))")
            }
            guard headerLength <= UInt64(size - 8) else {
                throw fail(.truncated, "header says \(grouped(headerLength)) bytes but the file has \(grouped(size)) bytes in all")
            }
            let dataOffset = 8 + Int(headerLength)
            let header = try SafetensorsHeader(
                parsing: UnsafeRawBufferPointer(rebasing: mapping[8..<dataOffset]),
                bufferSize: size - dataOffset,
                file: path
            )
            self.path = path
            self.tensors = header.tensors
            self.names = header.tensors.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            self.namesInDataOrder = header.namesInDataOrder
            self.metadata = header.metadata
            self.fileSize = size
            self.dataOffset = dataOffset
            self.mapping = mapping
        } catch {
            munmap(base, size)
            throw error
        }
    }

    /// Opens, maps and validates the file at `url`; throws ``SafetensorsError`` on any problem.
    package convenience init(url: URL) throws(SafetensorsError) {
        try self.init(path: url.path)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
    }

    /// Whether the file has a tensor called `name`.
    package func contains(_ name: String) -> Bool {
        tensors[name] != nil
    }

    /// The header's entry for `name`; throws `noSuchTensor` when there is none.
    package func info(of name: String) throws(SafetensorsError) -> SafetensorsTensorInfo {
        guard let info = tensors[name] else {
            let known = names.prefix(10).map(quoted).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
            throw SafetensorsError(.noSuchTensor, file: path, "no tensor \(quoted(name)); the file has \(names.isEmpty ? "none" : known)")
        }
        return info
    }

    /// The dimensions of tensor `name`, outermost first (`[]` for a scalar).
    package func shape(of name: String) throws(SafetensorsError) -> [Int] {
        try info(of: name).shape
    }

    /// The element type of tensor `name`.
    package func dtype(of name: String) throws(SafetensorsError) -> SafetensorsDType {
        try info(of: name).dtype
    }

    /// The raw little-endian bytes of tensor `name`, whatever its dtype; valid while this file is alive.
    package func rawBytes(_ name: String) throws(SafetensorsError) -> UnsafeRawBufferPointer {
        let range = try info(of: name).byteRange
        return UnsafeRawBufferPointer(rebasing: mapping[(dataOffset + range.lowerBound)..<(dataOffset + range.upperBound)])
    }

    /// A zero-copy view of tensor `name` as `T`. Throws `wrongDType` unless the tensor's dtype is `T`'s, and
    /// `misaligned` when its bytes do not start on a multiple of `T`'s alignment (then use ``array(_:as:)``).
    package func tensor<T: SafetensorsElement>(_ name: String, as type: T.Type = T.self) throws(SafetensorsError) -> SafetensorsTensor<T> {
        let info = try checkedInfo(name, as: T.self)
        let bytes = try rawBytes(name)
        guard let start = bytes.baseAddress, info.elementCount > 0 else {
            return SafetensorsTensor(shape: info.shape, buffer: UnsafeBufferPointer(start: nil, count: 0), owner: self)
        }
        guard Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else {
            throw SafetensorsError(.misaligned, file: path, "tensor \(quoted(name)) starts at file offset \(grouped(dataOffset + info.byteRange.lowerBound)), not a multiple of \(MemoryLayout<T>.alignment) as \(T.self) needs; copy it with array(_:as:)")
        }
        let typed = start.assumingMemoryBound(to: T.self)
        return SafetensorsTensor(shape: info.shape, buffer: UnsafeBufferPointer(start: typed, count: info.elementCount), owner: self)
    }

    /// A copy of tensor `name`'s elements as `[T]`, wherever its bytes lie; throws `wrongDType` unless its dtype is `T`'s.
    package func array<T: SafetensorsElement>(_ name: String, as type: T.Type = T.self) throws(SafetensorsError) -> [T] {
        let info = try checkedInfo(name, as: T.self)
        let bytes = try rawBytes(name)
        return [T](unsafeUninitializedCapacity: info.elementCount) { buffer, initialized in
            if let source = bytes.baseAddress, let target = buffer.baseAddress, info.elementCount > 0 {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
            }
            initialized = info.elementCount
        }
    }

    /// A zero-copy view of an `F32` tensor.
    package func floats(_ name: String) throws(SafetensorsError) -> SafetensorsTensor<Float> { try tensor(name) }
    /// A zero-copy view of an `F64` tensor.
    package func doubles(_ name: String) throws(SafetensorsError) -> SafetensorsTensor<Double> { try tensor(name) }
    /// A zero-copy view of an `I64` tensor.
    package func int64s(_ name: String) throws(SafetensorsError) -> SafetensorsTensor<Int64> { try tensor(name) }
    /// A zero-copy view of an `I32` tensor.
    package func int32s(_ name: String) throws(SafetensorsError) -> SafetensorsTensor<Int32> { try tensor(name) }
    /// A zero-copy view of a `U8` tensor.
    package func bytes(_ name: String) throws(SafetensorsError) -> SafetensorsTensor<UInt8> { try tensor(name) }

    private func checkedInfo<T: SafetensorsElement>(_ name: String, as type: T.Type) throws(SafetensorsError) -> SafetensorsTensorInfo {
        let info = try info(of: name)
        guard info.dtype == T.safetensorsDType else {
            throw SafetensorsError(.wrongDType, file: path, "tensor \(quoted(name)) is \(info.dtype.rawValue), not \(T.safetensorsDType.rawValue) as \(T.self) needs")
        }
        return info
    }
}

/// The C library's message for `code`, e.g. "No such file or directory".
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
