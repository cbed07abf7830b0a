import Testing
import LedePipeline

func scan(_ text: String, keys: [String] = ["id", "text"]) throws(RecordError) -> [JSONObjectScanner.Value?] {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { (b) throws(RecordError) in try JSONObjectScanner(keys: keys).scan(b) }
}

@Suite("JSON object scanner")
struct JSONObjectScannerTests {
    @Test("reads strings, numbers and null, and skips other members", arguments: [
        (#"{"id":"a1","text":"hello"}"#, [JSONObjectScanner.Value.string("a1"), .string("hello")]),
        (#"{"id":42,"text":"x"}"#, [.number("42"), .string("x")]),
        (#"{"id":-1.5e3,"text":null}"#, [.number("-1.5e3"), .null]),
        (#" { "skip" : [1, {"a": [true, false, null]}, "s"], "text" : "t" , "id": {"nested": 1} } "#, [.other, .string("t")]),
        (#"{"text":"tab\there \"q\" back\\slash \/ \u00e9 \ud83d\ude00 \n"}"#, [nil, .string("tab\there \"q\" back\\slash / é 😀 \n")]),
        (#"{"te\u0078t":"escaped key"}"#, [nil, .string("escaped key")]),
        (#"{}"#, [nil, nil]),
        (#"{"text":"Über naïve 東京"}"#, [nil, .string("Über naïve 東京")]),
    ] as [(String, [JSONObjectScanner.Value?])])
    func reads(text: String, expected: [JSONObjectScanner.Value?]) throws {
        #expect(try scan(text) == expected)
    }

    @Test("rejects what is not one JSON object, saying where", arguments: [
        ("", RecordError.Code.invalidJSON), ("[1,2]", .notAnObject), ("\"text\"", .notAnObject), ("{", .invalidJSON),
        (#"{"text":"unclosed}"#, .invalidJSON), (#"{"text":"a"} trailing"#, .invalidJSON), (#"{"text" "a"}"#, .invalidJSON),
        (#"{"text":"a",}"#, .invalidJSON), (#"{text:"a"}"#, .invalidJSON), (#"{"text":tru}"#, .invalidJSON),
        (#"{"text":01}"#, .invalidJSON), (#"{"text":1.}"#, .invalidJSON), (#"{"text":"\x"}"#, .invalidJSON),
        (#"{"text":"\u12"}"#, .invalidJSON), ("{\"text\":\"a\tb\"}", .invalidJSON), (#"{"a":[1,2}"#, .invalidJSON),
        (#"{"a":{"b":1]}"#, .invalidJSON), (#"{"a":[1 2]}"#, .invalidJSON), (#"{"a":{"b" 1}}"#, .invalidJSON),
        (#"{"a":1}{"b":2}"#, .invalidJSON),
    ] as [(String, RecordError.Code)])
    func rejects(text: String, code: RecordError.Code) {
        #expect { try scan(text) } throws: { ($0 as? RecordError)?.code == code }
    }

    @Test("invalid UTF-8 inside a string is an invalid_utf8 error naming the byte")
    func invalidUTF8() {
        for bad in [[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]] as [[UInt8]] {
            let bytes = Array(#"{"text":"ab"#.utf8) + bad + Array(#""}"#.utf8)
            #expect {
                try bytes.withUnsafeBufferPointer { (b) throws(RecordError) in _ = try JSONObjectScanner(keys: ["text"]).scan(b) }
            } throws: { error in
                guard let error = error as? RecordError else { return false }
                return error.code == .invalidUTF8 && error.message.contains("byte 12")
            }
        }
    }

    @Test("deep nesting is skipped without recursion")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(try scan(#"{"skip":\#(deep),"text":"ok"}"#) == [nil, .string("ok")])
    }
}

@Suite("JSON object scanner: arrays of strings")
struct JSONObjectScannerArrayTests {
    @Test("a kept array of strings reads as its strings; any other array as other", arguments: [
        (#"{"labels":["a","b\u00e9"]}"#, JSONObjectScanner.Value.strings(["a", "bé"])),
        (#"{"labels": [ ] }"#, .strings([])),
        (#"{"labels":[ "a" , "b" ]}"#, .strings(["a", "b"])),
        (#"{"labels":["a",1]}"#, .other),
        (#"{"labels":[["a"]]}"#, .other),
        (#"{"labels":{"a":"b"}}"#, .other),
    ])
    func arrays(text: String, expected: JSONObjectScanner.Value) throws {
        #expect(try scan(text, keys: ["labels"]) == [expected])
    }

    @Test("a malformed array is invalid JSON either way", arguments: [#"{"labels":["a" "b"]}"#, #"{"labels":["a",]}"#, #"{"labels":["a"}"#])
    func malformed(text: String) {
        #expect(throws: RecordError.self) { try scan(text, keys: ["labels"]) }
    }
}
