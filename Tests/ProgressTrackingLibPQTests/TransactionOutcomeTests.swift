import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

@Suite(.requiresTestPostgres)
struct TransactionOutcomeTests {
    @Test func beginTransactionSendsTheWorkAndLearnsTheIDInOneRoundTrip() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE t (n int8)")
        let before = connection.roundTrips
        let (results, transactionID) = try connection.beginTransaction(pipelining: [
            PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(7)]),
            "SELECT count(*) FROM t",
        ])
        #expect(connection.roundTrips == before + 1)
        #expect(connection.transactionState == .open)
        #expect(results.count == 2)
        #expect(try results[1].value(Int64.self, row: 0, column: 0) == 1)
        #expect(try connection.scalar(String.self, "SELECT pg_current_xact_id()::text") == transactionID.description)
        #expect(try connection.outcome(of: transactionID) == .inProgress)
        try connection.query("COMMIT")
        #expect(try connection.outcome(of: transactionID) == .committed)
    }

    @Test func aRolledBackTransactionIsAborted() throws {
        let connection = try testConnection()
        let (_, transactionID) = try connection.beginTransaction(pipelining: [])
        try connection.query("ROLLBACK")
        #expect(try connection.outcome(of: transactionID) == .aborted)
    }

    @Test func anotherSessionSeesTheOutcomeAfterTheOwnerIsTerminated() throws {
        // The lost-COMMIT-reply recovery: a new session finds the old one's transaction in
        // progress, ends the old session, and then finds it aborted.
        let worker = try testConnection()
        let (_, transactionID) = try worker.beginTransaction(pipelining: ["SELECT 1"])
        let recovery = try testConnection()
        #expect(try recovery.outcome(of: transactionID) == .inProgress)
        #expect(try recovery.scalar(Bool.self, "SELECT pg_terminate_backend($1::int, 10000)", [.int64(Int64(worker.backendProcessID))]))
        #expect(try recovery.outcome(of: transactionID) == .aborted)
    }

    @Test func beginTransactionRefusesAnOpenTransaction() throws {
        let connection = try testConnection()
        try connection.query("BEGIN")
        let error = #expect(throws: PostgresError.self) { try connection.beginTransaction(pipelining: []) }
        #expect(error?.kind == .invalidArgument)
    }

    @Test func aFailureInTheBeginPipelineLeavesTheTransactionFailed() throws {
        let connection = try testConnection()
        let error = #expect(throws: PostgresError.self) { try connection.beginTransaction(pipelining: ["SELECT 1 / 0"]) }
        #expect(error?.sqlState == .divisionByZero)
        #expect(connection.transactionState == .failed)
        try connection.query("ROLLBACK")
    }

    @Test func aTransactionIDNotYetReachedIsAnError() throws {
        let connection = try testConnection()
        let current = try connection.scalar(TransactionID.self, "SELECT pg_current_xact_id()")
        let error = #expect(throws: PostgresError.self) {
            try connection.outcome(of: TransactionID(rawValue: current.rawValue + 1_000_000))
        }
        #expect(error?.sqlState == .invalidParameterValue)
    }

    @Test func anIDFromAnotherEpochIsUnknownToTheServer() throws {
        let connection = try testConnection()
        let error = #expect(throws: PostgresError.self) { try connection.outcome(of: TransactionID(rawValue: 1 << 60)) }
        #expect(error?.kind == .unexpectedValue)
    }
}
