import ProgressTracking
import Testing

/// Many tasks of one process counting into one store at once lose nothing and double nothing.
@Suite struct InProcessCountingTests {
    /// Tracker names and totals; task `n` increments `trackers[n % 4]`.
    static let trackers = [("a", 30_000), ("b", 20_000), ("c", 50_000), ("d", 10_000)]

    @Test func eightIncrementingAndEightItemCountingTasksOverSeveralTrackersEndExact() async throws {
        let directory = try TestDirectory()
        let set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
        let counters = try Self.trackers.map { try set.createTracker($0.0, total: $0.1) }
        let items = try set.createTracker("items", total: 4_000)

        let newKeys = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for _ in 0..<10_000 { try counters[task % counters.count].increment() }
                    return 0
                }
                group.addTask {
                    // Task t counts keys 500t ..< 500t + 2,000 (mod 4,000): every key by four tasks.
                    var new = 0
                    for offset in 0..<2_000 where try items.increment(item: "item-\((task * 500 + offset) % 4_000)") {
                        new += 1
                    }
                    return new
                }
            }
            return try await group.reduce(0, +)
        }

        // Two tasks per counter, 20,000 increments each; each of the 4,000 keys counted once.
        let expected = Self.trackers.map { ($0.0, 20_000, $0.1) } + [("items", 4_000, 4_000)]
        let status = try set.getStatus()
        #expect(newKeys == 4_000)
        for (name, current, _) in expected {
            #expect(status.trackers[name]?.current == current, "\(name)")
        }
        // The model: weighted by totals, each fraction capped at 1.
        let done = expected.map { Double(min($0.1, $0.2)) }.reduce(0, +)
        let weight = expected.map { Double($0.2) }.reduce(0, +)
        #expect(abs(status.overall - 100 * done / weight) < 1e-9)
    }
}
