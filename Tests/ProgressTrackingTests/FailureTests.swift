import Foundation
@testable import ProgressTracking
import Testing

/// Failed and skipped items: recorded with reasons, counted exactly once when resolved, and
/// listed and counted in every status.
@Suite struct FailureTests {
    let clock = ManualClock()

    /// A store on the test's clock, with a set "import" and its tracker "rows" of 10.
    private func newTracker(_ backend: Backend) throws -> (ProgressStore, ProgressTrackerSet, ProgressTracker) {
        let store = try backend.newStore(timekeeping: clock.timekeeping(sampleInterval: 1))
        let set = try store.trackerSet(named: "import")
        return (store, set, try set.createTracker("rows", total: 10))
    }

    @Test(arguments: Backend.all)
    func aFailureIsKeptOncePerKeyWithItsAttemptsTimesAndLastReason(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        let first = clock.now
        #expect(try rows.fail(item: "r1", reason: "timeout") == 1)
        clock.advance(by: 5)
        #expect(try rows.fail(item: "r1", reason: "bad date") == 2)
        let failures = try rows.failures()
        #expect(failures == [ItemFailure(
            tracker: "rows", key: "r1", reason: "bad date", attempts: 2,
            firstFailedAt: Date(timeIntervalSince1970: first), lastFailedAt: Date(timeIntervalSince1970: first + 5)
        )])
        let status = try rows.status()
        #expect(status.current == 0)
        #expect(status.failed == 1)
        #expect(try set.getStatus().failed == 1)
    }

    @Test(arguments: Backend.all)
    func aCountedItemCannotFailAndNothingChanges(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        try rows.increment(item: "done")
        let before = try set.getStatus()
        #expect(throws: ProgressTrackingError.itemAlreadyCounted(key: "done", tracker: "rows")) {
            try rows.fail(item: "done", reason: "late")
        }
        #expect(try set.getStatus() == before)
        #expect(try rows.failures(.all).isEmpty)
    }

    @Test(arguments: Backend.all)
    func countingAFailedItemResolvesItsFailure(backend: Backend) throws {
        let (_, _, rows) = try newTracker(backend)
        try rows.fail(item: "r1", reason: "timeout")
        clock.advance(by: 3)
        #expect(try rows.increment(item: "r1"))
        #expect(try rows.failures().isEmpty)
        let resolved = try rows.failures(.resolved)
        #expect(resolved.map(\.key) == ["r1"])
        #expect(resolved.first?.resolution == .counted)
        #expect(resolved.first?.resolvedAt == Date(timeIntervalSince1970: clock.now))
        let status = try rows.status()
        #expect(status.current == 1 && status.failed == 0)
        // Once counted, an item neither counts again nor fails.
        #expect(try !rows.increment(item: "r1"))
        #expect(throws: ProgressTrackingError.itemAlreadyCounted(key: "r1", tracker: "rows")) {
            try rows.fail(item: "r1", reason: "again")
        }
    }

    @Test(arguments: Backend.all)
    func aSkippedItemCountsOnceAndResolvesItsFailure(backend: Backend) throws {
        let (_, _, rows) = try newTracker(backend)
        try rows.fail(item: "r1", reason: "malformed")
        #expect(try rows.skip(item: "r1", reason: "known bad record"))
        #expect(try !rows.skip(item: "r1", reason: "again"))
        #expect(try !rows.increment(item: "r1"))
        #expect(try rows.skip(item: "r2", reason: "duplicate"))
        let status = try rows.status()
        #expect(status.current == 2)
        #expect(status.skipped == 2)
        #expect(status.failed == 0)
        #expect(try rows.failures(.resolved).map(\.resolution) == [.skipped])
    }

    @Test(arguments: Backend.all)
    func listingsAreOldestFirstFilteredAndLimitedAcrossTheSet(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        let load = try set.createTracker("load", total: 10)
        try rows.fail(item: "a", reason: "x")
        clock.advance(by: 1)
        try load.fail(item: "b", reason: "y")
        clock.advance(by: 1)
        try rows.fail(item: "c", reason: "z")
        try rows.increment(item: "a")
        #expect(try set.failures().map(\.key) == ["b", "c"])
        #expect(try set.failures(.all).map(\.key) == ["a", "b", "c"])
        #expect(try set.failures(.all, limit: 2).map(\.key) == ["a", "b"])
        #expect(try set.failures(.resolved).map(\.tracker) == ["rows"])
        #expect(try load.failures().map(\.key) == ["b"])
        #expect(try set.failures(limit: 0).isEmpty)
        #expect(throws: ProgressTrackingError.negativeLimit(-1)) { try set.failures(limit: -1) }
    }

    @Test(arguments: Backend.all)
    func aMillionFailuresDoNotWriteAMillionHistoryRows(backend: Backend) throws {
        let (store, _, rows) = try newTracker(backend)
        // 3,000 failures over 3 seconds (150 on PostgreSQL): one sample per second, not one per failure.
        let perSecond = backend.workload(sqlite: 1_000, postgres: 50)
        for index in 0..<3 * perSecond {
            if index % perSecond == 0, index > 0 { clock.advance(by: 1) }
            try rows.fail(item: "item-\(index)", reason: "bad")
        }
        let failed = try store.history(set: "import", tracker: "rows").filter { $0.kind == .failed }
        #expect(failed.map(\.failed) == [1, perSecond + 1, 2 * perSecond + 1])
        #expect(try rows.status().failed == 3 * perSecond)
    }

    @Test(arguments: Backend.all)
    func aFailureAndItsCountCommitTogether(backend: Backend) throws {
        let (store, _, rows) = try newTracker(backend)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try store.transaction {
                try rows.fail(item: "r1", reason: "x")
                throw Abort()
            }
        }
        #expect(try rows.failures().isEmpty)
        #expect(try rows.status().failed == 0)
    }

    @Test(arguments: Backend.all)
    func badReasonsAreRefused(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        #expect(throws: ProgressTrackingError.emptyText(.reason)) { try rows.fail(item: "a", reason: "") }
        #expect(throws: ProgressTrackingError.nullCharacter(.reason, value: "a\u{0}")) { try rows.skip(item: "a", reason: "a\u{0}") }
        let long = String(repeating: "r", count: 4_097)
        #expect(throws: ProgressTrackingError.textTooLong(.reason, value: long, bytes: 4_097)) { try rows.fail(item: "a", reason: long) }
        #expect(try set.getStatus().failed == 0)
    }

    @Test(arguments: Backend.all)
    func aRemovedTrackerNeitherFailsNorSkips(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        try set.removeTracker("rows")
        let removed = ProgressTrackingError.trackerRemoved(tracker: "rows", set: "import")
        #expect(throws: removed) { try rows.fail(item: "a", reason: "x") }
        #expect(throws: removed) { try rows.skip(item: "a", reason: "x") }
        #expect(throws: removed) { try rows.failures() }
    }

    @Test(arguments: Backend.all)
    func statusJSONCarriesFailuresOnlyWhenThereAreAny(backend: Backend) throws {
        let (_, set, rows) = try newTracker(backend)
        let plain = String(decoding: try JSONEncoder().encode(try set.getStatus()), as: UTF8.self)
        #expect(!plain.contains("failed") && !plain.contains("skipped") && !plain.contains("state"))
        try rows.fail(item: "a", reason: "x")
        try rows.skip(item: "b", reason: "y")
        let status = try set.getStatus()
        let decoded = try JSONDecoder().decode(TrackerSetStatus.self, from: JSONEncoder().encode(status))
        #expect(decoded.failed == 1 && decoded.skipped == 1)
        #expect(decoded.trackers["rows"]?.failed == 1)
    }
}
