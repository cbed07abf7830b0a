import Foundation
import Testing
import LedeSafetensors

@Suite("Safetensors atomic writes")
struct AtomicWriteTests {
    struct Interrupted: Error, Equatable {}

    /// The writer's sample file, and a different one to try to replace it with.
    func writers() throws -> (old: SafetensorsWriter, new: SafetensorsWriter) {
        var new = SafetensorsWriter(metadata: ["version": "2"])
        try new.add("w", (0..<1_000).map(Float.init), shape: [10, 100])
        try new.add("b", [1, 2, 3] as [UInt8])
        return (try Fixtures.sampleWriter(), new)
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func replacesTheDestinationAndLeavesNoTemporaryFile() throws {
        let (old, new) = try writers()
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("model.safetensors")
            try old.write(to: url)
            try new.write(to: url)
            #expect(try Data(contentsOf: url) == Data(try new.serialized()))
            #expect(try contents(folder) == ["model.safetensors"])
        }
    }

    @Test func throwingMidWayLeavesTheDestinationIntact() throws {
        let (old, new) = try writers()
        try Fixtures.withFolder { folder throws in
            let url = folder.appendingPathComponent("model.safetensors")
            try old.write(to: url)
            let before = try Data(contentsOf: url)
            var chunks = 0
            var temporary = ""
            let error = #expect(throws: Interrupted.self) {
                try AtomicFile.write(toFile: url.path) { sink in
                    temporary = sink.temporaryPath
                    try new.encode { chunk in
                        chunks += 1
                        if chunks == 2 { throw Interrupted() }   // after the header, before the second tensor
                        try sink.write(chunk)
                    }
                }
            }
            #expect(error == Interrupted())
            #expect(chunks == 2)
            #expect(temporary.hasPrefix(folder.path + "/.model.safetensors.tmp-"))
            #expect(!FileManager.default.fileExists(atPath: temporary))
            #expect(try Data(contentsOf: url) == before)
            #expect(try contents(folder) == ["model.safetensors"])
            #expect(try SafetensorsFile(url: url).metadata == Fixtures.awkwardMetadata)
        }
    }

    @Test func aFailedRenameLeavesTheDestinationIntact() throws {
        let (_, new) = try writers()
        try Fixtures.withFolder { folder throws in
            // The destination is a non-empty directory, so rename(2) must fail after everything was written.
            let url = folder.appendingPathComponent("model.safetensors")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            try Data("keep".utf8).write(to: url.appendingPathComponent("inside.txt"))
            let error = #expect(throws: SafetensorsError.self) { try new.write(to: url) }
            #expect(error?.code == .ioError)
            #expect(error?.message.contains("cannot rename") == true)
            #expect(try contents(folder) == ["model.safetensors"])
            #expect(try contents(url) == ["inside.txt"])
            #expect(try Data(contentsOf: url.appendingPathComponent("inside.txt")) == Data("keep".utf8))
        }
    }

    @Test func aMissingFolderOrAFolderPathIsAnIOError() throws {
        let (_, new) = try writers()
        try Fixtures.withFolder { folder throws in
            let missing = #expect(throws: SafetensorsError.self) { try new.write(to: folder.appendingPathComponent("no/such/model.safetensors")) }
            #expect(missing?.code == .ioError)
            #expect(missing?.message.contains("cannot create the temporary file") == true)
            let slash = #expect(throws: SafetensorsError.self) { try new.write(toFile: folder.path + "/") }
            #expect(slash?.code == .ioError)
            #expect(try contents(folder).isEmpty)
        }
    }
}
