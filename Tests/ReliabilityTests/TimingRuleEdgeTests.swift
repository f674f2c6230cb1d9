import Foundation
import ProgressTracking
import Testing

/// The smallest cases of two timing rules that `ModelTests` found the store once broke.
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
}
