import ProgressTracking
import Testing

/// The types are safe from many tasks at once, and counting in SQL loses nothing.
@Suite struct ConcurrencyTests {
    @Test func eightTasksIncrementingOneTrackerEndExact() async throws {
        let directory = try TemporaryDirectory()
        let tracker = try ProgressStore(path: directory.path()).trackerSet(named: "c").createTracker("t", total: 80_000)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<10_000 { try tracker.increment() }
                }
            }
            try await group.waitForAll()
        }

        #expect(try tracker.current == 80_000)
        #expect(try tracker.trackerSet.getOverallProgress() == 100)
    }

    @Test func tasksCountingOverlappingItemsCountEachOnce() async throws {
        let tracker = try ProgressStore.inMemory().trackerSet(named: "c").createTracker("t", total: 1_000)

        let newKeysPerTask = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task starts at another key, so every key is tried by several tasks.
                    (0..<500).reduce(0) { counted, offset in
                        let key = "item-\((task * 125 + offset) % 1_000)"
                        return counted + ((try? tracker.increment(item: key)) == true ? 1 : 0)
                    }
                }
            }
            return try await group.reduce(0, +)
        }

        #expect(newKeysPerTask == 1_000)
        #expect(try tracker.current == 1_000)
    }
}
