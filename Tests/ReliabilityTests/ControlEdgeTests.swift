import Foundation
import ProgressTracking
import Testing

/// The smallest cases of the set's control rules that `ModelTests` found the store once broke.
@Suite struct ControlEdgeTests {
    let clock = ModelClock()
    let store: ProgressStore
    let set: ProgressTrackerSet

    init() throws {
        store = try ProgressStore(path: ":memory:", timekeeping: clock.timekeeping(sampleInterval: 1))
        set = try store.trackerSet(named: "work")
    }

    /// The set's own events carry its trackers' counts added up exactly, saturated only past
    /// `Int.max`: a double's sum would round counts above 2^53.
    @Test func theSetsEventsAddItsCountsUpExactly() throws {
        try set.createTracker("rows", total: 1).setCurrent(.max - 1)
        try set.createTracker("bytes", total: 1 << 53 + 1)
        try set.pause()
        let more = try set.createTracker("more", total: 2)
        try set.resume()
        try more.increment()
        try set.cancel()

        let events = try store.history(set: "work").filter { $0.tracker == nil }
        #expect(events.map(\.current) == [.max - 1, .max - 1, .max])
        #expect(events.map(\.total) == [1 << 53 + 2, 1 << 53 + 4, 1 << 53 + 4])
    }
}
