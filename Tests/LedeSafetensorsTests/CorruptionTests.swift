import Foundation
import Testing
import LedeSafetensors

/// A hand-made file that breaks one validation rule, and the code it must be rejected with.
struct BadFile: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var code: SafetensorsError.Code
    var testDescription: String { "\(code.rawValue): \(label)" }

    init(_ label: String, _ code: SafetensorsError.Code, _ bytes: [UInt8]) {
        self.label = label
        self.code = code
        self.bytes = bytes
    }

    init(_ label: String, _ code: SafetensorsError.Code, header: String, bufferSize: Int = 0) {
        self.init(label, code, Fixtures.file(header: header, bufferSize: bufferSize))
    }

    static func e(_ dtype: String, _ shape: String, _ offsets: String) -> String { Fixtures.entry(dtype, shape, offsets) }

    static let all: [BadFile] = [
        // Lengths.
        BadFile("shorter than the 8-byte length", .truncated, [1, 2, 3]),
        BadFile("header longer than the file", .truncated, Fixtures.file(headerBytes: Array("{}".utf8), declaredLength: 4096)),
        BadFile("length only, header missing", .truncated, Fixtures.file(headerBytes: [], declaredLength: 2)),
        BadFile("absurd header length", .headerTooLarge, Fixtures.file(headerBytes: Array("{}".utf8), declaredLength: 100_000_001)),
        BadFile("header length 2^63", .headerTooLarge, Fixtures.file(headerBytes: Array("{}".utf8), declaredLength: 1 << 63)),
        BadFile("header length UInt64.max", .headerTooLarge, Fixtures.file(headerBytes: Array("{}".utf8), declaredLength: .max)),
        // UTF-8.
        BadFile("0xFF in a name", .invalidUTF8, Fixtures.file(headerBytes: Array(#"{"a"#.utf8) + [0xFF] + Array(#"":{}}"#.utf8))),
        BadFile("overlong encoding", .invalidUTF8, Fixtures.file(headerBytes: Array(#"{""#.utf8) + [0xC0, 0xAF] + Array(#"":{}}"#.utf8))),
        BadFile("UTF-8-encoded surrogate", .invalidUTF8, Fixtures.file(headerBytes: Array(#"{""#.utf8) + [0xED, 0xA0, 0x80] + Array(#"":{}}"#.utf8))),
        BadFile("truncated multibyte sequence", .invalidUTF8, Fixtures.file(headerBytes: Array("{}".utf8) + [0xE2, 0x9C])),
        // JSON.
        BadFile("empty header", .invalidJSON, header: ""),
        BadFile("only spaces", .invalidJSON, header: "        "),
        BadFile("unterminated object", .invalidJSON, header: #"{"a":"#),
        BadFile("garbage after the object", .invalidJSON, header: "{} x"),
        BadFile("trailing comma", .invalidJSON, header: #"{"__metadata__":{"a":"b",}}"#),
        BadFile("single quotes", .invalidJSON, header: "{'a':1}"),
        BadFile("raw newline inside a string", .invalidJSON, header: "{\"a\nb\":{}}"),
        BadFile("unpaired surrogate escape", .invalidJSON, header: #"{"\ud800":{}}"#),
        BadFile("bad escape", .invalidJSON, header: #"{"\q":{}}"#),
        BadFile("leading zero", .invalidJSON, header: #"{"a":{"dtype":"F32","shape":[01],"data_offsets":[0,4]}}"#, bufferSize: 4),
        BadFile("NUL padding instead of spaces", .invalidJSON, Fixtures.file(headerBytes: Array("{}".utf8) + [0, 0, 0, 0, 0, 0])),
        BadFile("nesting 100 deep", .invalidJSON, header: "{\"__metadata__\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"),
        BadFile("bare word", .invalidJSON, header: "{\"a\":nope}"),
        // Not an object.
        BadFile("an array", .headerNotObject, header: "[]"),
        BadFile("a string", .headerNotObject, header: #""tensors""#),
        BadFile("a number", .headerNotObject, header: "42"),
        BadFile("null", .headerNotObject, header: "null"),
        // Metadata.
        BadFile("metadata is an array", .invalidMetadata, header: #"{"__metadata__":["a"]}"#),
        BadFile("metadata value is a number", .invalidMetadata, header: #"{"__metadata__":{"version":1}}"#),
        BadFile("metadata value is an object", .invalidMetadata, header: #"{"__metadata__":{"a":{}}}"#),
        BadFile("metadata key twice", .invalidMetadata, header: #"{"__metadata__":{"a":"1","a":"2"}}"#),
        // Tensor entries.
        BadFile("entry is a number", .invalidTensorEntry, header: #"{"a":5}"#),
        BadFile("entry lacks dtype", .invalidTensorEntry, header: #"{"a":{"shape":[1],"data_offsets":[0,4]}}"#, bufferSize: 4),
        BadFile("entry lacks data_offsets", .invalidTensorEntry, header: #"{"a":{"dtype":"F32","shape":[1]}}"#, bufferSize: 4),
        BadFile("entry has an extra key", .invalidTensorEntry, header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}}"#, bufferSize: 4),
        BadFile("entry has dtype twice", .invalidTensorEntry, header: #"{"a":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, bufferSize: 4),
        BadFile("dtype is a number", .invalidTensorEntry, header: #"{"a":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}"#, bufferSize: 4),
        // Dtypes.
        BadFile("dtype F33", .unknownDType, header: "{\"a\":\(e("F33", "[1]", "[0,4]"))}", bufferSize: 4),
        BadFile("dtype in lower case", .unknownDType, header: "{\"a\":\(e("f32", "[1]", "[0,4]"))}", bufferSize: 4),
        BadFile("sub-byte dtype F4", .unknownDType, header: "{\"a\":\(e("F4", "[2]", "[0,1]"))}", bufferSize: 1),
        BadFile("empty dtype", .unknownDType, header: "{\"a\":\(e("", "[1]", "[0,4]"))}", bufferSize: 4),
        // Shapes.
        BadFile("negative dimension", .invalidShape, header: "{\"a\":\(e("F32", "[-1]", "[0,0]"))}"),
        BadFile("fractional dimension", .invalidShape, header: "{\"a\":\(e("F32", "[1.5]", "[0,4]"))}", bufferSize: 4),
        BadFile("dimension with exponent", .invalidShape, header: "{\"a\":\(e("F32", "[1e0]", "[0,4]"))}", bufferSize: 4),
        BadFile("dimension as a string", .invalidShape, header: "{\"a\":\(e("F32", "[\"1\"]", "[0,4]"))}", bufferSize: 4),
        BadFile("dimension beyond Int", .invalidShape, header: "{\"a\":\(e("F32", "[99999999999999999999]", "[0,4]"))}", bufferSize: 4),
        BadFile("shape is a number", .invalidShape, header: "{\"a\":\(e("F32", "1", "[0,4]"))}", bufferSize: 4),
        BadFile("element count overflows", .invalidShape, header: "{\"a\":\(e("F32", "[4294967296,4294967296]", "[0,4]"))}", bufferSize: 4),
        BadFile("byte count overflows", .invalidShape, header: "{\"a\":\(e("F64", "[2305843009213693952]", "[0,8]"))}", bufferSize: 8),
        // Offsets.
        BadFile("one offset", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[4]"))}", bufferSize: 4),
        BadFile("three offsets", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[0,4,8]"))}", bufferSize: 8),
        BadFile("offsets as strings", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[\"0\",\"4\"]"))}", bufferSize: 4),
        BadFile("offsets as floats", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[0.0,4.0]"))}", bufferSize: 4),
        BadFile("offsets null", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "null"))}", bufferSize: 4),
        BadFile("negative offset", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[-4,0]"))}", bufferSize: 4),
        BadFile("offset beyond UInt64", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[0,18446744073709551620]"))}", bufferSize: 4),
        BadFile("begin after end", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[8,4]"))}", bufferSize: 8),
        BadFile("end beyond the buffer", .invalidOffsets, header: "{\"a\":\(e("F32", "[4]", "[0,16]"))}", bufferSize: 8),
        BadFile("huge end", .invalidOffsets, header: "{\"a\":\(e("F32", "[1]", "[9223372036854775803,9223372036854775807]"))}", bufferSize: 4),
        // Sizes.
        BadFile("bytes fewer than the shape needs", .sizeMismatch, header: "{\"a\":\(e("F32", "[2]", "[0,4]"))}", bufferSize: 4),
        BadFile("bytes more than the shape needs", .sizeMismatch, header: "{\"a\":\(e("F64", "[1]", "[0,16]"))}", bufferSize: 16),
        BadFile("scalar with no bytes", .sizeMismatch, header: "{\"a\":\(e("I32", "[]", "[0,0]"))}"),
        // Layout.
        BadFile("tensors overlap", .overlappingTensors, header: "{\"a\":\(e("F32", "[2]", "[0,8]")),\"b\":\(e("F32", "[2]", "[4,12]"))}", bufferSize: 12),
        BadFile("two tensors on the same bytes", .overlappingTensors, header: "{\"a\":\(e("F32", "[1]", "[0,4]")),\"b\":\(e("I32", "[1]", "[0,4]"))}", bufferSize: 4),
        BadFile("empty tensor inside another", .overlappingTensors, header: "{\"a\":\(e("F32", "[4]", "[0,16]")),\"z\":\(e("F32", "[0]", "[8,8]"))}", bufferSize: 16),
        BadFile("gap between tensors", .gapInBuffer, header: "{\"a\":\(e("F32", "[1]", "[0,4]")),\"b\":\(e("F32", "[1]", "[8,12]"))}", bufferSize: 12),
        BadFile("gap before the first tensor", .gapInBuffer, header: "{\"a\":\(e("F32", "[1]", "[4,8]"))}", bufferSize: 8),
        BadFile("bytes after the last tensor", .gapInBuffer, header: "{\"a\":\(e("F32", "[1]", "[0,4]"))}", bufferSize: 8),
        BadFile("bytes but no tensors", .gapInBuffer, header: "{}", bufferSize: 4),
        // Names.
        BadFile("tensor name twice", .duplicateName, header: "{\"a\":\(e("F32", "[1]", "[0,4]")),\"a\":\(e("F32", "[1]", "[4,8]"))}", bufferSize: 8),
        BadFile("metadata twice", .duplicateName, header: #"{"__metadata__":{},"__metadata__":{}}"#),
    ]

}

/// A hand-made file that is unusual but valid.
struct GoodFile: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var bytes: [UInt8]

    init(_ label: String, header: String, bufferSize: Int = 0) {
        testDescription = label
        bytes = Fixtures.file(header: header, bufferSize: bufferSize)
    }

    static func e(_ dtype: String, _ shape: String, _ offsets: String) -> String { Fixtures.entry(dtype, shape, offsets) }

    static let escapedName = GoodFile("escaped name", header: "{\"\\u00e9\\ud83c\\udf89\\n\":\(e("U8", "[2]", "[0,2]"))}", bufferSize: 2)

    static let all: [GoodFile] = [
        GoodFile("empty object", header: "{}"),
        GoodFile("padded with spaces", header: "{}      "),
        GoodFile("leading whitespace", header: " \n{}"),
        GoodFile("whitespace inside", header: "{ \"__metadata__\" : { \"a\" : \"b\" } ,\n\t\"t\": \(e("F32", "[ 1 ]", "[ 0 , 4 ]")) }", bufferSize: 4),
        GoodFile("metadata null", header: #"{"__metadata__":null}"#),
        escapedName,
        GoodFile("empty tensors anywhere", header: "{\"a\":\(e("F32", "[0]", "[0,0]")),\"b\":\(e("U8", "[2]", "[0,2]")),\"c\":\(e("I64", "[0,5]", "[2,2]"))}", bufferSize: 2),
        GoodFile("zero dimension beside a huge one", header: "{\"a\":\(e("F64", "[0,9223372036854775807]", "[0,0]"))}"),
    ]
}

@Suite("Safetensors corruption")
struct CorruptionTests {
    @Test("each validation rule", arguments: BadFile.all)
    func handMadeBadFileIsRejected(_ bad: BadFile) throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("bad.safetensors")
            try Fixtures.write(bad.bytes, to: url)
            let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile(path: url.path) }
            #expect(error?.code == bad.code, "\(error?.description ?? "loaded")")
            #expect(error?.description.hasPrefix("\(url.path): \(bad.code.summary): ") == true)
        }
    }

    @Test("unusual but valid headers load", arguments: GoodFile.all)
    func unusualButValidHeadersLoad(_ good: GoodFile) throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("good.safetensors")
            #expect(try Fixtures.openAndTouch(good.bytes, at: url) == nil)
        }
    }

    @Test func escapedNamesAreDecoded() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("escaped.safetensors")
            try Fixtures.write(GoodFile.escapedName.bytes, to: url)
            #expect(try SafetensorsFile(url: url).names == ["é🎉\n"])
        }
    }

    @Test func everyRuleHasACase() {
        let accessRules: Set<SafetensorsError.Code> = [.fileNotFound, .notARegularFile, .ioError, .noSuchTensor, .wrongDType, .misaligned]
        let covered = Set(BadFile.all.map(\.code))
        #expect(Set(SafetensorsError.Code.allCases).subtracting(accessRules).subtracting(covered).isEmpty)
    }

    @Test func truncationMessageIsClear() throws {
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("model.safetensors")
            try Fixtures.write(Fixtures.file(headerBytes: Array("{}".utf8) + [UInt8](repeating: 32, count: 90), declaredLength: 4096), to: url)
            let error = #expect(throws: SafetensorsError.self) { try SafetensorsFile(path: url.path) }
            #expect(error?.description == "\(url.path): truncated: header says 4,096 bytes but the file has 100 bytes in all")
        }
    }

    @Test func missingEmptyAndDirectoryPaths() throws {
        try Fixtures.withFolder { folder throws in
            let missing = #expect(throws: SafetensorsError.self) { try SafetensorsFile(url: folder.appendingPathComponent("absent.safetensors")) }
            #expect(missing?.code == .fileNotFound)
            #expect(missing?.description.contains("absent.safetensors: file not found: cannot open: No such file or directory") == true)

            let empty = folder.appendingPathComponent("empty.safetensors")
            try Fixtures.write([], to: empty)
            #expect((#expect(throws: SafetensorsError.self) { try SafetensorsFile(url: empty) })?.code == .truncated)

            let directory = #expect(throws: SafetensorsError.self) { try SafetensorsFile(url: folder) }
            #expect(directory?.code == .notARegularFile)
            #expect(directory?.message == "it is a directory")

            #expect((#expect(throws: SafetensorsError.self) { try SafetensorsFile(path: "/dev/null") })?.code == .notARegularFile)
            #expect((#expect(throws: SafetensorsError.self) { try SafetensorsFile(path: "") })?.code == .fileNotFound)
        }
    }

    @Test func everyTruncationOfAValidFileIsRejected() throws {
        let bytes = try Fixtures.sampleWriter().serialized()
        let dataOffset = 8 + bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("cut.safetensors")
            #expect(try Fixtures.openAndTouch(bytes, at: url) == nil)
            for length in 0..<bytes.count {
                let error = try Fixtures.openAndTouch(Array(bytes[..<length]), at: url)
                let expected: SafetensorsError.Code = length < dataOffset ? .truncated : .invalidOffsets
                #expect(error?.code == expected, "length \(length): \(error?.description ?? "loaded")")
            }
        }
    }

    @Test func flippedHeaderBytesNeverCrash() throws {
        let bytes = try Fixtures.sampleWriter().serialized()
        let dataOffset = 8 + bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        var rejected = 0, loaded = 0
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("flipped.safetensors")
            for position in 0..<dataOffset {
                for mask: UInt8 in [0x01, 0x20, 0x80, 0xFF] {
                    var copy = bytes
                    copy[position] ^= mask
                    if try Fixtures.openAndTouch(copy, at: url) == nil { loaded += 1 } else { rejected += 1 }
                }
            }
        }
        // Flips inside names and metadata values can leave a valid file; most flips must not.
        #expect(rejected > 4 * loaded, "rejected \(rejected), loaded \(loaded)")
    }
}
