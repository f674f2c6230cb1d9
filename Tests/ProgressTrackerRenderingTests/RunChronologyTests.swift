import Foundation
import ProgressTracking
@testable import ProgressTrackerRendering
import Testing

/// The run as the report reconstructs it from a store's history and status: where an
/// interrupted run ended, the downtime, the markers, and the overall over time.
@Suite struct RunChronologyTests {
    @Test func anInterruptedRunEndsAtItsLastChangeAsTheStoreTimesIt() throws {
        let fixture = try RunFixture.interruptedRun()
        let input = try fixture.input(set: "import")
        let chronology = RunChronology(history: input.history, status: input.status)
        let start = fixture.start

        let interruption = try #require(chronology.interruptions.first)
        #expect(chronology.interruptions.count == 1)
        #expect(abs(interruption.start - (start + 2.5)) < 1e-3)
        #expect(abs(interruption.end - (start + 102.5)) < 1e-3)
        #expect(interruption.isExact)
        #expect(chronology.runs.count == 2)

        // Each tracker's count at its own last change, which the history never sampled.
        let rows = try #require(chronology.tracks.first { $0.name == "rows" })
        let rowsEnd = try #require(rows.points.first { $0.kind == .runEnd })
        #expect(abs(rowsEnd.time - (start + 2.5)) < 1e-3)
        #expect(rowsEnd.current == 35)
        let pages = try #require(chronology.tracks.first { $0.name == "pages" })
        #expect(!pages.points.contains { $0.kind == .runEnd })  // its last change, +1, is an event already

        #expect(chronology.markers.map(\.kind) == [.interrupted, .resumed])
        #expect(chronology.markers.last?.trackers == ["rows", "pages"])
        // The sequence holds every state in time order, run ends included.
        let times = chronology.sequence.map(\.point.time)
        #expect(times == times.sorted())
        #expect(chronology.sequence.count == chronology.tracks.map(\.points.count).reduce(0, +))
    }

    @Test func aRunThatOpensOneTrackerLateIsNotAnInterruption() throws {
        let fixture = try RunFixture()
        do {
            let set = try fixture.run().trackerSet(named: "import")
            try set.openTracker("rows", total: 10).increment()
            try set.openTracker("pages", total: 10)
        }
        fixture.advance(by: 10)
        let set = try fixture.run().trackerSet(named: "import")
        let rows = try set.openTracker("rows", total: 10)
        fixture.advance(by: 1)
        try rows.increment(by: 3)
        fixture.advance(by: 1)
        try set.openTracker("pages", total: 10)  // opened late, while rows counts on
        fixture.advance(by: 1)
        try rows.increment(by: 6)

        let input = try fixture.input(set: "import")
        let chronology = RunChronology(history: input.history, status: input.status)
        #expect(chronology.interruptions.count == 1)  // the first resume only
        #expect(chronology.markers.filter { $0.kind == .resumed }.count == 1)
        #expect(chronology.tracks[1].resumedAt.count == 1)
    }

    @Test func aPauseIsDowntimeFromTheLastChangeAfterIt() throws {
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: "import")
        let rows = try set.openTracker("rows", total: 10)
        fixture.advance(by: 1)
        try rows.increment(by: 2)
        fixture.advance(by: 1)
        try set.pause()  // at +2
        fixture.advance(by: 0.5)
        try rows.increment()  // the batch in progress finishes, at +2.5
        fixture.advance(by: 60)
        try set.resume()  // at +62.5
        fixture.advance(by: 1)
        try rows.increment(by: 7)

        let input = try fixture.input(set: "import")
        let chronology = RunChronology(history: input.history, status: input.status)
        let downtime = try #require(chronology.downtimes.first)
        #expect(chronology.downtimes.count == 1)
        #expect(downtime.cause == .paused)
        #expect(abs(downtime.start - (fixture.start + 2.5)) < 1e-3)
        #expect(abs(downtime.end - (fixture.start + 62.5)) < 1e-3)
        #expect(chronology.interruptions.isEmpty)
        #expect(chronology.markers.map(\.kind) == [.paused, .resumed])
    }

    @Test func theOverallWeighsTrackersAsTheSetDoes() throws {
        let fixture = try RunFixture()
        let set = try fixture.run().trackerSet(named: "import")
        let a = try set.openTracker("a", total: 10, weight: 3)
        let b = try set.openTracker("b", total: 1000, weight: 1)
        fixture.advance(by: 1)
        try a.increment(by: 5)  // +1: a at 50 %
        fixture.advance(by: 1)
        try b.increment()  // +2: b at 0.1 %, a on its way from 50 % to 70 %
        fixture.advance(by: 1)
        try a.increment(by: 2)  // +3: a at 70 %
        fixture.advance(by: 1)
        try b.increment(by: 999)  // +4: b complete
        try a.increment(by: 3)  // a complete

        let input = try fixture.input(set: "import")
        let chronology = RunChronology(history: input.history, status: input.status)
        let overall = ProgressSeries.overall(chronology, weights: input.weights)
        func value(at offset: Double) throws -> Double {
            try #require(overall.last { abs($0.time - (fixture.start + offset)) < 1e-3 }).value
        }
        #expect(try value(at: 0) == 0)
        #expect(abs(try value(at: 1) - 37.5) < 1e-9)  // 100 · 3 · 0.5 / 4
        // a started at once: the line holds 0 up to +1 and steps there, not a slope from 0.
        #expect(overall.map(\.value).prefix(3) == [0, 0, try value(at: 1)])
        #expect(overall[1].time == overall[2].time)
        #expect(abs(try value(at: 2) - 45.025) < 1e-9)  // 100 · (3 · 0.6 + 1 · 0.001) / 4
        #expect(abs(try value(at: 3) - 65.0125) < 1e-9)  // b on its way from 0.1 % to 100 %: 50.05 %
        #expect(try value(at: 4) == 100)
        #expect(overall.last?.value == input.status.overall)
        // Exactly 100 only at the end, as the set never claims completion early.
        #expect(overall.dropLast().allSatisfy { $0.value < 100 })
    }

    @Test func ratesAreNeverMeasuredAcrossDowntime() throws {
        let fixture = try RunFixture.interruptedRun()
        let input = try fixture.input(set: "import")
        let chronology = RunChronology(history: input.history, status: input.status)
        let rows = try #require(chronology.tracks.first { $0.name == "rows" })
        let steps = RateSeries.steps(of: rows, downtimes: chronology.downtimes, minimumSpan: 0.001)
        for step in steps {
            #expect(!chronology.downtimes.contains { $0.start < step.end && $0.end > step.start })
        }
        // Run 1: 25 items in 1.5 s after the start; run 2: 65 in 1 s after the resume.
        #expect(steps.map(\.rate).map { ($0 * 1000).rounded() / 1000 } == [20, 10, 65])
        #expect(steps.map(\.startsAnew) == [true, false, true])
    }
}
