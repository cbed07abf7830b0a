import Foundation
import Testing
import LedePipeline

/// Writes `bytes` to a temporary file and returns every line the reader hands over.
func lines(of bytes: [UInt8], maxLineBytes: Int = .max) throws -> [String] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-lines-\(UUID().uuidString)").path
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var reader = try LineReader(path: path, maxLineBytes: maxLineBytes)
    var out: [String] = []
    try reader.forEachLine { line in
        switch line {
        case .text(let b, let n): out.append("\(n):" + String(decoding: b, as: UTF8.self))
        case .tooLarge(let n, let size): out.append("\(n):too large \(size)")
        }
        return true
    }
    return out
}

@Suite("Line reader")
struct LineReaderTests {
    @Test("splits at LF, drops a CR before it, keeps a last line without newline, numbers lines")
    func splits() throws {
        #expect(try lines(of: Array("a\nb\r\n\nc".utf8)) == ["1:a", "2:b", "3:", "4:c"])
        #expect(try lines(of: []) == [])
        #expect(try lines(of: Array("only\n".utf8)) == ["1:only"])
    }

    @Test("lines longer than the buffer are read whole")
    func longLines() throws {
        let long = String(repeating: "x", count: 3_000_000)
        #expect(try lines(of: Array("\(long)\nshort\n".utf8)).map { String($0.prefix(12)) } == ["1:xxxxxxxxxx", "2:short"])
    }

    @Test("a line over the limit is reported, not held, and the next lines still come")
    func overLimit() throws {
        let big = String(repeating: "y", count: 5_000_000)
        #expect(try lines(of: Array("ok\n\(big)\nafter\n".utf8), maxLineBytes: 1000) == ["1:ok", "2:too large 5000000", "3:after"])
        #expect(try lines(of: Array("a\n\(String(repeating: "z", count: 2000))".utf8), maxLineBytes: 1000) == ["1:a", "2:too large 2000"])
    }

    @Test("a reader read to its end hands over nothing more, even when its closed descriptor's number is reused")
    func readOnce() throws {
        let directory = FileManager.default.temporaryDirectory
        let first = directory.appendingPathComponent("lede-once-\(UUID().uuidString)").path
        let second = directory.appendingPathComponent("lede-once-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: first, contents: Data("one\ntwo\n".utf8))
        FileManager.default.createFile(atPath: second, contents: Data("other\n".utf8))
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
        var reader = try LineReader(path: first)
        var count = 0
        try reader.forEachLine { _ in count += 1; return true }
        #expect(count == 2)
        var other = try LineReader(path: second)  // likely given the number the first reader closed
        try reader.forEachLine { _ in count += 1; return true }
        #expect(count == 2)
        var seen: [String] = []
        try other.forEachLine { line in
            if case .text(let bytes, _) = line { seen.append(String(decoding: bytes, as: UTF8.self)) }
            return true
        }
        #expect(seen == ["other"])
    }

    @Test("a missing file and a directory are input errors")
    func missing() {
        #expect { try LineReader(path: "/nonexistent/file.jsonl") } throws: { ($0 as? InputError)?.isMissing == true }
        // A folder where a file was wanted is "not found" (exit 66), as it is for a model, and says so.
        #expect { try LineReader(path: "/tmp") } throws: { ($0 as? InputError)?.description == "/tmp: is a folder, not a file (--input-format text or html reads the files in a folder)" }
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("matches the published test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(message: String, digest: String) {
        var hasher = SHA256()
        hasher.update(message)
        #expect(hasher.hexDigest() == digest)
    }

    @Test("feeding in pieces gives the same digest")
    func pieces() {
        let text = String(repeating: "The quick brown fox. ", count: 100)
        var whole = SHA256(), pieces = SHA256()
        whole.update(text)
        for chunk in stride(from: 0, to: text.utf8.count, by: 37) {
            let bytes = Array(text.utf8)[chunk..<min(text.utf8.count, chunk + 37)]
            bytes.withUnsafeBufferPointer { pieces.update($0) }
        }
        #expect(whole.hexDigest() == pieces.hexDigest())
    }
}
