import Foundation
@testable import ProgressTracking
import Testing

/// Start, completion, active time, rate and ETA, measured on a `ManualClock`.
@Suite struct HistoryTimingTests {
    let clock = ManualClock()

    private func store(_ location: StoreLocation) throws -> ProgressStore {
        try location.open(timekeeping: clock.timekeeping())
    }

    @Test(arguments: Backend.all)
    func elapsedExcludesTheDowntimeBetweenRuns(backend: Backend) throws {
        let location = try backend.newLocation()
        let start = clock.now
        do {
            let rows = try store(location).trackerSet(named: "nightly").openTracker("rows", total: 100)
            for _ in 0..<10 {
                clock.advance(by: 1)
                try rows.increment()
            }
            #expect(try rows.status().elapsed == 9)
        }
        clock.advance(by: 3_600) // the process died; an hour later the job runs again
        let store = try store(location)
        let set = try store.trackerSet(named: "nightly")
        let rows = try set.openTracker("rows", total: 100)
        let resumed = try rows.status()
        #expect(resumed.elapsed == 9)
        #expect(resumed.rate == nil && resumed.eta == nil) // no rate across the downtime
        for _ in 0..<5 {
            clock.advance(by: 1)
            try rows.increment()
        }

        let status = try set.getStatus()
        #expect(status.trackers["rows"]?.elapsed == 14)
        #expect(status.trackers["rows"]?.startedAt == Date(timeIntervalSince1970: start + 1))
        #expect(status.elapsed == 14)
        #expect(try set.summary().elapsed == 14)
    }

    @Test(arguments: Backend.all)
    func etaIsRightForAConstantRate(backend: Backend) throws {
        let location = try backend.newLocation()
        let set = try store(location).trackerSet(named: "steady")
        let rows = try set.createTracker("rows", total: 1_000)
        // 8 items per second for 30 seconds (an eighth of a second is exact in binary).
        for _ in 0..<240 {
            clock.advance(by: 0.125)
            try rows.increment()
        }
        let status = try rows.status()
        #expect(status.rate == 8)
        #expect(status.eta == 95) // 760 items to go

        // One tracker weighed by its total: 0.8 percentage points per second, 76 to go.
        let setStatus = try set.getStatus()
        #expect(setStatus.overall == 24)
        #expect(try abs(#require(setStatus.rate) - 0.8) < 1e-9)
        #expect(try abs(#require(setStatus.eta) - 95) < 1e-9)
    }

    @Test(arguments: Backend.all)
    func rateFollowsTheLastMinute(backend: Backend) throws {
        let location = try backend.newLocation()
        let rows = try store(location).trackerSet(named: "speeding").createTracker("rows", total: 100_000)
        // 10 per second for 100 seconds, then 20 per second for a minute (2 and 4 on PostgreSQL).
        let slow = backend.workload(sqlite: 10, postgres: 2)
        for _ in 0..<100 * slow {
            clock.advance(by: 1 / Double(slow))
            try rows.increment()
        }
        for _ in 0..<60 * 2 * slow {
            clock.advance(by: 1 / Double(2 * slow))
            try rows.increment()
        }
        #expect(try abs(#require(rows.status().rate) - Double(2 * slow)) < Double(2 * slow) / 40)
    }

    @Test(arguments: Backend.all)
    func completionIsStampedOnceAndEtaIsZero(backend: Backend) throws {
        let location = try backend.newLocation()
        let set = try store(location).trackerSet(named: "done")
        let rows = try set.createTracker("rows", total: 3)
        let start = clock.now
        try rows.increment(by: 2)
        clock.advance(by: 4)
        try rows.increment()
        clock.advance(by: 4)
        try rows.increment() // past the total: still completed at the first time it got there

        let status = try rows.status()
        #expect(status.completedAt == Date(timeIntervalSince1970: start + 4))
        #expect(status.elapsed == 4)
        #expect(status.eta == 0)
        let setStatus = try set.getStatus()
        #expect(setStatus.completedAt == status.completedAt)
        #expect(setStatus.eta == 0)
    }

