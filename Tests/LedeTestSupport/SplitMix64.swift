// The library's seeded generator, for tests: a failing random case reproduces from its seed.
@_exported import struct LedeClassifier.SplitMix64

extension SplitMix64 {
    /// Starts the sequence at `state` (a fixed default when none is given).
    public init(state: UInt64 = 0x1234_5678_9ABC_DEF0) { self.init(seed: state) }
}
