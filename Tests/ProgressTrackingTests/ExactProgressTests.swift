import Foundation
import ProgressTracking
import Testing

/// Percent and overall are always finite and within 0…100; exactly 100 when complete, and
/// below 100 while not, for any input the API accepts.
@Suite struct ExactProgressTests {
    private func newSet(_ backend: Backend) throws -> ProgressTrackerSet {
        try backend.newStore().trackerSet(named: "exact")
    }

    /// Weights from the whole accepted range, and a few that once broke the sum.
    static let weights: [Double] = [0.1, 1.3, 1e-18, 3e-12, 0.7, 1, 2.5, 1e9, 7e15, 1e18]

    @Test(arguments: Backend.cases(sqlite: Array(0..<40), postgres: Array(0..<4)))
    func aFinishedSetIsExactly100(backend: Backend, seed: Int) throws {
        let set = try newSet(backend)
        var random = SplitMix(seed: UInt64(seed))
        let count = Int.random(in: 1...8, using: &random)
        for index in 0..<count {
            let total = Int.random(in: 0...Int.max, using: &random) >> Int.random(in: 0...62, using: &random)
            let weight = Bool.random(using: &random) ? Self.weights.randomElement(using: &random) : nil
            try set.createTracker("t\(index)", total: total, weight: weight).setCurrent(total)
        }
        #expect(try set.getOverallProgress() == 100)
        let status = try set.getStatus()
        #expect(status.overall == 100)
        #expect(status.trackers.values.allSatisfy { $0.percent == 100 })
    }

    @Test(arguments: Backend.cases(sqlite: Array(0..<40), postgres: Array(0..<4)))
    func anUnfinishedSetIsBelow100AndFinite(backend: Backend, seed: Int) throws {
        let set = try newSet(backend)
        var random = SplitMix(seed: UInt64(seed))
        let count = Int.random(in: 1...8, using: &random)
        for index in 0..<count {
            let total = Int.random(in: 1...Int.max, using: &random) >> Int.random(in: 0...62, using: &random)
            let weight = Bool.random(using: &random) ? Self.weights.randomElement(using: &random) : nil
            try set.createTracker("t\(index)", total: total, weight: weight).setCurrent(total)
        }
        // One tracker that carries weight, one item short, however tiny its share.
        let last = try set.createTracker("short", total: .max, weight: Self.weights.randomElement(using: &random))
        try last.setCurrent(.max - 1)
        let overall = try set.getOverallProgress()
        #expect(overall.isFinite && overall >= 0 && overall < 100)
        let status = try set.getStatus()
        #expect(status.overall == overall)
        #expect(try last.percentComplete < 100)
        #expect(status.trackers.values.allSatisfy { $0.percent.isFinite && (0...100).contains($0.percent) })
        _ = try JSONEncoder().encode(status) // every value finite: JSON takes it
    }

    @Test(arguments: Backend.all)
    func theIssuesExampleIsExactly100(backend: Backend) throws {
        let set = try newSet(backend)
        try set.createTracker("a", total: 1, weight: 0.1).increment()
        try set.createTracker("b", total: 1, weight: 1.3).increment()
        #expect(try set.getOverallProgress() == 100)
    }

    @Test(arguments: Backend.all)
    func aTrackerOneShortOfIntMaxIsBelow100(backend: Backend) throws {
        let set = try newSet(backend)
        let tracker = try set.createTracker("huge", total: .max)
        try tracker.setCurrent(.max - 1)
        #expect(try tracker.percentComplete < 100)
        #expect(try tracker.status().completedAt == nil)
        #expect(try tracker.status().eta != 0)
        try tracker.increment()
        #expect(try tracker.percentComplete == 100)
    }

    @Test(arguments: Backend.all)
    func trackersThatCarryNoWeightDoNotHoldTheSetBack(backend: Backend) throws {
        let set = try newSet(backend)
        try set.createTracker("weighted", total: 10).increment(by: 10)
        try set.createTracker("weightless", total: 10, weight: 0).increment(by: 3)
        #expect(try set.getOverallProgress() == 100)
    }

    @Test(arguments: Backend.all)
    func minusZeroIsStoredAsZero(backend: Backend) throws {
        let set = try newSet(backend)
        let tracker = try set.createTracker("zero", total: 5, weight: -0.0)
        #expect(try tracker.weight == 0)
        #expect(try tracker.weight?.sign == .plus)
    }

    @Test(arguments: Backend.all)
    func theLargestWeightsStillAddUpToAFiniteOverall(backend: Backend) throws {
        let set = try newSet(backend)
        for index in 0..<50 {
            try set.createTracker("t\(index)", total: .max, weight: 1e18).setCurrent(index == 0 ? .max : 1)
        }
        let overall = try set.getOverallProgress()
        #expect(overall.isFinite && overall > 0 && overall < 100)
    }
}

/// A small seeded generator, so that a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
