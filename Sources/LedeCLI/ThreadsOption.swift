import ArgumentParser
import Foundation
import Lede
import LedeParallel

/// `--threads`, which every verb that works in parallel takes: 1 to `WorkerThreads.maximum`.
struct ThreadsOption: ParsableArguments {
    @Option(name: .customLong("threads"), help: "Worker threads, 1 to \(WorkerThreads.maximum) (default: all cores).")
    var requested: Int?

    /// The threads to use: as asked, else one per core.
    var threads: Int { requested ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        guard (1...WorkerThreads.maximum).contains(threads) else {
            throw ValidationError("--threads must be a whole number from 1 to \(WorkerThreads.maximum)")
        }
    }
}
