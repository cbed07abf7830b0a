import Foundation
import LedeTestSupport
import Testing

/// Debian's `chromium`, run headless to render a page from disk: to a PNG screenshot or to its DOM after
/// layout, with every network request it makes logged (`--log-net-log`) and host names resolving nowhere.
struct HeadlessChromium {
    /// What one run gave.
    struct Render {
        /// The screenshot (for `screenshot`) or the serialized DOM (for `dumpDOM`).
        var output: Data
        /// URLs the page asked the network for (requests the browser makes for itself are left out).
        var pageRequests: [String]
    }

    let executable: String

    /// The browser: `$LEDE_CHROMIUM`, else `chromium` on the PATH; nil when neither is there.
    static var installedPath: String? {
        let environment = ProcessInfo.processInfo.environment
        var candidates = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/chromium" }
        if let path = environment["LEDE_CHROMIUM"], !path.isEmpty { candidates.insert(path, at: 0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the browser is there.
    static var isInstalled: Bool { installedPath != nil }

    /// The browser, or nil after recording an issue (tests that call this carry `.needsChromium`).
    static func find(sourceLocation: SourceLocation = #_sourceLocation) -> HeadlessChromium? {
        if let found = installedPath { return HeadlessChromium(executable: found) }
        Prerequisites.missing("chromium on the PATH (.ci/setup installs Debian's chromium)", sourceLocation: sourceLocation)
        return nil
    }

    /// Renders `page` in a `width` × `height` window and returns the PNG.
    func screenshot(_ page: URL, width: Int, height: Int) throws -> Render {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("shot.png")
        let netLog = try run(page, in: folder, ["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(png.path)"])
        return Render(output: try Data(contentsOf: png), pageRequests: try Self.pageRequests(netLog))
    }

    /// Loads `page` and returns its DOM as Chromium serializes it after layout.
    func dumpDOM(_ page: URL) throws -> Render {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdout = folder.appendingPathComponent("dom.html")
        let netLog = try run(page, in: folder, ["--dump-dom"], stdout: stdout)
        return Render(output: try Data(contentsOf: stdout), pageRequests: try Self.pageRequests(netLog))
    }

    /// Runs Chromium on `page` with `arguments`, a fresh profile in `folder` and a net log there; returns the log.
    private func run(_ page: URL, in folder: URL, _ arguments: [String], stdout: URL? = nil) throws -> Data {
        let netLog = folder.appendingPathComponent("netlog.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            // As root (CI containers) Chromium needs --no-sandbox; no GPU in a container.
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-sync", "--disable-background-networking", "--disable-component-update",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            // Nothing resolves, so nothing could be fetched even if the page asked; the net log says whether it asked.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--log-net-log=\(netLog.path)", "--net-log-capture-mode=Default",
        ] + arguments + [page.absoluteString]
        if let stdout {
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // A browser that hangs must not hang the test run: stop it after a generous while.
        if finished.wait(timeout: .now() + 180) == .timedOut {
            process.terminate()
            finished.wait()
            throw ChromiumError("chromium did not finish rendering \(page.path)")
        }
        guard process.terminationStatus == 0 else { throw ChromiumError("chromium exited with \(process.terminationStatus) on \(page.path)") }
        return try Data(contentsOf: netLog)
    }

    /// The URLs of the net log's requests made for a page: those whose initiator, isolation key or cookie
    /// site is a file's (an opaque origin, "null", or `file://`), not the browser's own (update checks and
    /// the like, which have no origin).
    static func pageRequests(_ netLog: Data) throws -> [String] {
        guard let log = try JSONSerialization.jsonObject(with: netLog) as? [String: Any],
              let constants = log["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let startJob = types["URL_REQUEST_START_JOB"],
              let events = log["events"] as? [[String: Any]] else {
            throw ChromiumError("the net log is not what Chromium writes")
        }
        return events.compactMap { event -> String? in
            guard event["type"] as? Int == startJob, let params = event["params"] as? [String: Any],
                  let url = params["url"] as? String else { return nil }
            let initiator = params["initiator"] as? String ?? ""
            let key = params["network_isolation_key"] as? String ?? "", site = params["site_for_cookies"] as? String ?? ""
            let fromPage = initiator == "null" || initiator.hasPrefix("file:") || key.contains("file://") || site.contains("file://")
            return fromPage ? url : nil
        }
    }

    /// A PNG's width and height, from its header; nil when the data is no PNG.
    static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else {
            return nil
        }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    private static func scratchFolder() throws -> URL {
        let folder = TestFiles.url("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Chromium did not render a page.
struct ChromiumError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when Chromium is on the PATH (or in `LEDE_CHROMIUM`), or in CI, where the test then
    /// fails at `HeadlessChromium.find()`; skips it elsewhere.
    static var needsChromium: Self {
        .enabled(if: HeadlessChromium.isInstalled || Prerequisites.isCI, "needs chromium on the PATH (.ci/setup installs it)")
    }
}
