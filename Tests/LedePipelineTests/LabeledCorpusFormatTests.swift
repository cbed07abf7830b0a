import Foundation
import Testing
import LedePipeline

/// A fresh temporary directory for one test, removed when it is dropped.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-formats-\(UUID().uuidString)")
    init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `relative` (making folders) and returns its path.
    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
        return file.path
    }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String { write(relative, Array(text.utf8)) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// Reads `path` and returns the corpus, or the error it threw.
func corpus(_ path: String, format: LabeledCorpusFormat? = nil, fields: RecordFields = RecordFields(),
            skipInvalid: Bool = false, maxRecordBytes: Int = 16 << 20) -> Result<LabeledCorpus, any Error> {
    Result { try LabeledCorpus(paths: [path], format: format, fields: fields, skipInvalid: skipInvalid, maxRecordBytes: maxRecordBytes) }
}

/// The `RecordError` a read stopped with, if that is how it ended.
func recordError(_ result: Result<LabeledCorpus, any Error>) -> RecordError? {
    if case .failure(let error) = result { return error as? RecordError }
    return nil
}

@Suite("Labeled corpus formats: detection")
struct FormatDetectionTests {
    @Test("a directory is folder; .csv, .tsv, .ft and .fasttext by name; anything else jsonl")
    func detection() {
        let scratch = Scratch()
        #expect(LabeledCorpusFormat.detect(path: scratch.url.path) == .folder)
        #expect(LabeledCorpusFormat.detect(path: "/data/train.csv") == .csv)
        #expect(LabeledCorpusFormat.detect(path: "/data/TRAIN.CSV") == .csv)
        #expect(LabeledCorpusFormat.detect(path: "dev.tsv") == .tsv)
        #expect(LabeledCorpusFormat.detect(path: "x.ft") == .fasttext)
        #expect(LabeledCorpusFormat.detect(path: "x.fasttext") == .fasttext)
        #expect(LabeledCorpusFormat.detect(path: "train.jsonl") == .jsonl)
        #expect(LabeledCorpusFormat.detect(path: "train.txt") == .jsonl)
        #expect(LabeledCorpusFormat.detect(path: "csv") == .jsonl)
        #expect(LabeledCorpusFormat.detect(path: "some.dir/.csv") == .jsonl)
        #expect(LabeledCorpusFormat.detect(path: "/nonexistent/folder") == .jsonl)
    }

    @Test("JSON Lines reads as before: blank lines skipped, missing label is a bad record")
    func jsonLines() throws {
        let scratch = Scratch()
        let path = scratch.write("a.jsonl", "{\"id\":\"x\",\"title\":\"T\",\"text\":\"body\",\"label\":\"l\"}\r\n\n{\"text\":\"no label\"}\n")
        #expect(recordError(corpus(path))?.description == "\(path):3: no \"label\" field (set another with --label-field); the record's fields are \"text\"")
        let read = try corpus(path, skipInvalid: true).get()
        #expect(read.titles == ["T"] && read.texts == ["body"] && read.labels == ["l"] && read.ids == ["x"] && read.skipped.count == 1)
    }

    @Test("several inputs of different formats are read in order, each detected")
    func mixed() throws {
        let scratch = Scratch()
        let jsonl = scratch.write("a.jsonl", "{\"text\":\"one\",\"label\":\"a\"}\n")
        let csv = scratch.write("b.csv", "text,label\ntwo,b\n")
        let ft = scratch.write("c.ft", "__label__c three\n")
        let read = try LabeledCorpus(paths: [jsonl, csv, ft], fields: RecordFields())
        #expect(read.texts == ["one", "two", "three"] && read.labels == ["a", "b", "c"])
        // The flag wins over the names.
        #expect(recordError(Result { try LabeledCorpus(paths: [csv], format: .jsonl, fields: RecordFields()) })?.line == 1)
    }
}

@Suite("Labeled corpus formats: CSV and TSV")
struct DelimitedRecordsTests {
    @Test("BOM, CRLF, quoted commas and newlines, doubled quotes, empty fields, no final newline")
    func awkward() throws {
        let scratch = Scratch()
        let text = "id,title,text,label\r\n"
            + "1,\"Cup, final\",\"He said \"\"wow\"\"\r\nthen left, happy\",sport\r\n"
            + "2,,plain text with a \"quote\" inside,business\r\n"
            + "\r\n"
            + "3,\"\",\"\",tech\r\n"
            + ",Untitled,last one,tech"
        let path = scratch.write("awkward.csv", utf8ByteOrderMarkBytes + Array(text.utf8))
        let read = try corpus(path).get()
        #expect(read.titles == ["Cup, final", "", "", "Untitled"])
        #expect(read.texts == ["He said \"wow\"\r\nthen left, happy", "plain text with a \"quote\" inside", "", "last one"])
        #expect(read.labels == ["sport", "business", "tech", "tech"])
        #expect(read.ids == ["1", "2", "3", nil])
        // The digest covers every byte of the file, BOM included.
        var digest = SHA256()
        let bytes = utf8ByteOrderMarkBytes + Array(text.utf8)
        bytes.withUnsafeBufferPointer { digest.update($0) }
        #expect(read.sha256 == digest.hexDigest())
    }

    @Test("columns are found by the field names, in any order; other columns are ignored")
    func fieldNames() throws {
        let scratch = Scratch()
        let path = scratch.write("named.csv", "topic, extra ,body\nsport,x,goal\n")
        let read = try corpus(path, fields: RecordFields(text: "body", label: "topic")).get()
        #expect(read.texts == ["goal"] && read.labels == ["sport"] && read.ids == [nil])
    }

    @Test("a missing text or label column is one error naming the file and the column")
    func missingColumn() {
        let scratch = Scratch()
        let path = scratch.write("nolabel.csv", "id,text,category\n1,hello,x\n")
        for skip in [false, true] {
            guard case .failure(let error) = corpus(path, skipInvalid: skip) else { Issue.record("read"); return }
            let problem = error as? InputFormatError
            #expect(problem?.path == path && problem?.line == 1)
            #expect(problem?.description.contains("no \"label\" column") == true)
            #expect(problem?.description.contains("--label-field") == true)
        }
        let neither = scratch.write("neither.csv", "a,b\n1,2\n")
        guard case .failure(let error) = corpus(neither) else { Issue.record("read"); return }
        #expect("\(error)".contains("no \"text\" or \"label\" column"))
    }

    @Test("ragged rows are bad records naming the line the record starts on")
    func ragged() throws {
        let scratch = Scratch()
        let path = scratch.write("ragged.csv", "text,label\nok,a\n\"two\nlines\",b,extra\nshort\nfine,c\n")
        let error = recordError(corpus(path))
        #expect(error?.source == path && error?.line == 3)
        #expect(error?.description.hasPrefix("\(path):3: the row has 3 fields, the header 2") == true)
        let read = try corpus(path, skipInvalid: true).get()
        #expect(read.labels == ["a", "c"])
        #expect(read.skipped.map(\.line) == [3, 5])
    }

    @Test("an unterminated quote is a bad record at the line it starts on")
    func unterminated() throws {
        let scratch = Scratch()
        let path = scratch.write("open.csv", "text,label\nok,a\n\"never closed,b\nmore,c\n")
        let error = recordError(corpus(path))
        #expect(error?.line == 3)
        #expect(error?.message.contains("that never closes") == true)
        #expect(try corpus(path, skipInvalid: true).get().labels == ["a"])
    }

    @Test("text after a closing quote is a bad record; the next records still read")
    func afterQuote() throws {
        let scratch = Scratch()
        let path = scratch.write("after.csv", "text,label\n\"quoted\" then more,a\nnext,b\n")
        #expect(recordError(corpus(path))?.line == 2)
        #expect(try corpus(path, skipInvalid: true).get().labels == ["b"])
    }

    @Test("an empty label cell is a bad record; invalid UTF-8 is a bad record")
    func badCells() throws {
        let scratch = Scratch()
        let path = scratch.write("cells.csv", Array("text,label\nno label,\n".utf8) + [0xFF, 0x2C, 0x61, 0x0A] + Array("good,b\n".utf8))
        let read = try corpus(path, skipInvalid: true).get()
        #expect(read.labels == ["b"])
        #expect(read.skipped.map(\.code) == [.missingField, .invalidUTF8])
        #expect(read.skipped.map(\.line) == [2, 3])
    }

    @Test("a record over the byte limit is a bad record, and reading goes on after it")
    func tooLarge() throws {
        let scratch = Scratch()
        let big = String(repeating: "x", count: 5000)
        let path = scratch.write("big.csv", "text,label\n\"\(big)\n\(big)\",a\nsmall,b\n")
        let read = try corpus(path, skipInvalid: true, maxRecordBytes: 1000).get()
        #expect(read.labels == ["b"])
        #expect(read.skipped.first?.code == .recordTooLarge && read.skipped.first?.line == 2)
        #expect(recordError(corpus(path, maxRecordBytes: 1000))?.code == .recordTooLarge)
    }

    @Test("TSV: tab-separated, quoted as CSV is; a quote inside a field is kept")
    func tsv() throws {
        let scratch = Scratch()
        let path = scratch.write("data.tsv", "label\ttext\r\nsport\tThe \"Reds\" won, 2-1\r\npolitics\t\"a\ttab and\na newline\"\r\n")
        let read = try corpus(path).get()
        #expect(read.texts == ["The \"Reds\" won, 2-1", "a\ttab and\na newline"])
        #expect(read.labels == ["sport", "politics"])
    }

    @Test("an empty file has no records; a header alone has none either")
    func empty() throws {
        let scratch = Scratch()
        #expect(try corpus(scratch.write("empty.csv", "")).get().count == 0)
        #expect(try corpus(scratch.write("header.csv", "text,label")).get().count == 0)
    }
}

@Suite("Labeled corpus formats: fastText")
struct FastTextRecordsTests {
    @Test("one label per line, anywhere on it; CRLF, BOM and blank lines")
    func labeled() throws {
        let scratch = Scratch()
        let path = scratch.write("data.ft", utf8ByteOrderMarkBytes + Array("__label__sports The striker  scored.\r\n\r\n  __label__tech\tchips\nsome words __label__business more words\n".utf8))
        let read = try corpus(path).get()
        #expect(read.labels == ["sports", "tech", "business"])
        #expect(read.texts == ["The striker  scored.", "chips", "some words more words"])
        #expect(read.ids == [nil, nil, nil])
    }

    @Test("unlabeled lines and empty labels are bad records naming the line; a line with several labels is a label set")
    func bad() throws {
        let scratch = Scratch()
        let path = scratch.write("bad.fasttext", "__label__a fine\n__label__a __label__b two labels\nno label here\n__label__ empty\n__label__c ok\n")
        let first = recordError(corpus(path))
        #expect(first?.description == "\(path):3: no __label__ on the line (write it as __label__NAME before the text)")
        let read = try corpus(path, skipInvalid: true).get()
        #expect(read.labelSets == [["a"], ["a", "b"], ["c"]])
        #expect(read.isMultiLabel)
        #expect(read.skipped.map(\.line) == [3, 4])
        #expect(read.skipped.map(\.code) == [.missingField, .missingField])
    }
}

@Suite("Labeled corpus formats: folder")
struct FolderRecordsTests {
    @Test("label folders of .txt files, in byte order; other files and deeper folders ignored")
    func folder() throws {
        let scratch = Scratch()
        scratch.write("sport/b.txt", "Second sport story.\n")
        scratch.write("sport/a.txt", utf8ByteOrderMarkBytes + Array("First sport story.".utf8))
        scratch.write("sport/notes.md", "not a document")
        scratch.write("sport/deeper/c.txt", "too deep")
        scratch.write("sport/.hidden.txt", "hidden")
        scratch.write("business/Z.TXT", "Shares fell.")
        scratch.write("README.txt", "top-level file")
        scratch.write(".git/x.txt", "hidden folder")
        let read = try corpus(scratch.url.path).get()
        #expect(read.ids == ["business/Z", "sport/a", "sport/b"])
        #expect(read.labels == ["business", "sport", "sport"])
        #expect(read.texts == ["Shares fell.", "First sport story.", "Second sport story.\n"])
        var digest = SHA256()
        digest.update("Shares fell.")
        (utf8ByteOrderMarkBytes + Array("First sport story.".utf8)).withUnsafeBufferPointer { digest.update($0) }
        digest.update("Second sport story.\n")
        #expect(read.sha256 == digest.hexDigest())
    }

    @Test("the folder format and --input-format text read the same files of a folder, in the same order")
    func sameFilesAsTextInput() throws {
        let scratch = Scratch()
        scratch.write("topic/a.txt", "lower case")
        scratch.write("topic/B.TXT", "upper case")
        scratch.write("topic/notes.md", "not a document")
        scratch.write("topic/.txt", "no name")
        try FileManager.default.createDirectory(atPath: scratch.path("topic/folder.txt"), withIntermediateDirectories: true)
        let labeled = try corpus(scratch.url.path, format: .folder).get()
        #expect(labeled.ids == ["topic/B", "topic/a"])
        #expect(labeled.texts == ["upper case", "lower case"])

        var streamed: [(id: String?, text: String)] = []
        try RecordStage(format: .text, threads: 1).run([scratch.path("topic")], work: { chunk in
            chunk.articles(format: .text, decoder: ArticleDecoder(fields: RecordFields(), pages: PageReading(cleansTextFiles: false)),
                           maxRecordBytes: 1 << 20)
                .map { record -> (id: String?, text: String) in
                    switch record {
                    case .success(let article): (article.id, article.text)
                    case .failure(let error): (nil, "\(error)")
                    }
                }
        }, write: { streamed += $0 })
        #expect(streamed.map(\.id) == ["B", "a"])
        #expect(streamed.map(\.text) == labeled.texts)
    }

    @Test("a file that is not UTF-8 is a bad record naming the file")
    func badUTF8() throws {
        let scratch = Scratch()
        scratch.write("tech/good.txt", "Chips.")
        let bad = scratch.write("tech/latin1.txt", [0x63, 0x61, 0x66, 0xE9])
        let error = recordError(corpus(scratch.url.path))
        #expect(error?.code == .invalidUTF8)
        #expect(error?.description == "\(bad): not valid UTF-8 text")
        let read = try corpus(scratch.url.path, skipInvalid: true).get()
        #expect(read.ids == ["tech/good"] && read.skipped.count == 1)
    }

    @Test("a file over the byte limit is a bad record")
    func tooLarge() throws {
        let scratch = Scratch()
        scratch.write("a/big.txt", String(repeating: "x", count: 2000))
        #expect(recordError(corpus(scratch.url.path, maxRecordBytes: 1000))?.code == .recordTooLarge)
    }

    @Test("a missing folder is a missing input; a file given as a folder is an input error")
    func missing() {
        let scratch = Scratch()
        guard case .failure(let error) = corpus(scratch.path("nope"), format: .folder) else { Issue.record("read"); return }
        #expect((error as? InputError)?.isMissing == true)
        let file = scratch.write("file.txt", "x")
        guard case .failure(let other) = corpus(file, format: .folder) else { Issue.record("read"); return }
        #expect(other is InputError)
    }
}

let utf8ByteOrderMarkBytes: [UInt8] = [0xEF, 0xBB, 0xBF]
