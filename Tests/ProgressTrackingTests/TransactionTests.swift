import ProgressTracking
import Testing

/// `store.transaction { }` commits together, rolls back together, and lets nested calls join it.
@Suite struct TransactionTests {
    struct Abort: Error, Equatable {}

    /// A store with a set "tx" and its tracker "t".
    private func newTracker(_ backend: Backend) throws -> (ProgressStore, ProgressTracker) {
        let store = try backend.newStore()
        return (store, try store.trackerSet(named: "tx").createTracker("t", total: 10))
    }

    @Test(arguments: Backend.all)
    func commitsAllWritesAndReturnsTheResult(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        let result = try store.transaction {
            try tracker.increment(by: 2)
            try tracker.increment(item: "k")
            return try tracker.current
        }
        #expect(result == 3)
        #expect(try tracker.current == 3)
    }

    @Test(arguments: Backend.all)
    func rollsBackEverythingAndRethrowsTheErrorUnchanged(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        #expect(throws: Abort()) {
            try store.transaction {
                try tracker.increment(by: 5)
                try tracker.increment(item: "k")
                try store.trackerSet(named: "other").createTracker("u", total: 1)
                throw Abort()
            }
        }
        #expect(try tracker.current == 0)
        #expect(try !tracker.hasCounted(item: "k"))
        #expect(try store.getTrackerSet(named: "other") == nil)
    }

    @Test(arguments: Backend.all)
    func nestedTransactionRollsBackOnlyItself(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        try store.transaction {
            try tracker.increment()
            try? store.transaction {
                try tracker.increment(by: 100)
                throw Abort()
            }
            try tracker.increment()
        }
        #expect(try tracker.current == 2)
    }

    @Test(arguments: Backend.all)
    func handlesMadeInARolledBackTransactionNeverReachALaterTracker(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        // SQLite rolls its id counter back with the transaction: without care, the next
        // tracker or set created would get the ids these handles hold.
        var rolledBackTracker: ProgressTracker?
        var rolledBackSet: ProgressTrackerSet?
        #expect(throws: Abort()) {
            try store.transaction {
                rolledBackTracker = try tracker.trackerSet.createTracker("gone", total: 10)
                rolledBackSet = try store.trackerSet(named: "gone")
                try rolledBackSet?.createTracker("first", total: 10)
                throw Abort()
            }
        }
        let later = try tracker.trackerSet.createTracker("later", total: 10)
        let laterSet = try store.trackerSet(named: "later")
        let laterInLaterSet = try laterSet.createTracker("first", total: 10)

        #expect(throws: ProgressTrackingError.trackerRemoved(tracker: "gone", set: "tx")) {
            try rolledBackTracker?.increment(by: 3)
        }
        #expect(throws: ProgressTrackingError.trackerSetRemoved(set: "gone")) {
            try rolledBackSet?.createTracker("second", total: 1)
        }
        #expect(try later.current == 0)
        #expect(try laterSet.getAllTrackers().map(\.name) == ["first"])
        #expect(try laterInLaterSet.current == 0)
    }

    @Test(arguments: Backend.all)
    func handlesMadeInARolledBackNestedTransactionNeverReachALaterTracker(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        var rolledBack: ProgressTracker?
        try store.transaction {
            try? store.transaction {
                rolledBack = try tracker.trackerSet.createTracker("gone", total: 10)
                throw Abort()
            }
        }
        let later = try tracker.trackerSet.createTracker("later", total: 10)
        #expect(throws: ProgressTrackingError.trackerRemoved(tracker: "gone", set: "tx")) {
            try rolledBack?.increment(by: 3)
        }
        #expect(try later.current == 0)
    }

    @Test(arguments: Backend.all)
    func writesFromOtherTasksNeverJoinATransaction(backend: Backend) async throws {
        let (store, tracker) = try newTracker(backend)
        // Other tasks count while transactions that roll back run: had any of their
        // increments joined a transaction, it would have been rolled back with it.
        let perTask = backend.workload(sqlite: 1_000, postgres: 100)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<perTask { try tracker.increment() } }
            }
            group.addTask {
                for _ in 0..<perTask / 5 {
                    try? store.transaction {
                        try tracker.increment(by: 1_000_000)
                        throw Abort()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try tracker.current == 4 * perTask)
    }
}
