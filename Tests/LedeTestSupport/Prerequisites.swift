import Foundation
import Testing

/// The one rule for a test whose prerequisite lies outside the package (the shared data sets, the test
/// venv's Python, Chromium): the test carries a trait that names it (`.needsDatasets(…)`, `.needs(python)`),
/// which skips the test, listed as skipped with the reason, when the prerequisite is missing; except when the
/// environment variable `CI` is "true", where the test runs and fails at what is missing.
public enum Prerequisites {
    /// The package root, found from this file's path (`Tests/LedeTestSupport/…`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // LedeTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// Whether missing prerequisites fail the tests instead of skipping them.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Records an issue (at the caller's `sourceLocation`) for a missing prerequisite: reached in CI, or
    /// by a test that lacks the trait that would have skipped it.
    public static func missing(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Issue.record("missing: \(what)\(isCI ? " (CI=true)" : "; give the test the trait that skips it when this is missing")",
                     sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test when the shared data sets at `relativePaths` (inside `../shared/datasets`) are there,
    /// or in CI, where the test then fails at the missing file; skips it elsewhere.
    public static func needsDatasets(_ relativePaths: String..., sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        needsDatasets(relativePaths, sourceLocation: sourceLocation)
    }

    /// `needsDatasets` for a list of files.
    public static func needsDatasets(_ relativePaths: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(if: SharedDatasets.shouldRun(relativePaths),
                 "needs \(relativePaths.map { "../shared/datasets/" + $0 }.joined(separator: ", "))", sourceLocation: sourceLocation)
    }

    /// Runs the test when `python` (a reference interpreter) is there and passes its check, or in CI,
    /// where the test then fails at `python.require()`; skips it elsewhere.
    public static func needs(_ python: ReferencePython, sourceLocation: SourceLocation = #_sourceLocation) -> Self {
        .enabled(if: python.path != nil || Prerequisites.isCI,
                 "needs Python with \(python.requirement) (LEDE_PYTHON or .venv-test: .ci/setup makes it)", sourceLocation: sourceLocation)
    }
}
