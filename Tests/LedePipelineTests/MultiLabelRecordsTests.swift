import Foundation
import Testing
import LedePipeline

/// Label sets in every labeled format: JSON `labels` arrays, CSV/TSV `labels` columns, fastText lines with
/// several `__label__`s; one-label records beside them, and empty sets as records about no topic.
@Suite("Multi-label records")
struct MultiLabelRecordsTests {
    @Test("JSON Lines: labels arrays, one-label records beside them, empty arrays, repeats dropped")
    func jsonLines() throws {
        let scratch = Scratch()
        let path = scratch.write("ml.jsonl", """
            {"id":"1","title":"Grain","text":"Wheat ships","labels":["grain","wheat","ship"]}
            {"id":"2","text":"Profits rose","label":"earn"}
            {"id":"3","text":"Nothing to file","labels":[]}
            {"id":"4","text":"Twice","labels":["acq","acq"],"label":"ignored"}
            {"id":"5","text":"Null set","labels":null,"label":"earn"}

            """)
        let read = try corpus(path).get()
        #expect(read.isMultiLabel)
        #expect(read.labelSets == [["grain", "wheat", "ship"], ["earn"], [], ["acq"], ["earn"]])
        #expect(read.labels == ["grain", "earn", "", "acq", "earn"])
        #expect(read.labelNames == ["acq", "earn", "grain", "ship", "wheat"])
        #expect(read.titles[0] == "Grain" && read.texts[0] == "Wheat ships" && read.ids == ["1", "2", "3", "4", "5"])
    }

    @Test("JSON Lines: one-label data stays single-label; --labels-field renames the field")
    func singleAndRenamed() throws {
        let scratch = Scratch()
        let single = scratch.write("single.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"b\",\"label\":\"y\"}\n")
        let read = try corpus(single).get()
        #expect(!read.isMultiLabel && read.labelSets == [["x"], ["y"]] && read.labelNames == ["x", "y"])
        let renamed = scratch.write("topics.jsonl", "{\"text\":\"a\",\"topics\":[\"x\",\"z\"],\"labels\":\"not read\"}\n")
        let sets = try corpus(renamed, fields: RecordFields(labels: "topics")).get()
        #expect(sets.isMultiLabel && sets.labelSets == [["x", "z"]])
    }

    @Test("JSON Lines: a labels field that is not an array of strings, or holds an empty label, is a bad record", arguments: [
        (#"{"text":"a","labels":"grain"}"#, RecordError.Code.wrongFieldType),
        (#"{"text":"a","labels":["grain",3]}"#, .wrongFieldType),
        (#"{"text":"a","labels":{"x":1}}"#, .wrongFieldType),
        (#"{"text":"a","labels":["grain",""]}"#, .invalidRecord),
        (#"{"text":"a","labels":["grain",]}"#, .invalidJSON),
    ])
    func badSets(line: String, code: RecordError.Code) throws {
        let scratch = Scratch()
        let path = scratch.write("bad.jsonl", "{\"text\":\"fine\",\"labels\":[\"ok\"]}\n" + line + "\n")
        let error = recordError(corpus(path))
        #expect(error?.code == code && error?.line == 2 && error?.source == path, "\(String(describing: error))")
        let skipped = try corpus(path, skipInvalid: true).get()
        #expect(skipped.labelSets == [["ok"]] && skipped.skipped.count == 1)
    }

    @Test("CSV and TSV: a labels column split at the separator, trimmed; an empty cell is no topic; label ignored beside it")
    func delimited() throws {
        let scratch = Scratch()
        let csv = scratch.write("ml.csv", "id,text,labels,label\n1,wheat ships,\"grain | wheat|ship\",x\n2,nothing,,y\n3,one,earn|,z\n")
        let read = try corpus(csv).get()
        #expect(read.isMultiLabel && read.labelSets == [["grain", "wheat", "ship"], [], ["earn"]])
        let tsv = scratch.write("ml.tsv", "text\ttopics\nwheat ships\tgrain;wheat\n")
        let custom = try LabeledCorpus(paths: [tsv], fields: RecordFields(labels: "topics"), labelSeparator: ";")
        #expect(custom.labelSets == [["grain", "wheat"]])
        let single = scratch.write("one.csv", "text,label\na,x\n")
        #expect(try !corpus(single).get().isMultiLabel)
    }

    @Test("CSV: a header with neither label column names both ways to give labels")
    func delimitedHeader() {
        let scratch = Scratch()
        let csv = scratch.write("none.csv", "text,topic\na,x\n")
        let result = corpus(csv)
        guard case .failure(let error as InputFormatError) = result else {
            Issue.record("expected an InputFormatError, got \(result)")
            return
        }
        #expect(error.message.hasPrefix("no \"label\" column") && error.message.contains("\"labels\" column"), "\(error)")
    }

    @Test("fastText: several labels are a set (each once, in order of the line); the text is the rest of the line")
    func fastText() throws {
        let scratch = Scratch()
        let path = scratch.write("ml.ft", "__label__grain __label__wheat Wheat ships __label__grain out\n__label__earn Profits\n")
        let read = try corpus(path).get()
        #expect(read.isMultiLabel && read.labelSets == [["grain", "wheat"], ["earn"]])
        #expect(read.texts == ["Wheat ships out", "Profits"])
    }

    @Test("a label map maps each label of a set; a record whose labels all drop is dropped, an empty set stays")
    func labelMap() throws {
        let corpus = LabeledCorpus(texts: ["a", "b", "c", "d"], labelSets: [["wheat", "corn"], ["gold"], [], ["wheat", "gold"]])
        let map = try LabelMap(rules: [.init(source: "wheat", target: "grain"), .init(source: "corn", target: "grain"),
                                       .init(source: "gold", target: nil)])
        let (mapped, source) = try map.apply(to: corpus, name: "data")
        #expect(mapped.isMultiLabel && mapped.texts == ["a", "c", "d"])
        #expect(mapped.labelSets == [["grain"], [], ["grain"]])
        #expect(source.droppedByMap == 1 && source.labelCounts == ["wheat": 2, "corn": 1, "gold": 2] && source.mappedCounts == ["grain": 2])
    }

    @Test("splits, concatenation and in-memory corpora keep the label sets")
    func keepsSets() {
        let corpus = LabeledCorpus(texts: ["a", "b", "c", "d"], labelSets: [["x"], ["x", "y"], ["y"], []])
        #expect(corpus.sha256.count == 64 && corpus.labelNames == ["x", "y"])
        let (kept, held) = StratifiedSplit.split(corpus, fraction: 0.5, seed: 1)
        #expect(kept.isMultiLabel && held.isMultiLabel && kept.count + held.count == 4)
        let joined = LabeledCorpus(concatenating: [kept, held])
        #expect(joined.isMultiLabel && Set(joined.labelSets.map { $0.joined(separator: ",") }) == ["x", "x,y", "y", ""])
        let both = LabeledCorpus(concatenating: [LabeledCorpus(texts: ["e"], labels: ["z"]), corpus])
        #expect(both.isMultiLabel && both.labelSets.first == ["z"])
    }
}
