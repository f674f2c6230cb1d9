import ProgressTracking
import Testing

/// The rules of the Semantics article (`ProgressTracking.docc/Semantics.md`).
@Suite struct SemanticsTests {
    let set: ProgressTrackerSet

    init() throws {
        set = try ProgressStore.inMemory().trackerSet(named: "semantics")
    }

    @Test func explicitWeightsReplaceTotals() throws {
        try set.createTracker("small", total: 10, weight: 1).increment(by: 10)
        try set.createTracker("large", total: 1000, weight: 3)
        #expect(try set.getOverallProgress() == 25)
    }

    @Test func zeroTotalIsCompleteAndWeighsNothing() throws {
        let empty = try set.createTracker("empty", total: 0)
        #expect(try empty.percentComplete == 100)
        try set.createTracker("half", total: 10).increment(by: 5)
        #expect(try set.getOverallProgress() == 50)
    }

    @Test func overshootIsStoredButCountsAtMostTheTotal() throws {
        let over = try set.createTracker("over", total: 10)
        try over.increment(by: 25)
        try set.createTracker("behind", total: 10)
        #expect(try over.current == 25)
        #expect(try over.percentComplete == 100)
        #expect(try set.getOverallProgress() == 50)
    }

    @Test func emptySetIsAtZero() throws {
        #expect(try set.getOverallProgress() == 0)
        #expect(try set.getStatus() == TrackerSetStatus(overall: 0))
    }

    @Test func weightsAddingUpToZero() throws {
        try set.createTracker("a", total: 0)
        try set.createTracker("b", total: 0)
        #expect(try set.getOverallProgress() == 100)

        let unfinished = try set.createTracker("c", total: 5, weight: 0)
        #expect(try set.getOverallProgress() == 0)
        try unfinished.increment(by: 5)
        #expect(try set.getOverallProgress() == 100)
    }

    @Test(arguments: ["a", "it's \"quoted\"", "🚀 launch", "x'); DROP TABLE tracker; --", "tab\there", String(repeating: "é", count: 127) + "e"])
    func namesAreJustNames(name: String) throws {
        let tracker = try set.createTracker(name, total: 3)
        try tracker.increment()
        #expect(try set.getTracker(name)?.current == 1)
        #expect(try set.getStatus().trackers[name]?.current == 1)
        try set.store.trackerSet(named: name).createTracker("t", total: 1)
        #expect(try set.store.getTrackerSet(named: name)?.getAllTrackers().map(\.name) == ["t"])
        #expect(try set.store.allTrackerSets().contains { $0.name.utf8.elementsEqual(name.utf8) })
        #expect(try set.getAllTrackers().contains { $0.name.utf8.elementsEqual(name.utf8) })
    }

    @Test func nameLimitIsInBytes() throws {
        let atLimit = String(repeating: "é", count: 127) + "e" // 255 bytes, 128 characters
        let overLimit = String(repeating: "é", count: 128) // 256 bytes, 128 characters
        try set.createTracker(atLimit, total: 1)
        #expect(throws: ProgressTrackingError.nameTooLong(.tracker, name: overLimit, bytes: 256)) {
            try set.createTracker(overLimit, total: 1)
        }
    }

    @Test func openTrackerResumesWithItsCount() throws {
        let first = try set.openTracker("rows", total: 100, weight: 2)
        try first.increment(by: 40)

        let resumed = try set.openTracker("rows", total: 120)
        #expect(try resumed.current == 40)
        #expect(try resumed.total == 120)
        #expect(try resumed.weight == 2)

        let reweighed = try set.openTracker("rows", total: 120, weight: 5)
        #expect(try reweighed.weight == 5)
        #expect(try set.getAllTrackers().count == 1)
    }

    @Test func itemsCountOncePerTracker() throws {
        let a = try set.createTracker("a", total: 3)
        let b = try set.createTracker("b", total: 3)
        #expect(try a.increment(item: "row-1"))
        #expect(try !a.increment(item: "row-1"))
        #expect(try b.increment(item: "row-1"))
        #expect(try a.hasCounted(item: "row-1"))
        #expect(try !a.hasCounted(item: "row-2"))
        #expect(try a.current == 1)
        #expect(try b.current == 1)
    }

    @Test func setCurrentKeepsItemKeys() throws {
        let tracker = try set.createTracker("t", total: 10)
        try tracker.increment(item: "k")
        try tracker.setCurrent(0)
        #expect(try tracker.hasCounted(item: "k"))
        #expect(try !tracker.increment(item: "k"))
        #expect(try tracker.current == 0)
    }

    @Test func removedSetsAndTrackersAreGoneWithTheirData() throws {
        let store = set.store
        let tracker = try set.createTracker("t", total: 10)
        try tracker.increment(item: "k")
        #expect(try store.allTrackerSets().map(\.name) == ["semantics"])

        #expect(try store.removeTrackerSet(named: "semantics"))
        #expect(try !store.removeTrackerSet(named: "semantics"))
        #expect(try store.getTrackerSet(named: "semantics") == nil)
        #expect(throws: ProgressTrackingError.trackerSetRemoved(set: "semantics")) { try set.getOverallProgress() }

        let again = try store.trackerSet(named: "semantics")
        let fresh = try again.createTracker("t", total: 10)
        #expect(try !fresh.hasCounted(item: "k"))
        #expect(try fresh.current == 0)
    }

    @Test func summaryCountsTrackersAndOverall() throws {
        try set.createTracker("a", total: 4).increment(by: 1)
        try set.createTracker("b", total: 4).increment(by: 3)
        let summary = try set.summary()
        #expect(summary.name == "semantics")
        #expect(summary.trackerCount == 2)
        #expect(summary.overall == 50)
        #expect(summary.updatedAt >= summary.createdAt)
    }
}