    @Test(arguments: Backend.all)
    func summaryDescribesTheRun(backend: Backend) throws {
        let location = try backend.newLocation()
        let set = try store(location).trackerSet(named: "import")
        let extract = try set.createTracker("extract", total: 10)
        let load = try set.createTracker("load", total: 10)
        let start = clock.now
        try extract.increment(by: 10)
        clock.advance(by: 10)
        try load.increment(by: 5)
        var summary = try set.summary()
        #expect(summary.startedAt == Date(timeIntervalSince1970: start))
        #expect(summary.completedAt == nil)
        clock.advance(by: 10)
        try load.increment(by: 5)

        summary = try set.summary()
        #expect(summary.completedAt == Date(timeIntervalSince1970: start + 20))
        #expect(summary.elapsed == 20)
        #expect(summary.items == 20)
        #expect(summary.meanRate == 1)
    }

    @Test(arguments: Backend.all)
    func statusLineForEachState(backend: Backend) throws {
        let location = try backend.newLocation()
        let download = try store(location).trackerSet(named: "files").createTracker("download", total: 100)
        #expect(try download.statusLine() == "download has not started: 0 / 100 items.")

        try download.increment(by: 0) // counts nothing, so it does not start the tracker
        #expect(try download.statusLine() == "download has not started: 0 / 100 items.")
        try download.increment(by: 3)
        clock.advance(by: 5)
        try download.setCurrent(0) // a restart: started, and nothing done
        #expect(try download.statusLine() == "download has started and completed no items in 5.0s.")

        try download.increment(by: 5)
        clock.advance(by: 118)
        try download.increment(by: 40)
        // 45 items over 123 s, a mean of 0.37/s; the rate is measured from the last sample
        // over a minute old, at 5 s with 0 items: 45 in 118 s, so 55 more take 144 s.
        let eta = try #require(try download.status().eta)
        #expect(abs(eta - 55 / (45.0 / 118)) < 1e-9)
        #expect(try download.statusLine() == "download is 45.000% complete - 45 / 100 items over 2m 3s (0.37/s). Estimated completion: 2m 24s")

        clock.advance(by: 120)
        try download.increment(by: 55)
        #expect(try download.statusLine() == "download is done: 100 / 100 items in 4m 3s (0.41/s).")
    }

    @Test func durationsAndRatesReadNaturally() {
        #expect(TrackerStatus.durationText(0.25) == "250ms")
        #expect(TrackerStatus.durationText(4.25) == "4.3s")
        #expect(TrackerStatus.durationText(59) == "59s")
        #expect(TrackerStatus.durationText(123) == "2m 3s")
        #expect(TrackerStatus.durationText(3_723) == "1h 2m 3s")
        #expect(TrackerStatus.rateText(0.366) == "0.37/s")
        #expect(TrackerStatus.rateText(12.34) == "12.3/s")
        #expect(TrackerStatus.rateText(1_250.4) == "1250/s")
    }

    @Test(arguments: [Double.nan, -.infinity, .infinity, -1, -.leastNonzeroMagnitude, .greatestFiniteMagnitude])
    func durationsAndRatesAreTotal(value: Double) {
        // Any Double reads as some text; none traps converting to Int.
        #expect(!TrackerStatus.durationText(value).isEmpty)
        #expect(TrackerStatus.rateText(value).hasSuffix("/s"))
    }

    @Test(arguments: Backend.all)
    func jsonAddsTheTimingKeysToTheSeedShape(backend: Backend) throws {
        let location = try backend.newLocation()
        let set = try store(location).trackerSet(named: "json")
        let rows = try set.createTracker("rows", total: 4)
        try set.createTracker("idle", total: 4)
        try rows.increment()
        clock.advance(by: 2)
        try rows.increment()

        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let json = try JSONSerialization.jsonObject(with: encoder.encode(set.getStatus())) as? [String: Any]
        let trackers = try #require(json?["trackers"] as? [String: [String: Any]])
        #expect(Set(try #require(trackers["rows"]).keys) == ["current", "total", "percent", "startedAt", "updatedAt", "elapsed", "rate", "eta"])
        #expect(Set(try #require(trackers["idle"]).keys) == ["current", "total", "percent", "updatedAt"])
        // Measured from the first count (1 item): 1 more in 2 seconds, and 2 to go.
        #expect(trackers["rows"]?["rate"] as? Double == 0.5)
        #expect(trackers["rows"]?["eta"] as? Double == 4)
        #expect(Set(try #require(json).keys) == ["trackers", "overall", "order", "startedAt", "updatedAt", "elapsed", "rate", "eta"])

        let decoded = try JSONDecoder().decode(TrackerSetStatus.self, from: JSONEncoder().encode(set.getStatus()))
        #expect(try decoded == set.getStatus())
    }
}
