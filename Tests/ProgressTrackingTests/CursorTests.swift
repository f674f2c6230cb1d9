import Foundation
import ProgressTracking
import Testing

/// A tracker's resume cursor: where its worker is in its input, committed with the counts.
@Suite struct CursorTests {
    /// A store with a set "import" and its tracker "rows".
    private func newTracker(_ location: StoreLocation) throws -> (ProgressStore, ProgressTracker) {
        let store = try location.open()
        return (store, try store.trackerSet(named: "import").createTracker("rows", total: 100))
    }

    @Test(arguments: Backend.all)
    func aCursorIsSetReadAndCleared(backend: Backend) throws {
        let location = try backend.newLocation()
        let (_, rows) = try newTracker(location)
        #expect(try rows.cursor == nil)
        try rows.setCursor("offset=4096")
        #expect(try rows.cursor == "offset=4096")
        try rows.setCursor("")
        #expect(try rows.cursor == "")
        try rows.setCursor(nil)
        #expect(try rows.cursor == nil)
    }

    @Test(arguments: Backend.all)
    func theCursorCommitsWithTheCountsOrNotAtAll(backend: Backend) throws {
        let location = try backend.newLocation()
        let (store, rows) = try newTracker(location)
        struct Abort: Error {}
        try store.transaction {
            try rows.increment(by: 10)
            try rows.setCursor("10")
        }
        #expect(throws: Abort.self) {
            try store.transaction {
                try rows.increment(by: 10)
                try rows.setCursor("20")
                throw Abort()
            }
        }
        #expect(try rows.current == 10)
        #expect(try rows.cursor == "10")
    }

    @Test(arguments: Backend.all)
    func openingTheTrackerAgainGivesItBackWithTheCounts(backend: Backend) throws {
        let location = try backend.newLocation()
        let (store, rows) = try newTracker(location)
        try store.transaction {
            try rows.increment(by: 7)
            try rows.setCursor("page-token-abc")
        }
        let reopened = try location.open().trackerSet(named: "import").openTracker("rows", total: 100)
        #expect(try reopened.cursor == "page-token-abc")
        #expect(try reopened.current == 7)
        #expect(try reopened.status().cursor == "page-token-abc")
    }

    @Test(arguments: Backend.all)
    func badCursorsAreRefusedAndARemovedTrackerHasNone(backend: Backend) throws {
        let location = try backend.newLocation()
        let (_, rows) = try newTracker(location)
        #expect(throws: ProgressTrackingError.nullCharacter(.cursor, value: "a\u{0}b")) { try rows.setCursor("a\u{0}b") }
        let long = String(repeating: "c", count: 65_537)
        #expect(throws: ProgressTrackingError.textTooLong(.cursor, value: long, bytes: 65_537)) { try rows.setCursor(long) }
        try rows.trackerSet.removeTracker("rows")
        #expect(throws: ProgressTrackingError.trackerRemoved(tracker: "rows", set: "import")) { try rows.cursor }
        #expect(throws: ProgressTrackingError.trackerRemoved(tracker: "rows", set: "import")) { try rows.setCursor("x") }
        #expect(throws: ProgressTrackingError.trackerRemoved(tracker: "rows", set: "import")) { try rows.setCursor(nil) }
    }
}
