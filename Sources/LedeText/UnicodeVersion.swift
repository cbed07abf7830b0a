/// A Unicode version, used to make the tokenizers treat characters assigned after it as unassigned,
/// so that they agree with a Python whose `unicodedata` is older than Swift's (Python 3.11 has 14.0).
public struct UnicodeVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version, e.g. 14 in 14.0.
    public var major: Int
    /// The minor version, e.g. 0 in 14.0.
    public var minor: Int

    /// Creates a version from its two numbers.
    public init(_ major: Int, _ minor: Int = 0) {
        self.major = major
        self.minor = minor
    }

    /// Parses text such as "14.0.0" (Python's `unicodedata.unidata_version`); nil when it is not a version.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return nil }
        self.init(major, minor)
    }

    public static func < (a: UnicodeVersion, b: UnicodeVersion) -> Bool {
        (a.major, a.minor) < (b.major, b.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
