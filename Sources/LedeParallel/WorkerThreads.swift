/// How many worker threads a stage may use. Each worker holds its own buffers, so a request above the
/// maximum (say a mistyped `--threads`) is treated as the maximum rather than exhausting memory.
package enum WorkerThreads {
    /// The most worker threads any stage uses.
    package static let maximum = 1024

    /// `requested` brought into `1...maximum`.
    package static func clamped(_ requested: Int) -> Int { min(max(1, requested), maximum) }
}
