import Foundation
import LedeParallel

/// Reports each phase of a long command on stderr with its duration and the process's peak memory so far.
final class PhaseClock: Sendable {
    private let last = LockedValue(Date())

    /// Logs `what` with the time since the previous phase and the peak resident memory (VmHWM).
    func phase(_ what: String) {
        last.withLock { last in
            let now = Date()
            log(String(format: "%@ (%.2f s, peak memory %@)", what, now.timeIntervalSince(last), PhaseClock.peakMemory()))
            last = now
        }
    }

    /// The peak resident set size from /proc/self/status, e.g. "412 MB".
    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return "unknown" }
        return "\(kilobytes / 1024) MB"
    }
}
