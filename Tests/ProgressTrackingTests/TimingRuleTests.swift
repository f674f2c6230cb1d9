import Foundation
@testable import ProgressTracking
import Testing

/// One written rule (`HistoryPolicy`) for every path that changes a count or a total: what
/// starts a tracker, what completes and reopens it, and what is recorded.
@Suite struct TimingRuleTests {
    let clock = ManualClock()

    /// A store on the test's clock and its set "timing".
    private func newSet(_ backend: Backend) throws -> ProgressTrackerSet {
        try backend.newStore(timekeeping: clock.timekeeping()).trackerSet(named: "timing")
    }

    private func events(_ tracker: String, of set: ProgressTrackerSet) throws -> [HistoryEvent.Kind] {
        try set.store.history(set: "timing", tracker: tracker).map(\.kind)
    }

    @Test(arguments: Backend.all)
    func addingZeroDoesNotStartATracker(backend: Backend) throws {
        let set = try newSet(backend)
        let rows = try set.createTracker("rows", total: 10)
        clock.advance(by: 5)
        try rows.increment(by: 0)
        let status = try rows.status()
        #expect(status.startedAt == nil)
        #expect(status.updatedAt == Date(timeIntervalSince1970: clock.now - 5))
        #expect(try events("rows", of: set) == [.created])
    }

    @Test(arguments: Backend.all)
    func changingToTheSameValueChangesNothing(backend: Backend) throws {
        let set = try newSet(backend)
        let rows = try set.createTracker("rows", total: 10)
        try rows.increment(by: 4)
        let before = try rows.status()
        clock.advance(by: 30)
        try rows.setCurrent(4)
        try rows.setTotal(10)
        try set.openTracker("rows", total: 10)
        #expect(try rows.status() == before)
        #expect(try events("rows", of: set) == [.created, .started])
    }

    @Test(arguments: Backend.all)
    func aTotalRaisedAfterCompletionReopensTheTrackerAndItCompletesAgain(backend: Backend) throws {
        let set = try newSet(backend)
        let rows = try set.createTracker("rows", total: 5)
        try rows.increment(by: 5)
        let firstCompletion = try #require(try rows.status().completedAt)
        clock.advance(by: 10)
        try rows.setTotal(8)
        var status = try rows.status()
        #expect(status.completedAt == nil)
        #expect(status.percent < 100)
        #expect(try set.getStatus().completedAt == nil)
        clock.advance(by: 10)
        try rows.increment(by: 3)
        status = try rows.status()
        #expect(status.completedAt == Date(timeIntervalSince1970: clock.now))
        #expect(status.completedAt != firstCompletion)
        #expect(status.elapsed == 20) // active time went on while it was reopened
        #expect(try events("rows", of: set) == [.created, .started, .completed, .totalChanged, .completed])
    }

    @Test(arguments: Backend.all)
    func aCountLoweredBelowTheTotalReopensTheTracker(backend: Backend) throws {
        let set = try newSet(backend)
        let rows = try set.createTracker("rows", total: 5)
        try rows.increment(by: 5)
        try rows.setCurrent(2)
        #expect(try rows.status().completedAt == nil)
        #expect(try events("rows", of: set) == [.created, .started, .completed, .currentSet])
    }

    @Test(arguments: Backend.all, [true, false])
    func loweringTheTotalToTheCountCompletesTheTrackerByEitherPath(backend: Backend, byOpening: Bool) throws {
        let set = try newSet(backend)
        let rows = try set.createTracker("rows", total: 10)
        try rows.increment(by: 6)
        clock.advance(by: 3)
        if byOpening {
            try set.openTracker("rows", total: 6)
        } else {
            try rows.setTotal(6)
        }
        #expect(try rows.status().completedAt == Date(timeIntervalSince1970: clock.now))
        #expect(try events("rows", of: set) == [.created, .started, .totalChanged, .completed])
    }

    @Test(arguments: Backend.all)
    func aTrackerWithNothingToDoIsCompleteOnlyOnceStarted(backend: Backend) throws {
        let set = try newSet(backend)
        let empty = try set.createTracker("empty", total: 0)
        #expect(try empty.percentComplete == 100)
        #expect(try empty.status().completedAt == nil)
        try empty.increment()
        #expect(try empty.status().completedAt == Date(timeIntervalSince1970: clock.now))
    }
}
