import Foundation

/// One timed measurement, printed as a JSON line for `Benchmarks/compare.py` to collect.
/// `work` is how much was done (floating-point operations, elements, bytes, documents) and
/// `seconds` how long it took, so the harness derives the rate.
struct Measurement: Encodable {
    var system: String
    var seconds: Double
    var work: Double
    /// The same work counted as documents or as UTF-8 bytes, for rows that compare with peers
    /// reporting those (`units`, `bytes`).
    var units: Double? = nil
    var bytes: Double? = nil
    var extra: [String: String] = [:]

    func print() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try! encoder.encode(self)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// The monotonic clock, in seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Runs `body` (which does `workPerCall` units of work) repeatedly for at least `minimumSeconds`,
/// after one untimed warm-up call, and returns the total time and work.
func timeRepeated(minimumSeconds: Double, workPerCall: Double, _ body: () -> Void) -> (seconds: Double, work: Double) {
    body()
    var calls = 0
    let start = now()
    var elapsed = 0.0
    repeat {
        body()
        calls += 1
        elapsed = now() - start
    } while elapsed < minimumSeconds
    return (elapsed, Double(calls) * workPerCall)
}

/// Fails the benchmark with a message on stderr and exit code 64.
func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lede-bench: \(message)\n".utf8))
    exit(64)
}

/// `--name value` options after the subcommand.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), let value = rest.popFirst() else { usage("expected --name value, got \(flag)") }
            values[String(flag.dropFirst(2))] = value
        }
    }

    func string(_ name: String) -> String {
        guard let value = values[name] else { usage("missing --\(name)") }
        return value
    }

    func string(_ name: String, default fallback: String) -> String { values[name] ?? fallback }

    func double(_ name: String, default fallback: Double) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text) else { usage("--\(name) needs a number, got \(text)") }
        return value
    }
}
