import Foundation

/// The folder rules shared by the `folder` labeled-corpus format (`FolderRecords`) and
/// `--input-format text` and `html` (`ChunkReader`), so all pick their files in the same way and order.
enum TextFolder {
    /// The names of the text files directly in `folder` (`fileNames(in:extensions:)` with "txt").
    static func textFileNames(in folder: String) throws -> [String] {
        try fileNames(in: folder, extensions: ["txt"])
    }

    /// The names of the files directly in `folder` whose extension is one of `extensions`, in byte order
    /// of their UTF-8: regular files (links followed) whose name ends in `.` and one of `extensions`,
    /// in any letter case, with something before it, and does not start with a dot. So with "txt",
    /// `a.txt` and `B.TXT` are read; `notes.md`, `.txt`, `.hidden.txt` and a subfolder named `x.txt`
    /// are not. Throws `InputError` when the folder cannot be opened or read.
    static func fileNames(in folder: String, extensions: [String]) throws -> [String] {
        try entryNames(in: folder).filter { name in
            let lowered = name.lowercased()
            return extensions.contains { lowered.utf8.count > $0.utf8.count + 1 && lowered.hasSuffix("." + $0) }
                && kind(of: folder.hasSuffix("/") ? folder + name : folder + "/" + name) == S_IFREG
        }
    }

    /// The names in a folder, without those that start with a dot, in byte order of their UTF-8.
    /// Throws `InputError` when the folder cannot be opened or read.
    static func entryNames(in folder: String) throws -> [String] {
        guard let directory = opendir(folder) else { throw InputError(path: folder, errno: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw InputError(path: folder, errno: errno) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The file type bits of what `path` names (following links), or nil when it cannot be examined.
    static func kind(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }
}
