import Foundation
import Testing
import LedeSafetensors
import LedeTestSupport

/// Runs `Tests/Parity/safetensors_check.py` with the reference implementation (Python `safetensors` 0.8.0).
enum ReferenceSafetensors {
    static let script = Prerequisites.packageRoot.appendingPathComponent("Tests/Parity/safetensors_check.py")

    /// The interpreter, when it has safetensors; tests that use it carry `.needs(ReferenceSafetensors.python)`,
    /// and `python.require()` records an issue when it is missing.
    static let python = ReferencePython(check: "import safetensors.numpy", requirement: "safetensors==0.8.0")

    /// The reference's summary of the file at `url`: tensors (dtype, shape, sum) and metadata.
    static func summary(_ python: String, of url: URL) throws -> (tensors: [String: [String: Any]], metadata: [String: String]) {
        let data = try ReferencePython.run(python, [script.path, "--read", url.path])
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (object["tensors"] as? [String: [String: Any]] ?? [:], object["metadata"] as? [String: String] ?? [:])
    }
}

@Suite("Safetensors parity with the Python reference")
struct ParityTests {
    /// The sum the reference prints, from Swift's side: a Double for float dtypes, an Int64 otherwise.
    enum Sum: Equatable, CustomStringConvertible {
        case float(Double)
        case integer(Int64)

        var description: String {
            switch self {
            case .float(let value): "\(value)"
            case .integer(let value): "\(value)"
            }
        }

        init?(json: Any?) {
            if let number = json as? NSNumber {
                if ["d", "f"].contains(String(cString: number.objCType)) { self = .float(number.doubleValue) } else { self = .integer(number.int64Value) }
            } else { return nil }
        }

        func matches(_ other: Sum) -> Bool {
            switch (self, other) {
            case (.integer(let a), .integer(let b)): a == b
            case (.float(let a), .float(let b)): abs(a - b) <= 1e-9 * max(1, abs(a))
            default: false
            }
        }
    }

    /// Swift's sum of tensor `name` in `file`, for the dtypes both sides can decode.
    static func sum(_ file: SafetensorsFile, _ name: String) throws -> Sum {
        func floats<T: SafetensorsElement & BinaryFloatingPoint>(_ type: T.Type) throws -> Sum {
            .float(try file.array(name, as: T.self).reduce(0) { $0 + Double($1) })
        }
        func integers<T: SafetensorsElement & BinaryInteger>(_ type: T.Type) throws -> Sum {
            .integer(try file.array(name, as: T.self).reduce(0) { $0 &+ Int64(truncatingIfNeeded: $1) })
        }
        switch try file.dtype(of: name) {
        case .float32: return try floats(Float.self)
        case .float64: return try floats(Double.self)
        case .int64: return try integers(Int64.self)
        case .int32: return try integers(Int32.self)
        case .int16: return try integers(Int16.self)
        case .int8: return try integers(Int8.self)
        case .uint8, .bool: return .integer(try file.rawBytes(name).reduce(0) { $0 + Int64($1) })
        case .uint16: return try integers(UInt16.self)
        case .uint32: return try integers(UInt32.self)
        case .float16:
            #if arch(x86_64) || arch(arm64)
            let raw = try file.rawBytes(name)
            let values = stride(from: 0, to: raw.count, by: 2).map { Float16(bitPattern: UInt16(raw[$0]) | UInt16(raw[$0 + 1]) << 8) }
            return .float(values.reduce(0) { $0 + Double($1) })
            #else
            return .float(.nan)
            #endif
        default: return .float(.nan)
        }
    }

