import ProgressTrackingLibPQ
@testable import ProgressTrackingPostgresStorage
import ProgressTrackingStorage
import ProgressTrackingTestSupport
import Testing

/// Round trips are what a call on a server costs: none is spent on BEGIN, on a savepoint, on
/// the commit-outcome rule or on telling watchers of a change.
@Suite(.requiresTestPostgres) struct RoundTripTests {
    private func quietTracker() throws -> (PostgresTrackerStorage, TrackerIdentity) {
        let connector = PostgresConnector(connectionString: try TestPostgres.server().uri, schema: TestSchemas.make(), busyTimeout: .seconds(5))
        let storage = try #require(try connector.openWriter() as? PostgresTrackerStorage)
        let set = try storage.createSet(named: "s", at: 1)
        let tracker = try storage.insertTracker(named: "t", in: set, total: 1_000, weight: nil, at: 1)
        try storage.mark(tracker, TrackerMarks(completion: .unchanged, quietUntil: 100, rateRestart: 1), at: 1)
        return (storage, tracker)
    }

    /// Runs `body` and returns the round trips it took.
    private func roundTrips(of storage: PostgresTrackerStorage, _ body: () throws -> Void) rethrows -> Int {
        let before = storage.connection.roundTrips
        try body()
        return storage.connection.roundTrips - before
    }

    @Test func anAutocommittedCountIsOneRoundTrip() throws {
        let (storage, tracker) = try quietTracker()
        var applied = false
        let trips = try roundTrips(of: storage) { applied = try storage.applyQuietly(.add(1), to: tracker, at: 2) }
        #expect(applied)
        #expect(trips == 1)
        #expect(try storage.values(of: tracker).current == 1)
    }

    @Test func aTransactionIsOneRoundTripPerStatementAndOneForItsCommit() throws {
        let (storage, tracker) = try quietTracker()
        let trips = try roundTrips(of: storage) {
            try storage.begin()
            try storage.savepoint()
            for _ in 0..<3 { _ = try storage.applyQuietly(.add(1), to: tracker, at: 2) }
            try storage.releaseSavepoint()
            try storage.commit()
        }
        #expect(trips == 4)
        // A transaction that sent nothing commits without a round trip.
        let nothing = try roundTrips(of: storage) {
            try storage.begin()
            try storage.commit()
        }
        #expect(nothing == 0)
        #expect(try storage.values(of: tracker).current == 3)
    }

    @Test func aSavepointRolledBackBeforeItWentOutCostsNothing() throws {
        let (storage, tracker) = try quietTracker()
        try storage.begin()
        #expect(try storage.applyQuietly(.add(1), to: tracker, at: 2))
        let trips = try roundTrips(of: storage) {
            try storage.savepoint()
            storage.rollbackToSavepoint()
        }
        #expect(trips == 0)
        try storage.savepoint()
        #expect(try storage.applyQuietly(.add(10), to: tracker, at: 2))
        storage.rollbackToSavepoint()
        try storage.commit()
        #expect(try storage.values(of: tracker).current == 1)
    }
}
