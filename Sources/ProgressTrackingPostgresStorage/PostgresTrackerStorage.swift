internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

/// Tracker sets in one PostgreSQL connection: `TrackerStorage` in SQL over the schema of
/// `Migrations/PostgreSQL/`. Each statement is declared beside the Swift that binds and reads
/// it, in the extension for its topic, and prepared once per session (the wrapper keys its
/// prepared statements by their text).
///
/// Counting is done in SQL (`current = current + $1`), never read-modify-write, so hosts
/// sharing the schema lose no increment. Each transaction is READ COMMITTED: a statement
/// sees what committed before it started, and a row that must not change before the
/// transaction ends is locked (`FOR NO KEY UPDATE`), since a PostgreSQL transaction, unlike an
/// SQLite one, does not hold the whole database.
///
/// Round trips are what a call costs, so none is spent on its own: `BEGIN` and savepoints
/// wait (`deferred`) and go out with the next statement; a commit goes out with what tells
/// other hosts about it. A broken connection throws `.connectionLost` and the next call
/// reconnects; a commit whose reply was lost is resolved first (see
/// `PostgresTrackerStorage+Commits.swift`). Not `Sendable`: the service lets one thread at a
/// time use it.
package final class PostgresTrackerStorage: TrackerStorage {
    let connection: PostgresConnection
    let session: Session
    /// The session's server process, which a commit-outcome resolution must see gone.
    var backend: Session.Backend
    /// How long a commit whose reply was lost may take to resolve: reconnecting, and making
    /// sure the broken session has ended.
    let resolutionTimeout: Duration
    /// This writer's row in `writer_commit`: a random number, kept across reconnects.
    let writer = Int64.random(in: .min ... .max)
    /// The number of this writer's last commit attempt.
    var commits: Int64 = 0
    /// Statements held back to go out in the next statement's round trip: a `BEGIN`, and
    /// savepoints opened, released or rolled back.
    private var deferred: [PostgresStatement] = []
    /// The open transaction; nil when none is.
    private var transaction: Transaction?

    private struct Transaction {
        /// Whether its `BEGIN` went out: until then the server knows nothing of it.
        var begun = false
        /// Whether a statement in it wrote: only then does its commit need the commit-outcome rule.
        var wrote = false
    }

    init(connection: PostgresConnection, session: Session, backend: Session.Backend, resolutionTimeout: Duration) {
        self.connection = connection
        self.session = session
        self.backend = backend
        self.resolutionTimeout = resolutionTimeout
    }

    var isInTransaction: Bool { transaction != nil }

    // MARK: - Running statements

    /// Runs `statements` (their last one's result is returned) in the open transaction, with
    /// whatever was deferred before them, in one round trip. Outside a transaction, a read
    /// runs on its own, and a write in a transaction of its own, committed by the
    /// commit-outcome rule.
    @discardableResult
    func execute(_ statements: [PostgresStatement], writes: Bool) throws(StorageError) -> PostgresResult {
        guard transaction != nil else {
            if writes { return try alone(statements) }
            try reconnectIfBroken()
            return try postgres { () throws(PostgresError) in try connection.pipeline(statements).last! }
        }
        if transaction?.begun == false { try reconnectIfBroken() }
        let sent = deferred + statements
        deferred = []
        transaction?.begun = true
        if writes { transaction?.wrote = true }
        return try postgres { () throws(PostgresError) in try connection.pipeline(sent).last! }
    }

    @discardableResult
    func execute(_ sql: String, _ parameters: [PostgresValue] = [], writes: Bool = false) throws(StorageError) -> PostgresResult {
        try execute([PostgresStatement(sql, parameters)], writes: writes)
    }

    /// A write outside any transaction: a transaction of its own, so that its result is in
    /// before the commit, which the commit-outcome rule then makes certain.
    private func alone(_ statements: [PostgresStatement]) throws(StorageError) -> PostgresResult {
        try begin()
        do {
            let result = try execute(statements, writes: true)
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// The rows of a read, each read by `read`.
    func rows<T>(
        _ sql: String, _ parameters: [PostgresValue] = [], _ read: (inout Columns) throws(PostgresError) -> T
    ) throws(StorageError) -> [T] {
        let result = try execute(sql, parameters)
        return try postgres { () throws(PostgresError) in
            var rows: [T] = []
            rows.reserveCapacity(result.rowCount)
            for row in 0..<result.rowCount {
                var columns = Columns(result, row: row)
                rows.append(try read(&columns))
            }
            return rows
        }
    }

    /// The first row of `statements`' last one, read by `read`; nil when it has none.
    func first<T>(
        _ statements: [PostgresStatement], writes: Bool = false, _ read: (inout Columns) throws(PostgresError) -> T
    ) throws(StorageError) -> T? {
        let result = try execute(statements, writes: writes)
        guard result.rowCount > 0 else { return nil }
        return try postgres { () throws(PostgresError) in
            var columns = Columns(result, row: 0)
            return try read(&columns)
        }
    }

    func first<T>(
        _ sql: String, _ parameters: [PostgresValue] = [], writes: Bool = false, _ read: (inout Columns) throws(PostgresError) -> T
    ) throws(StorageError) -> T? {
        try first([PostgresStatement(sql, parameters)], writes: writes, read)
    }

    /// Runs a write and returns how many rows it changed.
    @discardableResult
    func change(_ sql: String, _ parameters: [PostgresValue]) throws(StorageError) -> Int {
        try execute(sql, parameters, writes: true).changedRowCount
    }

    /// Runs a write that must change one row, and throws `.missing(entity)` if it changed none.
    func requireChange(in entity: StoredEntity, _ sql: String, _ parameters: [PostgresValue]) throws(StorageError) {
        guard try change(sql, parameters) > 0 else { throw StorageError(.missing(entity)) }
    }

    /// Opens a new session if the last one broke: the next call after a loss reconnects.
    func reconnectIfBroken() throws(StorageError) {
        guard !connection.isConnected else { return }
        try postgres { () throws(PostgresError) in try reconnect() }
    }

    /// A new session, set up; closed again if it cannot be set up, so that no statement ever
    /// runs in a session without the store's settings.
    func reconnect() throws(PostgresError) {
        do {
            try connection.reconnect()
            backend = try session.apply(to: connection)
        } catch {
            connection.close()
            throw error
        }
    }

    // MARK: - Transactions

    package func begin() throws(StorageError) {
        transaction = Transaction()
        deferred = ["BEGIN"]
    }

    package func commit() throws(StorageError) {
        guard let transaction else { return }
        let pending = deferred
        self.transaction = nil
        deferred = []
        // Nothing went out: there is nothing to commit.
        guard transaction.begun else { return }
        guard transaction.wrote else {
            try postgres { () throws(PostgresError) in try connection.pipeline(pending + ["COMMIT"]) }
            return
        }
        try commitWrites(after: pending)
    }

    /// Rolls back the open transaction; a session the server already lost has none.
    package func rollback() {
        let begun = transaction?.begun ?? false
        transaction = nil
        deferred = []
        guard begun, [.open, .failed].contains(connection.transactionState) else { return }
        _ = try? connection.query("ROLLBACK")
    }

    private static let savepoint = "SAVEPOINT nested"

    package func savepoint() throws(StorageError) {
        deferred.append(PostgresStatement(Self.savepoint))
    }

    /// A savepoint that never went out is simply dropped.
    package func releaseSavepoint() throws(StorageError) {
        if deferred.last?.sql == Self.savepoint {
            deferred.removeLast()
        } else {
            deferred.append("RELEASE SAVEPOINT nested")
        }
    }

    package func rollbackToSavepoint() {
        guard transaction != nil else { return }
        if deferred.last?.sql == Self.savepoint {
            deferred.removeLast()
        } else {
            deferred += ["ROLLBACK TO SAVEPOINT nested", "RELEASE SAVEPOINT nested"]
        }
    }

    // MARK: - Time and changes

    /// The server's clock as Unix seconds, for SQL: every host stamps times with it.
    static let serverClock = "EXTRACT(epoch FROM clock_timestamp())::double precision"

    private static let now = "SELECT \(serverClock)"

    /// The server's clock: one clock for every host that writes the store.
    package func now() throws(StorageError) -> Double {
        try first(Self.now) { row throws(PostgresError) in try row.next(Double.self) } ?? 0
    }

    private static let changeToken = "SELECT last_value FROM change_counter"

    /// `change_counter` moves right after every commit that wrote, from any host; reading
    /// it is one row of one relation.
    package func changeToken() throws(StorageError) -> StorageChangeToken {
        let version = try first(Self.changeToken) { row throws(PostgresError) in try row.next(Int64.self) } ?? 0
        return StorageChangeToken(version: version, localChanges: 0)
    }

    /// A new random identity token (see `SetIdentity`).
    static func newToken() -> Int64 {
        Int64.random(in: .min ... .max)
    }
}
