import Foundation
import ProgressTracking
import Testing

/// The examples of the seed documentation (ProgressTrackerSet.md), one test each.
@Suite struct SeedExampleTests {
    @Test func createIncrementAndPercent() throws {
        let set = try ProgressStore.inMemory().trackerSet(named: "files")
        let download = try set.createTracker("download", total: 100)
        try set.createTracker("process", total: 100)
        try set.createTracker("upload", total: 100)

        try download.increment()
        try download.increment(by: 10)

        #expect(try download.current == 11)
        #expect(try download.percentComplete == 11)
        #expect(try set.getOverallProgress() == 11.0 / 3)
    }

    @Test func weightedByTotals() throws {
        let set = try ProgressStore.inMemory().trackerSet(named: "weighted")
        let small = try set.createTracker("small", total: 10)
        let large = try set.createTracker("large", total: 1000)
        try small.increment(by: 5)
        try large.increment(by: 100)

        let overall = try set.getOverallProgress()
        #expect(abs(overall - 105.0 / 1010 * 100) < 1e-9)
        #expect(String(format: "%.3f", overall) == "10.396")
    }

    @Test func statusShapeAndJSON() throws {
        let set = try ProgressStore.inMemory().trackerSet(named: "status")
        try set.createTracker("download", total: 100).increment(by: 50)
        try set.createTracker("process", total: 100).increment(by: 30)

        let status = try set.getStatus()
        #expect(status.trackers["download"] == TrackerStatus(current: 50, total: 100, percent: 50))
        #expect(status.trackers["process"] == TrackerStatus(current: 30, total: 100, percent: 30))
        #expect(status.overall == 40)
        #expect(status.order == ["download", "process"])

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(String(data: encoder.encode(status), encoding: .utf8))
        #expect(json == #"{"order":["download","process"],"overall":40,"trackers":{"download":{"current":50,"percent":50,"total":100},"process":{"current":30,"percent":30,"total":100}}}"#)

        let seedJSON = #"{"trackers":{"download":{"current":50,"total":100,"percent":50},"process":{"current":30,"total":100,"percent":30}},"overall":40}"#
        let decoded = try JSONDecoder().decode(TrackerSetStatus.self, from: Data(seedJSON.utf8))
        #expect(decoded == status)
    }
}
