import Foundation
import ProgressTracking
import Testing

/// The smallest case of the set's control rules that `ModelTests` found the store once broke;
/// those of its timing are in `TimingRuleEdgeTests`.
@Suite struct ControlEdgeTests {
    let clock = ModelClock()
    let set: ProgressTrackerSet

    init() throws {
        set = try ProgressStore(path: ":memory:", timekeeping: clock.timekeeping(sampleInterval: 1)).trackerSet(named: "work")
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

        let events = try set.store.history(set: "work").filter { $0.tracker == nil }
        #expect(events.map(\.current) == [.max - 1, .max - 1, .max])
        #expect(events.map(\.total) == [1 << 53 + 2, 1 << 53 + 4, 1 << 53 + 4])
    }
}
