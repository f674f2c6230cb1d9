import Foundation
import ProgressTracking
import Testing

/// The write-ahead log is checkpointed off the writer's commits, and emptied when the writer
/// is idle. Each test waits on the file's state (polled), not for a fixed time.
@Suite struct WriteAheadLogTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    }

    /// Waits until `condition` holds, checking every 10 ms, for at most `limit`.
    private func eventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    @Test(.timeLimit(.minutes(5)))
    func aLogPastAThousandPagesIsCopiedIntoTheFileWithoutWaitingForTheNextCommit() async throws {
        let path = directory.path()
        let store = try ProgressStore(path: path)
        let keys = try store.trackerSet(named: "pages").createTracker("keys", total: 100)
        // About 1,500 pages of item keys (60 KB each, near the limit) in one transaction: past
        // the checkpoint's threshold, in a hundred calls rather than tens of thousands, so that
        // the test holds a thread of the shared pool for a moment only.
        try store.transaction {
            for index in 0..<100 { try keys.increment(item: "\(index)-" + String(repeating: "k", count: 60_000)) }
        }
        let before = size(path)
        // No more commits: only the checkpointer can grow the database file now.
        #expect(try await eventually { size(path) > before })
    }

    @Test(.timeLimit(.minutes(5)))
    func theLogIsEmptiedOnceTheWriterIsIdleAndTheStoreStaysOpen() async throws {
        let path = directory.path()
        let store = try ProgressStore(path: path)
        let rows = try store.trackerSet(named: "idle").createTracker("rows", total: 100)
        for _ in 0..<20 { try rows.increment() }
        #expect(size(path + "-wal") > 0)
        #expect(try await eventually { size(path + "-wal") == 0 })
        #expect(try rows.current == 20)
        withExtendedLifetime(store) {}
    }
}
