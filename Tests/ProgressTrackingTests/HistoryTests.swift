import Foundation
@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage
import Testing

/// The history: lifecycle events in order, sampled progress, and its survival of removal
/// and of an upgrade from an older file. Every store here reads a `ManualClock`.
@Suite struct HistoryTests {
    let clock = ManualClock()

    private func store(_ location: StoreLocation, sampleInterval: Double = 1) throws -> ProgressStore {
        try location.open(timekeeping: clock.timekeeping(sampleInterval: sampleInterval))
    }

    private func kinds(_ events: [HistoryEvent]) -> [HistoryEvent.Kind] {
        events.map(\.kind)
    }

    @Test(arguments: Backend.all)
    func lifecycleEventsAreRecordedInOrder(backend: Backend) throws {
        let location = try backend.newLocation()
        let start = clock.now
        do {
            let set = try store(location).trackerSet(named: "import")
            let rows = try set.createTracker("rows", total: 10)
            clock.advance(by: 1)
            try rows.increment(by: 2)
            clock.advance(by: 1)
            try rows.setTotal(8)
            clock.advance(by: 1)
            try rows.setCurrent(1)
            clock.advance(by: 1)
            try rows.increment(by: 7)
        }
        clock.advance(by: 60)
        let store = try store(location)
        let set = try store.trackerSet(named: "import")
        try set.openTracker("rows", total: 8)
        clock.advance(by: 1)
        try set.removeTracker("rows")

        let events = try store.history(set: "import")
        #expect(kinds(events) == [.created, .started, .totalChanged, .currentSet, .completed, .resumed, .removed])
        #expect(events.map(\.at) == [0, 1, 2, 3, 4, 64, 65].map { Date(timeIntervalSince1970: start + $0) })
        #expect(events.map(\.current) == [0, 2, 2, 1, 8, 8, 8])
        #expect(events.map(\.total) == [10, 10, 8, 8, 8, 8, 8])
        #expect(events.allSatisfy { $0.set == "import" && $0.tracker == "rows" })
    }

    @Test(arguments: Backend.all)
    func itemCountsAreRecordedLikeIncrements(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location)
        let set = try store.trackerSet(named: "items")
        let rows = try set.createTracker("rows", total: 2)
        clock.advance(by: 1)
        #expect(try rows.increment(item: "a"))
        #expect(try !rows.increment(item: "a"))
        clock.advance(by: 1)
        #expect(try rows.increment(item: "b"))

