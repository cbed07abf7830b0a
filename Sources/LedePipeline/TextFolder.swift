import Foundation

/// The folder rules shared by the `folder` labeled-corpus format (`FolderRecords`) and
/// `--input-format text` (`ChunkReader`), so both pick the same files in the same order.
enum TextFolder {
    /// The names of the text files directly in `folder`, in byte order of their UTF-8: regular files
    /// (links followed) whose name ends in `.txt` in any letter case, with something before it, and
    /// does not start with a dot. So `a.txt` and `B.TXT` are text files; `notes.md`, `.txt`,
    /// `.hidden.txt` and a subfolder named `x.txt` are not. Throws `InputError` when the folder
    /// cannot be opened or read.
    static func textFileNames(in folder: String) throws -> [String] {
        try entryNames(in: folder).filter { name in
            name.utf8.count > 4 && name.lowercased().hasSuffix(".txt")
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
