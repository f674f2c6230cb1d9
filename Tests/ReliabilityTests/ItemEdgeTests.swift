import Foundation
import ProgressTracking
import Testing

/// The smallest cases of item rules that `ModelTests` found the store once broke.
@Suite struct ItemEdgeTests {
    let clock = ModelClock()
    let store: ProgressStore

    init() throws {
        store = try ProgressStore(path: ":memory:", timekeeping: clock.timekeeping(sampleInterval: 1))
    }

    /// `HistoryEvent.skipped` is the count just after the event, as `failed` is: the events a
    /// skip's count records show the item skipped, as they show its failure resolved.
    @Test func theEventsOfASkipShowTheItemSkipped() throws {
        let rows = try store.trackerSet(named: "work").createTracker("rows", total: 2)
        try rows.fail(item: "r1", reason: "timeout")
        clock.advance(by: 1)
        try rows.skip(item: "r1", reason: "known bad record")
        clock.advance(by: 1)
        try rows.skip(item: "r2", reason: "duplicate")

        let events = try store.history(set: "work").filter { $0.kind == .started || $0.kind == .completed }
        #expect(events.map(\.kind) == [.started, .completed])
        #expect(events.map(\.skipped) == [1, 2])
        #expect(events.map(\.failed) == [0, 0])
    }

    /// A skip whose count would pass `Int.max` changes nothing: the key stays uncounted, its
    /// failure unresolved, and nothing is skipped.
    @Test func aSkipThatWouldOverflowChangesNothing() throws {
        let rows = try store.trackerSet(named: "work").createTracker("rows", total: 1)
        try rows.setCurrent(.max)
        try rows.fail(item: "r1", reason: "timeout")
        let before = try rows.status()

        #expect(throws: ProgressTrackingError.countOverflow(tracker: "rows", amount: 1)) {
            try rows.skip(item: "r1", reason: "known bad record")
        }
        #expect(try rows.status() == before)
        #expect(try !rows.hasCounted(item: "r1"))
        #expect(try rows.failures().map(\.key) == ["r1"])
    }
}