    @Test(.needs(ReferenceSafetensors.python)) func pythonReadsWhatSwiftWrote() throws {
        guard let python = ReferenceSafetensors.python.require() else { return }
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("from-swift.safetensors")
            try Fixtures.sampleWriter().write(to: url)
            let file = try SafetensorsFile(url: url)
            let reference = try ReferenceSafetensors.summary(python, of: url)
            #expect(reference.metadata == Fixtures.awkwardMetadata)
            #expect(reference.tensors.keys.sorted() == file.names)
            for name in file.names {
                let entry = reference.tensors[name] ?? [:]
                #expect(entry["dtype"] as? String == (try file.dtype(of: name)).rawValue, "\(name)")
                #expect((entry["shape"] as? [Int]) == (try file.shape(of: name)), "\(name)")
                let theirs = Sum(json: entry["sum"]), ours = try Self.sum(file, name)
                #expect(theirs.map(ours.matches) == true, "\(name): Python \(theirs?.description ?? "nil"), Swift \(ours)")
            }
        }
    }

    @Test(.needs(ReferenceSafetensors.python)) func swiftReadsWhatPythonWrote() throws {
        guard let python = ReferenceSafetensors.python.require() else { return }
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("from-python.safetensors")
            try ReferencePython.run(python, [ReferenceSafetensors.script.path, "--write", url.path])
            let file = try SafetensorsFile(url: url)
            #expect(file.names == ["counts", "empty", "flags", "half", "idf", "offsets", "scalar", "small", "vocabulary", "weights"])
            #expect(Array(try file.floats("weights")) == (0..<12).map { (Float($0) - 5.5) / 4 })
            #expect(try file.shape(of: "weights") == [3, 4])
            #expect(Array(try file.doubles("idf")) == [1, 1.125, 1.25, 1.375, 1.5])
            #expect(Array(try file.int64s("offsets")) == [0, 3, 7, 1 << 40, -5])
            #expect(Array(try file.int32s("counts")) == [0, -3, -6, -9, -12, -15])
            #expect(try file.shape(of: "counts") == [2, 3])
            #expect(String(decoding: try file.bytes("vocabulary"), as: UTF8.self) == "café·x")
            #expect(try file.shape(of: "empty") == [0, 3] && (try file.floats("empty")).isEmpty)
            #expect(try file.shape(of: "scalar") == [] && Array(try file.doubles("scalar")) == [2.5])
            #expect(Array(try file.tensor("small", as: Int8.self)) == [-1, 2, -128])
            #expect(try file.dtype(of: "half") == .float16 && Array(try file.rawBytes("half")) == [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38])
            #expect(try file.dtype(of: "flags") == .bool && Array(try file.rawBytes("flags")) == [1, 0, 1])
            #expect(file.metadata == [
                "format": "1",
                "labels": #"["business", "sport"]"#,
                "note": "café ✓ \"quoted\"\nsecond line",
                "": "empty key",
            ])
            // And the reference's own reading of its file agrees with ours.
            let reference = try ReferenceSafetensors.summary(python, of: url)
            for name in file.names {
                let theirs = Sum(json: reference.tensors[name]?["sum"]), ours = try Self.sum(file, name)
                #expect(theirs.map(ours.matches) == true, "\(name): Python \(theirs?.description ?? "nil"), Swift \(ours)")
            }
        }
    }

    @Test(.needs(ReferenceSafetensors.python)) func theReferenceRejectsTheCorruptionSuiteToo() throws {
        // Every hand-made bad file must also be rejected by the reference reader, except where Lede is
        // deliberately stricter (listed here); and every unusual good file must load there too.
        guard let python = ReferenceSafetensors.python.require() else { return }
        let stricter: Set<String> = ["entry has an extra key", "metadata key twice"]
        // NumPy, not safetensors, refuses a shape whose non-zero dimensions multiply past its limit.
        let numpyRefuses: Set<String> = ["zero dimension beside a huge one"]
        try Fixtures.withFolder { folder throws in
            var expected: [String: Bool] = [:]
            var labels: [String: String] = [:]
            for (index, bad) in BadFile.all.enumerated() {
                let path = folder.appendingPathComponent("bad-\(index).safetensors").path
                try Fixtures.write(bad.bytes, to: URL(fileURLWithPath: path))
                expected[path] = stricter.contains(bad.label)
                labels[path] = bad.label
            }
            for (index, good) in GoodFile.all.enumerated() where !numpyRefuses.contains(good.testDescription) {
                let path = folder.appendingPathComponent("good-\(index).safetensors").path
                try Fixtures.write(good.bytes, to: URL(fileURLWithPath: path))
                expected[path] = true
                labels[path] = good.testDescription
            }
            let output = try ReferencePython.run(python, [ReferenceSafetensors.script.path, "--try-load"] + expected.keys.sorted())
            let outcomes = try JSONSerialization.jsonObject(with: output) as? [String: Any] ?? [:]
            #expect(outcomes.count == expected.count)
            for (path, shouldLoad) in expected.sorted(by: { $0.key < $1.key }) {
                let loaded = outcomes[path] is NSNull
                #expect(loaded == shouldLoad, "\(labels[path]!): the reference \(loaded ? "loaded it" : "said \(outcomes[path] ?? "nothing")")")
            }
        }
    }
}
