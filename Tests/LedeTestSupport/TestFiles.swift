import Foundation

/// Where tests write their files: one folder per test process (`lede-tests-PID` in the temporary
/// folder), made on first use and removed, with everything in it, when the process exits.
public enum TestFiles {
    /// The process's scratch folder.
    public static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFiles.folder) }
        return folder
    }()

    /// A file or folder named `name` in the scratch folder (not created).
    public static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
