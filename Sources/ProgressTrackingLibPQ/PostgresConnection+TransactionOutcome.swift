// MARK: - Knowing whether a COMMIT whose reply was lost took effect
//
// A COMMIT can reach the server and commit while its reply is lost with the connection. The
// way out (issue 14): learn the transaction's ID before sending COMMIT, and after reconnecting
// ask the server what became of that ID. The ID must arrive in a reply that precedes the
// COMMIT, so a write costs two round trips: `beginTransaction(pipelining:)` (BEGIN, the work
// and `pg_current_xact_id()` together), then COMMIT.
//
// Pipeline mode rather than one multi-statement simple query (`BEGIN; …; SELECT
// pg_current_xact_id()`): both take one round trip, but only the extended protocol carries
// parameters and reuses prepared statements, and the work is made of parameterized statements.
//
// After a lost COMMIT reply, the owner reconnects and calls `outcome(of:)`. `inProgress`
// means the old session still lives on the server (it has not yet noticed the loss); end it
// first with `SELECT pg_terminate_backend($1, $2)` (the old `backendProcessID`, a timeout in
// milliseconds: PostgreSQL 14+ waits for it to exit), then ask again: a session that exits
// aborts its open transaction.

/// A transaction's ID as `pg_current_xact_id()` gives it: 64 bits, the epoch in the high 32,
/// so it is never reused.
package struct TransactionID: Hashable, Sendable, CustomStringConvertible, PostgresDecodable {
    package let rawValue: UInt64

    package init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `xid8` text: decimal digits.
    package init?(postgresText text: UnsafeBufferPointer<UInt8>?) {
        guard let text, let value = UInt64(String(decoding: text, as: UTF8.self)) else { return nil }
        rawValue = value
    }

    package var description: String { String(rawValue) }
}

/// What became of a transaction, as `pg_xact_status()` reports it.
package enum TransactionOutcome: String, Sendable {
    case committed
    case aborted
    /// Still open in some session; may yet commit.
    case inProgress = "in progress"
}

extension PostgresConnection {
    /// Opens a transaction and runs `statements` in it, and learns the transaction's ID, all
    /// in one round trip: `begin`, the statements, then `SELECT pg_current_xact_id()`.
    ///
    /// `pg_current_xact_id()` assigns an ID if the transaction has none yet, so use this for
    /// transactions that write.
    /// - Parameters:
    ///   - begin: the statement that opens the transaction, such as
    ///     `"BEGIN ISOLATION LEVEL REPEATABLE READ"`.
    /// - Returns: the statements' results, in order, and the transaction's ID.
    /// - Throws: `invalidArgument` when a transaction is already open (its ID would not be
    ///   this one's); otherwise like `pipeline(_:)`, in which case the transaction is aborted,
    ///   or, with `connectionLost`, was never committed.
    /// - Complexity: one round trip.
    package func beginTransaction(
        pipelining statements: [PostgresStatement], begin: PostgresStatement = "BEGIN"
    ) throws(PostgresError) -> (results: [PostgresResult], transactionID: TransactionID) {
        guard transactionState != .open, transactionState != .failed else {
            throw PostgresError(
                .invalidArgument, message: "a transaction is already open on this connection", sql: begin.sql,
                connection: description)
        }
        var results = try pipeline([begin] + statements + ["SELECT pg_current_xact_id()"])
        let transactionID = try results.removeLast().value(TransactionID.self, row: 0, column: 0)
        results.removeFirst()
        return (results, transactionID)
    }

    /// What became of `transaction`, a transaction of this database.
    /// - Throws: `unexpectedValue` when the server cannot tell (`pg_xact_status` is NULL for
    ///   an ID older than the commit log it keeps, or from another epoch); `statementFailed`
    ///   with `invalidParameterValue` for an ID it has not reached yet; otherwise like `query(_:_:)`.
    /// - Complexity: one round trip.
    package func outcome(of transaction: TransactionID) throws(PostgresError) -> TransactionOutcome {
        let result = try query("SELECT pg_xact_status($1::xid8)", [.text(transaction.description)])
        let status = try result.value(String?.self, row: 0, column: 0)
        guard let status, let outcome = TransactionOutcome(rawValue: status) else {
            throw PostgresError(
                .unexpectedValue, message: "pg_xact_status(\(transaction)) is \(status ?? "NULL")",
                sql: result.sql, connection: description)
        }
        return outcome
    }
}
