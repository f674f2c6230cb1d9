import ProgressTracking
import Testing

/// `store.transaction { }` commits together, rolls back together, and lets nested calls join it.
@Suite struct TransactionTests {
    struct Abort: Error, Equatable {}

    let store: ProgressStore
    let tracker: ProgressTracker

    init() throws {
        store = try ProgressStore.inMemory()
        tracker = try store.trackerSet(named: "tx").createTracker("t", total: 10)
    }

    @Test func commitsAllWritesAndReturnsTheResult() throws {
        let result = try store.transaction {
            try tracker.increment(by: 2)
            try tracker.increment(item: "k")
            return try tracker.current
        }
        #expect(result == 3)
        #expect(try tracker.current == 3)
    }

    @Test func rollsBackEverythingAndRethrowsTheErrorUnchanged() throws {
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

    @Test func nestedTransactionRollsBackOnlyItself() throws {
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

    @Test func handlesMadeInARolledBackTransactionNeverReachALaterTracker() throws {
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

    @Test func handlesMadeInARolledBackNestedTransactionNeverReachALaterTracker() throws {
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

    @Test func writesFromOtherTasksNeverJoinATransaction() async throws {
        // Other tasks count while transactions that roll back run: had any of their
        // increments joined a transaction, it would have been rolled back with it.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<1_000 { try tracker.increment() } }
            }
            group.addTask {
                for _ in 0..<200 {
                    try? store.transaction {
                        try tracker.increment(by: 1_000_000)
                        throw Abort()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try tracker.current == 4_000)
    }
}
