import Foundation

/// SplitMix64: a small, fast generator whose whole sequence follows from its seed, so that a
/// failing run can be replayed with `RELIABILITY_SEED=<seed> swift test`.
struct SeededGenerator: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    /// Seeds from `RELIABILITY_SEED` if set, at random otherwise, and prints the seed.
    init(for test: String) {
        let environment = ProcessInfo.processInfo.environment["RELIABILITY_SEED"].flatMap { UInt64($0) }
        seed = environment ?? UInt64.random(in: 0...UInt64.max)
        state = seed
        print("\(test): RELIABILITY_SEED=\(seed)")
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
