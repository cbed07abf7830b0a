import Foundation
import Testing

/// The one rule for a test whose prerequisite lies outside the package (the shared data sets, the test
/// venv's Python): when it is missing, the test fails if the environment variable `CI` is "true", and
/// elsewhere prints why it did nothing and returns.
public enum Prerequisites {
    /// The package root, found from this file's path (`Tests/LedeTestSupport/…`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LedeTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// Whether missing prerequisites fail the tests instead of skipping them.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Records an issue (at the caller's `sourceLocation`) when `CI` is "true", else prints that the test
    /// is skipped for want of `what`.
    public static func missing(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if isCI {
            Issue.record("missing in CI: \(what)", sourceLocation: sourceLocation)
        } else {
            print("◇ skipped: missing \(what)")
        }
    }
}
