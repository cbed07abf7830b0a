import Foundation
import Testing
import LedePipeline
import LedeTestSupport

/// `LabelMap`: the `--label-map` file, its errors, and mapping a corpus with its counts.
@Suite("Label map")
struct LabelMapTests {
    func parse(_ text: String) throws(LabelMapError) -> LabelMap { try LabelMap(parsing: Array(text.utf8), path: "map.tsv") }

    @Test("rules in file order; - drops; comments, blank lines, CRLF and a byte-order mark are fine; labels keep inner spaces")
    func parses() throws {
        let map = try LabelMap(parsing: [0xEF, 0xBB, 0xBF] + Array("# AG and HuffPost\r\nWorld\tworld\r\n\nARTS & CULTURE\tentertainment\nCOMEDY\t-\n".utf8),
                               path: "map.tsv")
        #expect(map.rules == [LabelMap.Rule(source: "World", target: "world"), LabelMap.Rule(source: "ARTS & CULTURE", target: "entertainment"),
                              LabelMap.Rule(source: "COMEDY", target: nil)])
        #expect(map.target(of: "World") == .some("world") && map.target(of: "COMEDY") == .some(nil) && map.target(of: "world") == nil)
        #expect(map.targetLabels == ["entertainment", "world"])
        #expect(map.pairs == [["World", "world"], ["ARTS & CULTURE", "entertainment"], ["COMEDY", "-"]])
    }

    @Test("a bad line is an error naming the file and the line", arguments: [
        ("World\tworld\nSports sport\n", "map.tsv:2: expected source-label<TAB>target-label, found no tab"),
        ("a\tb\tc\n", "map.tsv:1: expected source-label<TAB>target-label, found 2 tabs"),
        ("\tworld\n", "map.tsv:1: the source label is empty"),
        ("# x\nWorld\t\n", "map.tsv:2: the target label of \"World\" is empty (write - to drop it)"),
        ("World\tworld\nsport\tsport\nWorld\tnews\n", "map.tsv:3: \"World\" is mapped twice (also by rule 1)"),
        ("# only a comment\n\n", "map.tsv: the label map has no rules"),
    ])
    func rejects(text: String, message: String) {
        #expect(throws: LabelMapError.self) { try parse(text) }
        do { _ = try parse(text) } catch { #expect(error.description == message) }
    }

    @Test("a line that is not UTF-8 is an error naming its line")
    func notUTF8() {
        do {
            _ = try LabelMap(parsing: Array("a\tb\n".utf8) + [0xFF, 0x09, 0x61, 0x0A], path: "m.tsv")
            Issue.record("no error")
        } catch { #expect(error.description == "m.tsv:2: not UTF-8") }
    }

    @Test("a file is read from disk; a missing one is an InputError")
    func readsFile() throws {
        let path = TestFiles.url("labelmap.tsv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("World\tworld\nSports\tsport\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try LabelMap(contentsOf: path).rules.count == 2)
        #expect(throws: InputError.self) { try LabelMap(contentsOf: path + ".missing") }
    }

    static let corpus = LabeledCorpus(texts: ["a", "b", "c", "d", "e"], labels: ["World", "Sports", "COMEDY", "World", "Crime"])

    @Test("apply maps labels, drops - and counts per label before and after; an unnamed label is an error listing it")
    func applies() throws {
        let map = try parse("World\tworld\nSports\tsport\nCOMEDY\t-\n")
        do {
            _ = try map.apply(to: Self.corpus, name: "ag.jsonl")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("ag.jsonl: labels the label map does not name: \"Crime\" (1 records)"))
        }
        let (mapped, source) = try map.apply(to: Self.corpus, name: "ag.jsonl", unmapped: .drop)
        #expect(mapped.texts == ["a", "b", "d"] && mapped.labels == ["world", "sport", "world"] && mapped.ids.count == 3)
        #expect(source.name == "ag.jsonl" && source.sha256 == Self.corpus.sha256 && source.recordCount == 5)
        #expect(source.labelCounts == ["World": 2, "Sports": 1, "COMEDY": 1, "Crime": 1])
        #expect(source.mappedCounts == ["world": 2, "sport": 1] && source.droppedByMap == 1 && source.unmappedDropped == 1)
    }

    @Test("corpora concatenate in order; the digest is of the parts' digests")
    func concatenates() {
        let a = LabeledCorpus(texts: ["x"], labels: ["p"]), b = LabeledCorpus(texts: ["y", "z"], labels: ["q", "p"])
        let both = LabeledCorpus(concatenating: [a, b])
        #expect(both.texts == ["x", "y", "z"] && both.labels == ["p", "q", "p"] && both.count == 3)
        #expect(both.sha256.count == 64 && both.sha256 != LabeledCorpus(concatenating: [b, a]).sha256)
    }
}