        let events = try store.history(set: "items")
        #expect(kinds(events) == [.created, .started, .completed])
        #expect(events.map(\.current) == [0, 1, 2])
        #expect(try rows.status().completedAt == Date(timeIntervalSince1970: clock.now))
    }

    @Test(arguments: Backend.all)
    func anItemWhoseCountFailsInACallersTransactionLeavesNoKey(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location)
        let rows = try store.trackerSet(named: "full").createTracker("rows", total: 10)
        try rows.setCurrent(.max)
        // The caller's transaction catches the error and commits.
        _ = try store.transaction {
            #expect(throws: ProgressTrackingError.countOverflow(tracker: "rows", amount: 1)) {
                try rows.increment(item: "k")
            }
        }
        #expect(try !rows.hasCounted(item: "k"))
        #expect(try rows.current == .max)
    }

    @Test(arguments: Backend.all)
    func samplingBoundsTheHistoryRowCount(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location, sampleInterval: 1)
        let set = try store.trackerSet(named: "bulk")
        let rows = try set.createTracker("rows", total: 1_000_000)
        // 10 seconds of counting, 10,000 increments a millisecond apart (500 on PostgreSQL,
        // 20 milliseconds apart).
        let increments = backend.workload(sqlite: 10_000, postgres: 500)
        for _ in 0..<increments {
            try rows.increment()
            clock.advance(by: 10.0 / Double(increments))
        }
        let events = try store.history(set: "bulk")
        #expect(kinds(events).prefix(2) == [.created, .started])
        let samples = events.filter { $0.kind == .progress }
        #expect((9...10).contains(samples.count))
        // At least one interval between samples, and each holds the count at its time.
        for (earlier, later) in zip(samples, samples.dropFirst()) {
            #expect(later.at.timeIntervalSince(earlier.at) >= 1 - 1e-6)
            #expect(later.current > earlier.current)
        }
        #expect(try rows.current == increments)
    }

    @Test(arguments: Backend.all)
    func manyCountsAtOneInstantWriteNoSamples(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location)
        let rows = try store.trackerSet(named: "burst").createTracker("rows", total: 10_000)
        try store.transaction {
            for _ in 0..<1_000 { try rows.increment() }
        }
        #expect(try kinds(store.history(set: "burst")) == [.created, .started])
    }

    @Test(arguments: Backend.all)
    func queriesFilterByTrackerAndTime(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location)
        let set = try store.trackerSet(named: "stages")
        let start = clock.now
        try set.createTracker("extract", total: 1).increment()
        clock.advance(by: 10)
        try set.createTracker("load", total: 1).increment()

        #expect(try kinds(store.history(set: "stages", tracker: "load")) == [.created, .started, .completed])
        let late = try store.history(set: "stages", since: Date(timeIntervalSince1970: start + 5))
        #expect(late.map(\.tracker) == ["load", "load", "load"])
        let early = try store.history(set: "stages", until: Date(timeIntervalSince1970: start + 5))
        #expect(early.map(\.tracker) == ["extract", "extract", "extract"])
        #expect(try store.history(set: "no such set").isEmpty)
    }

    @Test(arguments: Backend.all)
    func removedTrackersKeepTheirHistoryUntilTheSetGoes(backend: Backend) throws {
        let location = try backend.newLocation()
        let store = try store(location)
        let set = try store.trackerSet(named: "downloads")
        try set.createTracker("file", total: 5).increment()
        try set.removeTracker("file")
        try set.createTracker("file", total: 3)

        #expect(try kinds(store.history(set: "downloads", tracker: "file")) == [.created, .started, .removed, .created])
        try store.removeTrackerSet(named: "downloads")
        _ = try store.trackerSet(named: "downloads")
        #expect(try store.history(set: "downloads").isEmpty)
    }

    /// SQLite only: PostgreSQL stores began at this version's schema.
    @Test func versionOneFileUpgradesAndRecordsFromThen() throws {
        let location = StoreLocation(backend: .sqlite, name: TestFiles.newPath())
        let path = location.name
        try makeVersionOneFile(at: path, rows: """
            INSERT INTO tracker_set (name, created_at, updated_at) VALUES ('old', 100, 100);
            INSERT INTO tracker (set_id, name, total, current, created_at, updated_at) VALUES (1, 'done', 5, 5, 100, 200);
            INSERT INTO tracker (set_id, name, total, current, created_at, updated_at) VALUES (1, 'half', 10, 5, 100, 300);
            INSERT INTO tracker (set_id, name, total, current, created_at, updated_at) VALUES (1, 'idle', 10, 0, 100, 100);
            """)

        let store = try store(location)
        let set = try #require(try store.getTrackerSet(named: "old"))
        let status = try set.getStatus()
        #expect(status.order == ["done", "half", "idle"])
        #expect(status.trackers.mapValues(\.current) == ["done": 5, "half": 5, "idle": 0])
        #expect(status.trackers["done"]?.completedAt == Date(timeIntervalSince1970: 200))
        #expect(status.trackers["half"]?.startedAt == Date(timeIntervalSince1970: 100))
        #expect(status.trackers["idle"]?.startedAt == nil)

        let idle = try set.openTracker("idle", total: 10)
        try idle.increment(item: "first")
        #expect(try idle.current == 1)
        #expect(try kinds(store.history(set: "old", tracker: "idle")) == [.resumed, .started])
        let connection = try Connection(path: path, mode: .readOnly)
        #expect(try Migrator.schemaVersion(of: connection) == Migration.latestVersion)
    }
}
