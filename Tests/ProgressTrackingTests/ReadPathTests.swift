import Dispatch
import Foundation
import ProgressTracking
import Testing

/// Reads outside a transaction go to a connection of their own, so they never wait behind a
/// write; reads inside one see its own writes.
@Suite struct ReadPathTests {
    /// A store with a set "reads" and its tracker "rows" at 10 of 100.
    private func newTracker(_ backend: Backend) throws -> (ProgressStore, ProgressTracker) {
        let store = try backend.newStore()
        let tracker = try store.trackerSet(named: "reads").createTracker("rows", total: 100)
        try tracker.increment(by: 10)
        return (store, tracker)
    }

    @Test(arguments: Backend.all)
    func anotherThreadReadsWhatWasCommittedWhileATransactionIsOpen(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        let read = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seenByTheOtherThread: Int?
        try store.transaction {
            try tracker.increment(by: 5)
            #expect(try tracker.current == 15) // this thread sees its own write
            Thread.detachNewThread { [tracker] in
                seenByTheOtherThread = try? tracker.current
                read.signal()
            }
            // Had the read waited for this transaction, it would wait forever: the
            // transaction waits for the read.
            #expect(read.wait(timeout: .now() + 30) == .success)
        }
        #expect(seenByTheOtherThread == 10)
        #expect(try tracker.current == 15)
    }

    @Test(arguments: Backend.all)
    func aStatusReadInsideATransactionIsOneSnapshotOfItsWrites(backend: Backend) throws {
        let (store, tracker) = try newTracker(backend)
        let status = try store.transaction {
            try tracker.increment(by: 90)
            return try tracker.trackerSet.getStatus()
        }
        #expect(status.overall == 100)
        #expect(status.trackers["rows"]?.completedAt != nil)
    }

    @Test func aReadOnlyStoreReadsAnEmptyFileAsAnEmptyStore() throws {
        let path = TestFiles.newPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let reader = try ProgressStore(path: path, readOnly: true)
        #expect(try reader.allTrackerSets().isEmpty)
        #expect(try reader.getTrackerSet(named: "any") == nil)
        #expect(try reader.history(set: "any").isEmpty)
        #expect(FileManager.default.contents(atPath: path) == Data())
    }
}
