import Foundation
import ProgressTracking
import Testing

/// The examples of the seed documentation (ProgressTrackerSet.md), one test each.
@Suite struct SeedExampleTests {
    @Test(arguments: Backend.all)
    func createIncrementAndPercent(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "files")
        let download = try set.createTracker("download", total: 100)
        try set.createTracker("process", total: 100)
        try set.createTracker("upload", total: 100)

        try download.increment()
        try download.increment(by: 10)

        #expect(try download.current == 11)
        #expect(try download.percentComplete == 11)
        #expect(try set.getOverallProgress() == 11.0 / 3)
    }

    @Test(arguments: Backend.all)
    func weightedByTotals(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "weighted")
        let small = try set.createTracker("small", total: 10)
        let large = try set.createTracker("large", total: 1000)
        try small.increment(by: 5)
        try large.increment(by: 100)

        let overall = try set.getOverallProgress()
        #expect(abs(overall - 105.0 / 1010 * 100) < 1e-9)
        #expect(String(format: "%.3f", overall) == "10.396")
    }

    @Test(arguments: Backend.all)
    func statusShapeAndJSON(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "status")
        try set.createTracker("download", total: 100).increment(by: 50)
        try set.createTracker("process", total: 100).increment(by: 30)

        let status = try set.getStatus()
        #expect(status.trackers["download"]?.withoutTiming == TrackerStatus(current: 50, total: 100, percent: 50))
        #expect(status.trackers["process"]?.withoutTiming == TrackerStatus(current: 30, total: 100, percent: 30))
        #expect(status.overall == 40)
        #expect(status.order == ["download", "process"])

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // The seed's keys; the timing keys that follow them are HistoryTimingTests' subject.
        let json = try #require(String(data: encoder.encode(status.withoutTiming), encoding: .utf8))
        #expect(json == #"{"order":["download","process"],"overall":40,"trackers":{"download":{"current":50,"percent":50,"total":100},"process":{"current":30,"percent":30,"total":100}}}"#)

        let seedJSON = #"{"trackers":{"download":{"current":50,"total":100,"percent":50},"process":{"current":30,"total":100,"percent":30}},"overall":40}"#
        let decoded = try JSONDecoder().decode(TrackerSetStatus.self, from: Data(seedJSON.utf8))
        #expect(decoded == status.withoutTiming)
    }
}

extension SeedExampleTests {
    @Test(arguments: Backend.all)
    func listAndRemoveTrackers(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "list")
        for name in ["download", "process", "upload"] {
            try set.createTracker(name, total: 10)
        }
        #expect(try set.getAllTrackers().map(\.name) == ["download", "process", "upload"])

        #expect(try set.removeTracker("process"))
        #expect(try !set.removeTracker("process"))
        #expect(try set.getTracker("process") == nil)
        #expect(try set.getAllTrackers().map(\.name) == ["download", "upload"])
    }

    @Test(arguments: Backend.all)
    func parallelFileProcessing(backend: Backend) async throws {
        let set = try backend.newStore().trackerSet(named: "files")
        let images = (0..<300).map { "image-\($0).png" }
        let documents = (0..<200).map { "doc-\($0).pdf" }
        let imageTracker = try set.createTracker("images", total: images.count)
        let documentTracker = try set.createTracker("documents", total: documents.count)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (files, tracker) in [(images, imageTracker), (documents, documentTracker)] {
                for file in files {
                    group.addTask { try tracker.increment(item: file) }
                }
            }
            try await group.waitForAll()
        }

        #expect(try imageTracker.current == 300)
        #expect(try documentTracker.current == 200)
        #expect(try set.getOverallProgress() == 100)
    }

    @Test(arguments: Backend.all)
    func multiStagePipeline(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "pipeline")
        let records = Array(0..<50)
        let stages = ["extract", "transform", "validate", "load"]
        let trackers = try stages.map { try set.createTracker($0, total: records.count) }

        var overallAfterEachStage: [Double] = []
        for tracker in trackers {
            for _ in records { try tracker.increment() }
            overallAfterEachStage.append(try set.getOverallProgress())
        }

        #expect(overallAfterEachStage == [25, 50, 75, 100])
        let status = try set.getStatus()
        #expect(status.order == stages)
        #expect(status.trackers.values.allSatisfy { $0.withoutTiming == TrackerStatus(current: 50, total: 50, percent: 100) })
    }

    @Test(arguments: Backend.all)
    func batchImportWithCategories(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "import")
        let records = (0..<1_000).map { (id: $0, category: ["books", "music", "films"][$0 % 3]) }
        let byCategory = Dictionary(grouping: records, by: \.category)
        for (category, items) in byCategory {
            try set.createTracker(category, total: items.count)
        }

        var loggedOveralls: [Double] = []
        for (category, items) in byCategory.sorted(by: { $0.key < $1.key }) {
            let tracker = try #require(try set.getTracker(category))
            for _ in items {
                try tracker.increment()
                if try tracker.current % 100 == 0 { loggedOveralls.append(try set.getStatus().overall) }
            }
        }

        #expect(loggedOveralls == loggedOveralls.sorted())
        let status = try set.getStatus()
        #expect(status.overall == 100)
        #expect(status.trackers["books"]?.current == 334)
        #expect(status.trackers["music"]?.current == 333)
    }

    @Test(arguments: Backend.all)
    func downloadManager(backend: Backend) throws {
        let set = try backend.newStore().trackerSet(named: "downloads")
        let id = UUID().uuidString
        let download = try set.createTracker(id, total: 4_096)

        try #require(try set.getTracker(id)).setCurrent(1_024)
        #expect(try download.percentComplete == 25)
        try #require(try set.getTracker(id)).setCurrent(4_096)
        #expect(try set.getStatus().trackers[id]?.withoutTiming == TrackerStatus(current: 4_096, total: 4_096, percent: 100))

        #expect(try set.removeTracker(id))
        #expect(try set.getStatus().trackers.isEmpty)
        #expect(try set.getOverallProgress() == 0)
    }
}
