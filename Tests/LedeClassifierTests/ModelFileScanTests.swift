import Testing
@testable import LedeClassifier

@Suite("Model file: vocabulary scans")
struct ModelFileScanTests {
    @Test("the model file's double-space scan finds the first pair at every offset, and no false one")
    func doubleSpaceScan() {
        for length in [0, 1, 2, 9, 16, 17, 40] {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer { ModelFile.firstDoubleSpace($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, $0.count) } == nil)
            // Single spaces everywhere they fit, never two in a row.
            let spaced = (0..<length).map { $0 % 2 == 0 ? UInt8(ascii: " ") : UInt8(ascii: "b") }
            #expect(spaced.withUnsafeBufferPointer { ModelFile.firstDoubleSpace($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, $0.count) } == nil)
            for at in 0..<max(0, length - 1) {
                var bytes = spaced
                bytes[at] = UInt8(ascii: " ")
                bytes[at + 1] = UInt8(ascii: " ")
                let first = (0..<(length - 1)).first { bytes[$0] == 0x20 && bytes[$0 + 1] == 0x20 }
                #expect(bytes.withUnsafeBufferPointer { ModelFile.firstDoubleSpace($0.baseAddress!, $0.count) } == first)
            }
        }
    }
}
