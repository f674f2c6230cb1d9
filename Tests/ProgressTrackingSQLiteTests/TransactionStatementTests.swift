@testable import ProgressTrackingSQLite
import Testing

/// The statements that open and close transactions and savepoints.
@Suite struct TransactionStatementTests {
    let connection: Connection

    init() throws {
        connection = try Connection(path: ":memory:", mode: .readWrite)
        try connection.execute("CREATE TABLE t (value TEXT NOT NULL)")
    }

    private func values() throws -> [String] {
        try connection.prepare("SELECT value FROM t ORDER BY rowid").all { $0.string("value") }
    }

    @Test func aCommittedTransactionKeepsItsWritesAndARolledBackOneNone() throws {
        try connection.beginImmediate()
        #expect(connection.isInTransaction)
        try connection.execute("INSERT INTO t VALUES ('rolled back')")
        connection.rollback()
        #expect(!connection.isInTransaction)
        try connection.beginImmediate()
        try connection.execute("INSERT INTO t VALUES ('kept')")
        try connection.commit()
        #expect(try values() == ["kept"])
    }

    @Test func savepointsNestAndRollBackAlone() throws {
        try connection.beginImmediate()
        try connection.execute("INSERT INTO t VALUES ('outer')")
        try connection.savepoint()
        try connection.execute("INSERT INTO t VALUES ('released')")
        try connection.savepoint()
        try connection.execute("INSERT INTO t VALUES ('undone')")
        connection.rollbackToSavepoint()
        try connection.releaseSavepoint()
        #expect(connection.isInTransaction)
        try connection.commit()
        #expect(try values() == ["outer", "released"])
    }

    @Test func rollingBackWhenNoTransactionIsOpenDoesNothing() throws {
        connection.rollback()
        connection.rollbackToSavepoint()
        try connection.execute("INSERT INTO t VALUES ('still works')")
        #expect(try values() == ["still works"])
    }
}
