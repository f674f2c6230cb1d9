import ProgressTracking
import Testing

/// The types are safe from many tasks at once, and counting in SQL loses nothing.
@Suite struct ConcurrencyTests {
    @Test(arguments: Backend.all)
    func eightTasksIncrementingOneTrackerEndExact(backend: Backend) async throws {
        let perTask = backend.workload(sqlite: 10_000, postgres: 100)
        let tracker = try backend.newStore().trackerSet(named: "c").createTracker("t", total: 8 * perTask)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<perTask { try tracker.increment() }
                }
            }
            try await group.waitForAll()
        }

        #expect(try tracker.current == 8 * perTask)
        #expect(try tracker.trackerSet.getOverallProgress() == 100)
    }

    @Test(arguments: Backend.all)
    func tasksCountingOverlappingItemsCountEachOnce(backend: Backend) async throws {
        let keys = backend.workload(sqlite: 1_000, postgres: 80)
        let tracker = try backend.newStore().trackerSet(named: "c").createTracker("t", total: keys)

        let newKeysPerTask = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task starts at another key, so every key is tried by four tasks.
                    (0..<keys / 2).reduce(0) { counted, offset in
                        let key = "item-\((task * keys / 8 + offset) % keys)"
                        return counted + ((try? tracker.increment(item: key)) == true ? 1 : 0)
                    }
                }
            }
            return try await group.reduce(0, +)
        }

        #expect(newKeysPerTask == keys)
        #expect(try tracker.current == keys)
    }
}
