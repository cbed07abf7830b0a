/// A run of consecutive input records copied out of the reader's buffer: the unit of work a
/// `RecordStage` hands its workers. Records keep their line number and input name for messages.
public struct RecordChunk: Sendable {
    /// One record's place in `bytes`, or a record too large to hold.
    enum Record: Sendable {
        case bytes(Range<Int>, line: Int, source: Int)
        case tooLarge(bytes: Int, line: Int, source: Int)
        case failed(RecordError)
    }

    /// The chunk's position in the input, from 0.
    public internal(set) var sequence = 0
    var bytes: [UInt8] = []
    var records: [Record] = []
    /// Input names (paths, or "stdin") the records point into.
    var sources: [String] = []

    /// Number of records.
    public var count: Int { records.count }

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, line number: Int, source: String) {
        let start = bytes.count
        bytes.append(contentsOf: line)
        records.append(.bytes(start..<bytes.count, line: number, source: sourceIndex(source)))
    }

    mutating func appendTooLarge(bytes length: Int, line number: Int, source: String) {
        records.append(.tooLarge(bytes: length, line: number, source: sourceIndex(source)))
    }

    /// The byte ranges and line numbers of the records read whole (not too large, not failed), in order;
    /// with `skippingBlank`, without those holding only spaces and tabs.
    func lineRecords(skippingBlank: Bool) -> [(bytes: Range<Int>, line: Int)] {
        bytes.withUnsafeBufferPointer { all in
            records.compactMap { record in
                guard case .bytes(let range, let line, _) = record else { return nil }
                if skippingBlank && LineReader.isBlank(UnsafeBufferPointer(rebasing: all[range])) { return nil }
                return (range, line)
            }
        }
    }

    mutating func appendFailure(_ error: RecordError) {
        records.append(.failed(error))
    }

    private mutating func sourceIndex(_ name: String) -> Int {
        if sources.last != name { sources.append(name) }
        return sources.count - 1
    }

    /// Each record as an article read in `format`, or the error that stands in its place. An
    /// article without an id gets its line number as id (`idJSON`); `lines` records always do.
    public func articles(format: InputFormat, decoder: ArticleDecoder, maxRecordBytes: Int) -> [Result<Article, RecordError>] {
        bytes.withUnsafeBufferPointer { all in
            records.map { record in
                switch record {
                case .failed(let error):
                    return .failure(error)
                case .tooLarge(let length, let line, let source):
                    var error = RecordError.tooLarge(length, limit: maxRecordBytes, line: format.isFilePerRecord ? nil : line)
                    error.source = sources[source]
                    if format.isFilePerRecord {
                        error.id = Self.fileID(sources[source])
                        error.idJSON = error.id.map(JSONWriting.quoted)
                    }
                    return .failure(error)
                case .bytes(let range, let line, let source):
                    let text = UnsafeBufferPointer(rebasing: all[range])
                    if !format.isFilePerRecord && LineReader.isBlank(text) {
                        return .failure(RecordError(.emptyRecord, "blank line", line: line, source: sources[source]))
                    }
                    do throws(RecordError) {
                        var article = try Self.article(text, format: format, decoder: decoder, line: line, source: sources[source])
                        if article.idJSON == nil { article.idJSON = String(line) }
                        article.source = sources[source]
                        return .success(article)
                    } catch {
                        var located = error
                        located.source = sources[source]
                        return .failure(located)
                    }
                }
            }
        }
    }

    private static func article(_ bytes: UnsafeBufferPointer<UInt8>, format: InputFormat, decoder: ArticleDecoder,
                                line: Int, source: String) throws(RecordError) -> Article {
        switch format {
        case .jsonl, .csv, .tsv:
            return try decoder.decode(bytes, number: line)
        case .html:
            let id = fileID(source)
            var article = decoder.pages.article(html: bytes, id: id, line: line)
            article.idJSON = JSONWriting.quoted(id)
            return article
        case .lines, .text:
            let id = format == .text ? fileID(source) : nil
            guard let text = String(validating: bytes, as: UTF8.self) else {
                var error = RecordError(.invalidUTF8, "not valid UTF-8", line: format == .text ? nil : line)
                error.id = id
                error.idJSON = id.map(JSONWriting.quoted)
                throw error
            }
            var article = Article(id: id, title: "", text: text, line: line)
            if format == .text && decoder.pages.cleansTextFiles {
                let cleaned = decoder.pages.cleaned(text)
                article.text = cleaned.text
                article.title = cleaned.title ?? ""
            }
            article.idJSON = id.map(JSONWriting.quoted)
            return article
        }
    }

    /// A file's id in `text` and `html` format: its name without the extension.
    static func fileID(_ path: String) -> String {
        let name = String(path.split(separator: "/").last ?? "")
        return name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
    }
}
