import Foundation
import ProgressTracking
import Testing

/// The smallest cases of timing rules that `ModelTests` found the store once broke.
@Suite struct TimingRuleEdgeTests {
    let directory: TestDirectory
    let clock = ModelClock()

    init() throws {
        directory = try TestDirectory()
    }

    /// A store on the test's file, as one run of a program opens it.
    func store() throws -> ProgressStore {
        try ProgressStore(path: directory.storePath, timekeeping: clock.timekeeping(sampleInterval: 1))
    }

    /// A tracker with nothing to do has no completion time of its own until it counts, yet
    /// it holds its set back from nothing: the set completes when the others do.
    @Test func aSetWithAnEmptyTrackerCompletesWithItsOtherTrackers() throws {
        let set = try store().trackerSet(named: "work")
        try set.createTracker("rows", total: 1).increment()
        let empty = try set.createTracker("empty", total: 0)
        clock.advance(by: 5)
        try set.createTracker("late", total: 1).increment()

        #expect(try empty.status().completedAt == nil)
        let (status, summary) = (try set.getStatus(), try set.summary())
        #expect(status.completedAt == Date(timeIntervalSince1970: clock.now))
        #expect(summary.completedAt == status.completedAt)
    }

    /// `openTracker`: opening a tracker this store did not open before resumes it. A resume
    /// inside a transaction that rolled back did not happen: the next open resumes it, and
    /// the downtime before it is left out of the active time.
    @Test func anOpenThatRolledBackLeavesTheTrackerToResume() throws {
        struct RollBack: Error {}
        let rows = try store().trackerSet(named: "work").createTracker("rows", total: 10)
        try rows.increment()
        clock.advance(by: 2)
        try rows.increment()
        // The first run stops; the next starts an hour later.
        clock.advance(by: 3_600)
        let set = try store().trackerSet(named: "work")
        #expect(throws: RollBack.self) {
            try set.store.transaction {
                try set.openTracker("rows", total: 10)
                throw RollBack()
            }
        }
        clock.advance(by: 1)
        let resumed = try set.openTracker("rows", total: 10)
        clock.advance(by: 1)
        try resumed.increment()

        let kinds = try set.store.history(set: "work").map(\.kind)
        let status = try #require(try set.getTracker("rows")).status()
        #expect(kinds == [.created, .started, .progress, .resumed, .progress])
        // Active: the 2 s of the first run, and the 1 s since the resume that did happen.
        #expect(status.elapsed == 3)
    }

    /// A run that opens a tracker while its set is paused takes the downtime since the last
    /// change (`openTracker`'s resume); the set's `resume()` then takes only the time after
    /// that: no second is left out of active time twice.
    @Test func aTrackerOpenedWhileItsSetIsPausedTakesItsDowntimeOnce() throws {
        let set = try store().trackerSet(named: "work")
        let rows = try set.createTracker("rows", total: 100)
        try rows.increment()
        clock.advance(by: 10)
        try rows.increment()
        clock.advance(by: 5)
        try set.pause()
        // The workers stop; a later run starts them, and they wait for the set to resume.
        clock.advance(by: 100)
        let later = try store().trackerSet(named: "work")
        let resumed = try later.openTracker("rows", total: 100)
        clock.advance(by: 100)
        try later.resume()
        clock.advance(by: 1)
        try resumed.increment()

        // Active: the 10 s of the first run, and the 1 s since the set resumed.
        #expect(try resumed.status().elapsed == 11)
        #expect(try later.getStatus().elapsed == 11)
    }

    /// A tracker that starts while its set is paused has no downtime before its start.
    @Test func aTrackerThatStartsWhileItsSetIsPausedLosesNoActiveTime() throws {
        let set = try store().trackerSet(named: "work")
        let rows = try set.createTracker("rows", total: 100)
        try set.pause()
        clock.advance(by: 50)
        try rows.increment()
        clock.advance(by: 50)
        try set.resume()
        clock.advance(by: 10)
        try rows.increment()

        #expect(try rows.status().elapsed == 10)
        #expect(try set.getStatus().elapsed == 10)
    }

    /// Counting goes on in a paused set, so that a worker can finish its batch: that is work,
    /// and the downtime the resume takes starts after it.
    @Test func countsAfterThePauseAreActiveTime() throws {
        let set = try store().trackerSet(named: "work")
        let rows = try set.createTracker("rows", total: 100)
        try rows.increment()
        clock.advance(by: 10)
        try set.pause()
        for _ in 0..<2 {
            clock.advance(by: 10)
            try rows.increment()
        }
        let beforeResume = try rows.status().elapsed
        clock.advance(by: 70)
        try set.resume()

        #expect(beforeResume == 30)
        #expect(try rows.status().elapsed == 30)
        #expect(try set.getStatus().elapsed == 30)
    }
}
