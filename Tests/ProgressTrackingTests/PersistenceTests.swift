import ProgressTracking
import Testing

/// What is written to a file is there for the next store that opens it.
@Suite struct PersistenceTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test(arguments: Backend.all)
    func reopenedFileResumesWithCountsIntact(backend: Backend) throws {
        let location = try backend.newLocation()
        do {
            let set = try location.open().trackerSet(named: "import")
            let rows = try set.openTracker("rows", total: 100)
            for row in 0..<40 { try rows.increment(item: "row-\(row)") }
            try set.openTracker("files", total: 10, weight: 5).increment(by: 7)
        }

        let set = try location.open().trackerSet(named: "import")
        let rows = try set.openTracker("rows", total: 100)
        #expect(try rows.current == 40)
        // The resumed import retries every row: only the 60 not yet counted count.
        var counted = 0
        for row in 0..<100 where try rows.increment(item: "row-\(row)") { counted += 1 }
        #expect(counted == 60)
        #expect(try rows.current == 100)
        let status = try set.getStatus()
        #expect(status.order == ["rows", "files"])
        #expect(status.trackers["files"]?.withoutTiming == TrackerStatus(current: 7, total: 10, percent: 70))
        #expect(try set.getTracker("files")?.weight == 5)
    }

    @Test(arguments: Backend.all)
    func twoStoresOnOneFileSeeEachOthersWrites(backend: Backend) throws {
        let location = try backend.newLocation()
        let writer = try location.open()
        let reader = try location.open()
        let tracker = try writer.trackerSet(named: "shared").createTracker("t", total: 4)
        let readerSet = try #require(try reader.getTrackerSet(named: "shared"))

        #expect(try readerSet.getOverallProgress() == 0)
        try tracker.increment()
        #expect(try readerSet.getOverallProgress() == 25)
        try #require(try readerSet.getTracker("t")).increment(by: 3)
        #expect(try tracker.current == 4)
        #expect(try writer.trackerSet(named: "shared").getStatus() == readerSet.getStatus())
    }

    @Test(arguments: Backend.all)
    func changeTokenMovesOnEveryCommitFromAnyStore(backend: Backend) throws {
        let location = try backend.newLocation()
        let writer = try location.open()
        let tracker = try writer.trackerSet(named: "watched").createTracker("t", total: 4)
        let watcher = try location.open(readOnly: true)

        let start = try watcher.changeToken()
        #expect(try watcher.changeToken() == start)
        try tracker.increment()
        let afterWrite = try watcher.changeToken()
        #expect(afterWrite != start)
        #expect(try watcher.changeToken() == afterWrite)

        let ownStart = try writer.changeToken()
        try tracker.increment()
        #expect(try writer.changeToken() != ownStart)
    }

    @Test func fullDurabilityPersistsToo() throws {
        do {
            let store = try ProgressStore(path: directory.path(), durability: .full)
            try store.trackerSet(named: "s").createTracker("t", total: 2).increment()
        }
        #expect(try ProgressStore(path: directory.path()).getTrackerSet(named: "s")?.getOverallProgress() == 50)
    }

    @Test(arguments: Backend.all)
    func readOnlyStoreReadsButRefusesWrites(backend: Backend) throws {
        let location = try backend.newLocation()
        try location.open().trackerSet(named: "s").createTracker("t", total: 2).increment()
        let reader = try location.open(readOnly: true)
        let path = reader.path
        let set = try #require(try reader.getTrackerSet(named: "s"))
        #expect(try set.getOverallProgress() == 50)
        #expect(throws: ProgressTrackingError.readOnly(path: path)) { try set.getTracker("t")?.increment() }
        #expect(throws: ProgressTrackingError.readOnly(path: path)) { try reader.trackerSet(named: "new") }
        #expect(try set.getOverallProgress() == 50)
    }

    @Test func readOnlyStoreNeedsAnExistingFile() throws {
        let path = directory.path("missing.sqlite")
        #expect {
            try ProgressStore(path: path, readOnly: true)
        } throws: { error in
            guard case ProgressTrackingError.cannotOpen(path, _) = error else { return false }
            return true
        }
    }
}
