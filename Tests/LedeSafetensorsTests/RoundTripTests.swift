import Foundation
import Testing
import LedeSafetensors

@Suite("Safetensors round trips")
struct RoundTripTests {
    static let shapes: [[Int]] = [[], [0], [1], [7], [2, 3], [0, 4], [3, 0], [2, 0, 3], [1, 1, 1, 1], [4, 3, 2]]

    /// Writes `values` with `shape`, reads them back through the view and the copy, and compares bit for bit.
    func roundTrip<T: SafetensorsElement & Equatable>(_ make: (Int) -> T, shape: [Int]) throws {
        let count = shape.reduce(1, *)
        let values = (0..<count).map(make)
        var writer = SafetensorsWriter()
        try writer.add("t", values, shape: shape)
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("t.safetensors")
            try writer.write(to: url)
            let file = try SafetensorsFile(url: url)
            #expect(file.names == ["t"])
            #expect(try file.shape(of: "t") == shape)
            #expect(try file.dtype(of: "t") == T.safetensorsDType)
            let view = try file.tensor("t", as: T.self)
            #expect(view.shape == shape)
            #expect(Array(view) == values)
            #expect(try file.array("t", as: T.self) == values)
            let raw = try file.rawBytes("t")
            #expect(Array(raw) == values.withUnsafeBytes { Array($0) })
        }
    }

    @Test("every dtype, every shape", arguments: shapes)
    func everyDTypeRoundTrips(shape: [Int]) throws {
        try roundTrip({ Float($0) * 0.37 - 1.5 }, shape: shape)
        try roundTrip({ Double($0) * -1.0e-3 + 7 }, shape: shape)
        try roundTrip({ $0 % 2 == 0 ? Int64.min + Int64($0) : Int64.max - Int64($0) }, shape: shape)
        try roundTrip({ $0 % 2 == 0 ? Int32.min + Int32($0) : Int32.max - Int32($0) }, shape: shape)
        try roundTrip({ UInt8(truncatingIfNeeded: $0 * 37 + 255) }, shape: shape)
        try roundTrip({ Int8(truncatingIfNeeded: $0 * 37 - 128) }, shape: shape)
        try roundTrip({ Int16(truncatingIfNeeded: $0 * 4_001) }, shape: shape)
        try roundTrip({ UInt16(truncatingIfNeeded: $0 * 4_001) }, shape: shape)
        try roundTrip({ UInt32.max - UInt32($0) }, shape: shape)
        try roundTrip({ UInt64.max - UInt64($0) }, shape: shape)
    }

    @Test func specialFloatValuesKeepTheirBits() throws {
        let floats: [Float] = [.nan, -.nan, .infinity, -.infinity, -0.0, 0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .ulpOfOne]
        let doubles: [Double] = [.nan, .signalingNaN, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        var writer = SafetensorsWriter()
        try writer.add("f", floats)
        try writer.add("d", doubles)
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("special.safetensors")
            try writer.write(to: url)
            let file = try SafetensorsFile(url: url)
            #expect(try file.floats("f").map(\.bitPattern) == floats.map(\.bitPattern))
            #expect(try file.doubles("d").map(\.bitPattern) == doubles.map(\.bitPattern))
        }
    }

    @Test func sampleFileReadsBackExactly() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("sample.safetensors")
            try Fixtures.sampleWriter().write(to: url)
            let file = try SafetensorsFile(url: url)
            #expect(file.names == ["counts", "empty", "flags", "half", "idf", "offsets", "scalar", "small", "vocabulary", "weights"])
            #expect(Array(try file.floats("weights")) == (0..<12).map { (Float($0) - 5.5) / 4 })
            #expect(try file.shape(of: "weights") == [3, 4])
            #expect(Array(try file.doubles("idf")) == [1, 1.125, 1.25, 1.375, 1.5])
            #expect(Array(try file.int64s("offsets")) == [0, 3, 7, 1 << 40, -5])
            #expect(Array(try file.int32s("counts")) == [0, -3, -6, -9, -12, -15])
            #expect(String(decoding: try file.bytes("vocabulary"), as: UTF8.self) == "café·x")
            #expect(try file.floats("empty").isEmpty)
            #expect(try file.shape(of: "empty") == [0, 3])
            #expect(Array(try file.doubles("scalar")) == [2.5])
            #expect(try file.shape(of: "scalar") == [])
            #expect(try file.array("small", as: Int8.self) == [-1, 2, -128])
            #expect(try file.dtype(of: "half") == .float16)
            #expect(Array(try file.rawBytes("half")) == [0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38])
            #expect(Array(try file.rawBytes("flags")) == [1, 0, 1])
            #expect(file.contains("idf") && !file.contains("IDF"))
            #expect(file.metadata == Fixtures.awkwardMetadata)
        }
    }

    @Test func metadataRoundTripsAndEmptyMetadataIsOmitted() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("meta.safetensors")
            try SafetensorsWriter(metadata: Fixtures.awkwardMetadata).write(to: url)
            let file = try SafetensorsFile(url: url)
            #expect(file.metadata == Fixtures.awkwardMetadata)
            #expect(file.names.isEmpty)

            let bare = try SafetensorsWriter().serialized()
            #expect(!String(decoding: bare, as: UTF8.self).contains("__metadata__"))
            try Data(bare).write(to: url)
            #expect(try SafetensorsFile(url: url).metadata.isEmpty)
        }
    }

    @Test func outputIsDeterministicWhateverTheInsertionOrder() throws {
        var forward = SafetensorsWriter(metadata: ["b": "2", "a": "1", "c": "3"])
        var backward = SafetensorsWriter(metadata: ["c": "3", "a": "1", "b": "2"])
        let tensors: [(String, [Float])] = [("z", [1, 2, 3]), ("a", [4]), ("m", [])]
        for (name, values) in tensors { try forward.add(name, values) }
        for (name, values) in tensors.reversed() { try backward.add(name, values) }
        try forward.add("bytes", [1, 2, 3] as [UInt8])
        try backward.add("bytes", [1, 2, 3] as [UInt8])
        let bytes = try forward.serialized()
        #expect(bytes == (try backward.serialized()))
        try Fixtures.withFolder { folder throws in
            let one = folder.appendingPathComponent("one.safetensors"), two = folder.appendingPathComponent("two.safetensors")
            try forward.write(to: one)
            try backward.write(to: two)
            #expect(try Data(contentsOf: one) == Data(bytes))
            #expect(try Data(contentsOf: two) == Data(bytes))
            try forward.write(to: one)
            #expect(try Data(contentsOf: one) == Data(bytes))
        }
        // And the exact layout: metadata first, keys sorted, padded with spaces to 8 bytes.
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"a":"1","b":"2","c":"3"},"a":{"dtype":"F32","shape":[1],"data_offsets":["#))
        #expect((8 + headerLength) % 8 == 0)
    }

    @Test func headerIsPaddedAndEveryTensorIsAligned() throws {
        for extra in 0..<16 {
            var writer = SafetensorsWriter(metadata: ["pad": String(repeating: "x", count: extra)])
            try writer.add("bytes", [1, 2, 3] as [UInt8])
            try writer.add("int32", [1] as [Int32])
            try writer.add("double", [1, 2] as [Double])
            try writer.add("float", [1, 2, 3] as [Float])
            try writer.add("int64", [9] as [Int64])
            let bytes = try writer.serialized()
            let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
            #expect((8 + headerLength) % 8 == 0)
            #expect(bytes[8 + headerLength - 1] == UInt8(ascii: "}") || bytes[8 + headerLength - 1] == UInt8(ascii: " "))
            try Fixtures.withFolder { folder throws in
                let url = folder.appendingPathComponent("aligned.safetensors")
                try Data(bytes).write(to: url)
                let file = try SafetensorsFile(url: url)
                for name in file.names {
                    let info = try file.info(of: name)
                    #expect((file.dataOffset + info.byteRange.lowerBound) % info.dtype.size == 0, "\(name) misaligned")
                }
                #expect(Array(try file.doubles("double")) == [1, 2])
                #expect(Array(try file.int64s("int64")) == [9])
                #expect(Array(try file.floats("float")) == [1, 2, 3])
                #expect(file.namesInDataOrder == ["double", "int64", "float", "int32", "bytes"])
            }
        }
    }

    @Test func viewsOutliveTheirFileObject() throws {
        var writer = SafetensorsWriter()
        try writer.add("w", [1, 2, 3, 4] as [Float], shape: [2, 2])
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("life.safetensors")
            try writer.write(to: url)
            var file: SafetensorsFile? = try SafetensorsFile(url: url)
            let view = try file!.floats("w")
            file = nil
            #expect(view.withUnsafeBufferPointer { $0.reduce(0, +) } == 10)
            #expect(view[3] == 4)
        }
    }

    @Test func anOpenFileKeepsItsContentsWhenTheFileIsReplaced() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("model.safetensors")
            var old = SafetensorsWriter()
            try old.add("w", [1, 2, 3] as [Float])
            try old.write(to: url)
            let file = try SafetensorsFile(url: url)
            var new = SafetensorsWriter()
            try new.add("w", [7, 8] as [Float])
            try new.write(to: url)
            #expect(Array(try file.floats("w")) == [1, 2, 3])
            #expect(Array(try SafetensorsFile(url: url).floats("w")) == [7, 8])
        }
    }

    @Test func accessorsRejectWrongDTypeAndUnknownNames() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("sample.safetensors")
            try Fixtures.sampleWriter().write(to: url)
            let file = try SafetensorsFile(url: url)
            let wrong = #expect(throws: SafetensorsError.self) { try file.doubles("weights") }
            #expect(wrong?.code == .wrongDType)
            #expect(wrong?.description == "\(url.path): wrong dtype: tensor \"weights\" is F32, not F64 as Double needs")
            #expect((#expect(throws: SafetensorsError.self) { try file.array("half", as: UInt16.self) })?.code == .wrongDType)
            let missing = #expect(throws: SafetensorsError.self) { try file.shape(of: "nope") }
            #expect(missing?.code == .noSuchTensor)
            #expect(missing?.description.contains("\"nope\"") == true)
            #expect((#expect(throws: SafetensorsError.self) { try file.rawBytes("") })?.code == .noSuchTensor)
        }
    }

    @Test func misalignedDataIsRejectedByViewsAndCopiedByArrays() throws {
        // A header of 10 bytes puts the data at file offset 18: not a multiple of 4 or 8.
        let header = #"{"f":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"d":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}"#
        var padded = Array(header.utf8)
        while (8 + padded.count) % 8 != 2 { padded.append(UInt8(ascii: " ")) }
        var buffer: [UInt8] = []
        for value in [Float(1.5), -2] { withUnsafeBytes(of: value) { buffer += $0 } }
        withUnsafeBytes(of: Double.pi) { buffer += $0 }
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("odd.safetensors")
            try Fixtures.write(Fixtures.file(headerBytes: padded, buffer: buffer), to: url)
            let file = try SafetensorsFile(url: url)
            let floats = #expect(throws: SafetensorsError.self) { try file.floats("f") }
            #expect(floats?.code == .misaligned)
            #expect(floats?.description.contains("copy it with array(_:as:)") == true)
            #expect((#expect(throws: SafetensorsError.self) { try file.doubles("d") })?.code == .misaligned)
            #expect(try file.array("f", as: Float.self) == [1.5, -2])
            #expect(try file.array("d", as: Double.self) == [.pi])
        }
    }

    @Test func writerRejectsBadTensors() throws {
        var writer = SafetensorsWriter()
        try writer.add("a", [1, 2] as [Float])
        func code(_ body: () throws -> Void) -> SafetensorsError.Code? {
            do { try body(); return nil } catch { return (error as? SafetensorsError)?.code }
        }
        #expect(code { try writer.add("a", [3] as [Float]) } == .duplicateName)
        #expect(code { try writer.add("__metadata__", [3] as [Float]) } == .invalidTensorEntry)
        #expect(code { try writer.add("b", [1, 2, 3] as [Float], shape: [2, 2]) } == .sizeMismatch)
        #expect(code { try writer.add("b", [Float](), shape: [-1]) } == .invalidShape)
        #expect(code { try writer.add("b", [Float](), shape: [Int.max, 2]) } == .invalidShape)
        #expect(code { try writer.add("b", [Double](), shape: [Int.max / 4]) } == .invalidShape)
        #expect(code { try writer.addRaw("b", dtype: .float16, shape: [2], bytes: [1, 2, 3]) } == .sizeMismatch)
        #expect(writer.names == ["a"])
        let error = SafetensorsError(.sizeMismatch, file: nil, "x")
        #expect(error.description == "size mismatch: x")
    }
}
