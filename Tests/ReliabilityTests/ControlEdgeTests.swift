import Foundation
import ProgressTracking
import Testing

/// The smallest cases of the set's control rules that `ModelTests` found the store once broke.
@Suite struct ControlEdgeTests {
    let directory: TestDirectory
    let clock = ModelClock()

    init() throws {
        directory = try TestDirectory()
    }

    /// A store on the test's file, as one run of a program opens it.
    func store() throws -> ProgressStore {
        try ProgressStore(path: directory.storePath, timekeeping: clock.timekeeping(sampleInterval: 1))
    }

    /// The set's own events carry its trackers' counts added up exactly, saturated only past
    /// `Int.max`: a double's sum would round counts above 2^53.
    @Test func theSetsEventsAddItsCountsUpExactly() throws {
        let set = try store().trackerSet(named: "work")
        try set.createTracker("rows", total: 1).setCurrent(.max - 1)
        try set.createTracker("bytes", total: 1 << 53 + 1)
        try set.pause()
        let more = try set.createTracker("more", total: 2)
        try set.resume()
        try more.increment()
        try set.cancel()

        let events = try set.store.history(set: "work").filter { $0.tracker == nil }
        #expect(events.map(\.current) == [.max - 1, .max - 1, .max])
        #expect(events.map(\.total) == [1 << 53 + 2, 1 << 53 + 4, 1 << 53 + 4])
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
