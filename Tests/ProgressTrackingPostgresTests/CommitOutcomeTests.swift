import ProgressTrackingLibPQ
@testable import ProgressTrackingPostgresStorage
import ProgressTrackingStorage
import ProgressTrackingTestSupport
import Testing

/// The commit-outcome rule's resolution, from the inside: after a commit whose reply was
/// lost, the storage learns from the server whether it happened and what it changed, once the
/// broken session has ended. (`CommitOutcomeEndToEndTests` loses a real COMMIT or its reply.)
@Suite(.requiresTestPostgres) struct CommitOutcomeTests {
    private let lost = PostgresError(.connectionLost, message: "the reply was lost")

    private func newStorage() throws -> PostgresTrackerStorage {
        let connector = PostgresConnector(connectionString: try TestPostgres.server().uri, schema: TestSchemas.make(), busyTimeout: .seconds(5))
        return try #require(try connector.openWriter() as? PostgresTrackerStorage)
    }

    @Test func aCommitThatHappenedIsFoundAndOneThatDidNotIsNot() throws {
        let storage = try newStorage()
        _ = try storage.createSet(named: "s", at: 1)
        let last = storage.commits
        #expect(try storage.resolve(last, lost: lost) == 0)
        let error = #expect(throws: StorageError.self) { try storage.resolve(last + 1, lost: lost) }
        #expect(error?.kind == .connectionLost(reason: "the reply was lost; the transaction was not committed"))
        #expect(error?.endsTransaction == true)
    }

    @Test func anAutocommittedCountIsFoundWithWhatItChanged() throws {
        let storage = try newStorage()
        let set = try storage.createSet(named: "s", at: 1)
        let tracker = try storage.insertTracker(named: "t", in: set, total: 10, weight: nil, at: 1)
        try storage.mark(tracker, TrackerMarks(completion: .unchanged, quietUntil: 100, rateRestart: 1), at: 1)
        #expect(try storage.applyQuietly(.add(2), to: tracker, at: 2))
        #expect(try storage.resolve(storage.commits, lost: lost) == 1)
        // A count the quiet rule refused committed too, having changed nothing.
        #expect(try !storage.applyQuietly(.add(2), to: tracker, at: 200))
        #expect(try storage.resolve(storage.commits, lost: lost) == 0)
        #expect(try storage.values(of: tracker).current == 2)
    }

    @Test func theBrokenSessionIsEndedBeforeItsCommitIsLookedFor() throws {
        let storage = try newStorage()
        let schema = try StoreSchema(storage.session.schema.name)
        // Another live session stands in for the broken one, still open on the server.
        let other = try schema.connect()
        let backend = try other.query("SELECT pg_backend_pid(), EXTRACT(epoch FROM backend_start)::text FROM pg_stat_activity WHERE pid = pg_backend_pid()")
        storage.backend = Session.Backend(processID: try backend.value(Int64.self, row: 0, column: 0), start: try backend.value(String.self, row: 0, column: 1))
        try other.query("BEGIN")

        #expect(throws: StorageError.self) { try storage.resolve(storage.commits + 1, lost: lost) }
        let ended = #expect(throws: PostgresError.self) { try other.query("SELECT 1") }
        #expect(ended?.kind == .connectionLost)
    }
}
