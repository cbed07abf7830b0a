import Foundation
import Testing
import LedeSafetensors

/// Temporary folders, hand-made files and a sample writer shared by the safetensors tests.
enum Fixtures {
    /// A fresh, empty temporary folder; remove it with `FileManager.default.removeItem(at:)`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-safetensors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a fresh temporary folder, removed afterwards.
    static func withFolder<R>(_ body: (URL) throws -> R) throws -> R {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// The bytes of a file: `declaredLength` (default: the header's length) as 8 little-endian bytes, the header, the buffer.
    static func file(headerBytes: [UInt8], buffer: [UInt8] = [], declaredLength: UInt64? = nil) -> [UInt8] {
        var out: [UInt8] = []
        withUnsafeBytes(of: (declaredLength ?? UInt64(headerBytes.count)).littleEndian) { out.append(contentsOf: $0) }
        return out + headerBytes + buffer
    }

    /// A file whose header is `header` and whose data buffer is `bufferSize` bytes counting up from 1.
    static func file(header: String, bufferSize: Int = 0) -> [UInt8] {
        file(headerBytes: Array(header.utf8), buffer: (0..<bufferSize).map { UInt8(truncatingIfNeeded: $0 + 1) })
    }

    /// A tensor entry in JSON, e.g. `entry("F32", "[2]", "[0,8]")`.
    static func entry(_ dtype: String, _ shape: String, _ offsets: String) -> String {
        "{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}"
    }

    /// Writes `bytes` to `url`, replacing it.
    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    /// Metadata with awkward strings: quotes, backslashes, control characters, non-ASCII, an empty key and value.
    static let awkwardMetadata: [String: String] = [
        "format": "1",
        "labels": "[\"business\",\"sport\"]",
        "quotes \"and\" \\slashes\\": "tab\there\nnewline\r\u{1}\u{1f} end",
        "unicode": "café ✓ 東京 🎉 e\u{301}",
        "": "empty key",
        "empty value": "",
    ]

    /// A writer holding one tensor of each kind the tests care about, including an empty tensor and a scalar.
    static func sampleWriter() throws -> SafetensorsWriter {
        var writer = SafetensorsWriter(metadata: awkwardMetadata)
        try writer.add("weights", (0..<12).map { (Float($0) - 5.5) / 4 }, shape: [3, 4])
        try writer.add("idf", (0..<5).map { Double($0) / 8 + 1 })
        try writer.add("offsets", [0, 3, 7, 1 << 40, -5] as [Int64])
        try writer.add("counts", (0..<6).map { Int32($0) * -3 }, shape: [2, 3])
        try writer.add("vocabulary", Array("café·x".utf8))
        try writer.add("empty", [Float](), shape: [0, 3])
        try writer.add("scalar", [2.5] as [Double], shape: [])
        try writer.add("small", [-1, 2, -128] as [Int8])
        try writer.addRaw("half", dtype: .float16, shape: [3], bytes: [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38])
        try writer.addRaw("flags", dtype: .bool, shape: [3], bytes: [1, 0, 1])
        return writer
    }

    /// Opens `bytes` written to `url`; returns the error, or `nil` when the file loaded and every tensor could be read.
    @discardableResult
    static func openAndTouch(_ bytes: [UInt8], at url: URL) throws -> SafetensorsError? {
        try write(bytes, to: url)
        do throws(SafetensorsError) {
            let file = try SafetensorsFile(path: url.path)
            touchEverything(file)
            return nil
        } catch {
            return error
        }
    }

    /// Reads every byte of every tensor of `file` through each accessor that fits its dtype.
    static func touchEverything(_ file: SafetensorsFile) {
        var checksum = 0
        for name in file.names {
            guard let info = try? file.info(of: name), let raw = try? file.rawBytes(name) else {
                Issue.record("listed tensor \(name) is not readable")
                continue
            }
            #expect(raw.count == info.byteRange.count)
            #expect(raw.count == info.elementCount * info.dtype.size)
            for byte in raw { checksum &+= Int(byte) }
            switch info.dtype {
            case .float32: checksum &+= touch(file, name, Float.self)
            case .float64: checksum &+= touch(file, name, Double.self)
            case .int64: checksum &+= touch(file, name, Int64.self)
            case .int32: checksum &+= touch(file, name, Int32.self)
            case .uint8: checksum &+= touch(file, name, UInt8.self)
            case .int8: checksum &+= touch(file, name, Int8.self)
            default: break
            }
        }
        _ = file.metadata.count
        withExtendedLifetime(checksum) {}
    }

    private static func touch<T: SafetensorsElement>(_ file: SafetensorsFile, _ name: String, _ type: T.Type) -> Int {
        guard let copy = try? file.array(name, as: T.self) else {
            Issue.record("array(\(name)) failed for its own dtype")
            return 0
        }
        do throws(SafetensorsError) {
            let view = try file.tensor(name, as: T.self)
            #expect(view.count == copy.count)
            return view.withUnsafeBufferPointer { buffer in
                buffer.indices.reduce(0) { sum, index in
                    sum &+ (withUnsafeBytes(of: buffer[index]) { $0.reduce(0) { $0 &+ Int($1) } })
                }
            }
        } catch {
            #expect(error.code == .misaligned)
            return copy.count
        }
    }
}

