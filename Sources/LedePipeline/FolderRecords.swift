import Foundation

/// Reads a folder of `<label>/<name>.txt` files as labeled records, for training and evaluation: each
/// subfolder is a label, each `.txt` file directly in it (the extension in any case) one document, its
/// contents the text (without a leading UTF-8 byte-order mark) and `<label>/<name>` its id. Labels and
/// files come in byte order of their names, so every run reads the same sequence. Everything else is
/// ignored: files at the top, other files, deeper folders, and names that start with a dot.
package struct FolderRecords {
    package let path: String
    /// A file of more bytes than this is a bad record (it is not read).
    package let maxRecordBytes: Int

    package init(path: String, maxRecordBytes: Int = .max) {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
    }

    /// Calls `body` with each document in order: an `Article`, or a `RecordError` whose source is the
    /// file. Feeds the bytes of every file read, in order, to `digest`. Throws `InputError` when the
    /// folder is missing, is not a folder, or a file or folder in it cannot be read.
    package func forEach(digest: inout SHA256, _ body: (Result<Article, RecordError>) throws -> Void) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError(path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw InputError(path: path, errno: ENOTDIR) }
        for label in try TextFolder.entryNames(in: path) {
            let folder = path.hasSuffix("/") ? path + label : path + "/" + label
            guard TextFolder.kind(of: folder) == S_IFDIR else { continue }
            for name in try TextFolder.textFileNames(in: folder) {
                let file = folder + "/" + name
                var info = stat()
                guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let id = label + "/" + String(name.dropLast(4))
                if Int(info.st_size) > maxRecordBytes {
                    try body(.failure(RecordError(.recordTooLarge, "file of \(info.st_size) bytes is over the limit of \(maxRecordBytes)", source: file)))
                    continue
                }
                let bytes = try Self.contents(of: file)
                let text: String? = bytes.withUnsafeBufferPointer { all in
                    digest.update(all)
                    return String(validating: all.droppingByteOrderMark(), as: UTF8.self)
                }
                guard let text else {
                    try body(.failure(RecordError(.invalidUTF8, "not valid UTF-8 text", source: file)))
                    continue
                }
                try body(.success(Article(id: id, title: "", text: text, label: label, line: 1)))
            }
        }
    }

    /// The bytes of a file.
    private static func contents(of file: String) throws -> [UInt8] {
        let fd = try openForReading(file)
        defer { close(fd) }
        return try readToEnd(fd, path: file).bytes ?? []
    }
}
