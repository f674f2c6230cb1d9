import Foundation
import ProgressTracking
import Testing

/// `updates(every:)`: a status now, another after each change by any store, and an end on cancel.
@Suite struct UpdatesTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test(.timeLimit(.minutes(5)))
    func yieldsAfterAWriteFromAnotherStoreOnTheFile() async throws {
        let writer = try ProgressStore(path: directory.path())
        let rows = try writer.trackerSet(named: "watched").createTracker("rows", total: 10)
        let watcher = try ProgressStore(path: directory.path(), readOnly: true)
        let set = try #require(try watcher.getTrackerSet(named: "watched"))

        var updates = set.updates(every: .milliseconds(5)).makeAsyncIterator()
        #expect(try await updates.next()?.trackers["rows"]?.current == 0)
        try rows.increment(by: 3)
        #expect(try await updates.next()?.trackers["rows"]?.current == 3)
        try rows.setTotal(20)
        let status = try await updates.next()
        #expect(status?.trackers["rows"]?.total == 20)
        #expect(status?.overall == 15)
    }

    @Test(.timeLimit(.minutes(5)))
    func endsWhenTheTaskIsCancelled() async throws {
        let set = try ProgressStore(path: directory.path()).trackerSet(named: "watched")
        let (firstStatus, firstStatusSeen) = AsyncStream<Void>.makeStream()
        let watching = Task {
            var statuses = 0
            for try await _ in set.updates(every: .milliseconds(5)) {
                statuses += 1
                firstStatusSeen.yield()
            }
            return statuses
        }
        var signals = firstStatus.makeAsyncIterator()
        await signals.next()
        watching.cancel()
        #expect(try await watching.value == 1)
    }

    @Test(.timeLimit(.minutes(5)))
    func throwsWhenTheSetIsRemoved() async throws {
        let store = try ProgressStore(path: directory.path())
        let set = try store.trackerSet(named: "short-lived")
        var updates = set.updates(every: .milliseconds(5)).makeAsyncIterator()
        _ = try await updates.next()
        try store.removeTrackerSet(named: "short-lived")
        await #expect(throws: ProgressTrackingError.trackerSetRemoved(set: "short-lived")) {
            try await updates.next()
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func readsAtMostOncePerIntervalHoweverBusyTheWriter() async throws {
        let store = try ProgressStore(path: directory.path())
        let rows = try store.trackerSet(named: "busy").createTracker("rows", total: 1_000_000_000)
        // A thread of its own, not a task: a loop that never suspends would hold one of the
        // few threads of the pool that every async test shares.
        let writing = Thread {
            while !Thread.current.isCancelled {
                do { try rows.increment() } catch { return }
            }
        }
        writing.start()
        defer { writing.cancel() }
        let interval = Duration.milliseconds(40)
        var updates = rows.trackerSet.updates(every: interval).makeAsyncIterator()
        let started = ContinuousClock.now
        for _ in 0..<6 { _ = try await updates.next() }
        // Every one of five statuses after the first waited for its interval, though the
        // set changed all the time (a lower bound: a slow machine only takes longer).
        #expect(ContinuousClock.now - started >= interval * 5)
    }
}
