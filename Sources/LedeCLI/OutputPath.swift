import Foundation

/// Checks, before any work, that a file can be written at `path`: it does not name a folder, and its
/// folder exists and is writable. A training that can only fail at the end should fail at the start.
func checkCanWrite(_ path: String) throws {
    var isFolder: ObjCBool = false
    if path.isEmpty || path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
        throw Exit.fail(Exit.ioError, "\(path): is a folder; give the path of the file to write")
    }
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
        throw Exit.fail(Exit.ioError, "\(path): the folder \(directory) does not exist")
    }
    guard access(directory, W_OK) == 0 else {
        throw Exit.fail(Exit.ioError, "\(path): the folder \(directory) is not writable: \(String(cString: strerror(errno)))")
    }
}
