internal import ProgressTrackingSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite connection: the `sqlite3*` handle, its pragmas, and its transactions.
///
/// It is opened `NOMUTEX`: SQLite does no locking of its own, because the owner (the store)
/// lets one thread at a time use it. Not `Sendable` for that reason.
final class Connection {
    /// How a connection opens its file.
    enum Mode {
        case readWrite
        case readOnly
    }

    let handle: OpaquePointer
    let path: String

    /// Called by SQLite through `handle`, so it lives as long as the connection.
    private var busyWait: BusyWait?

    /// 0 outside a transaction, 1 inside `BEGIN`, more inside nested savepoints.
    private var transactionDepth = 0
    private var transactionStatements: TransactionStatements?

    /// Opens (and in `.readWrite` mode creates) the file at `path`; `":memory:"` is a private in-memory database.
    /// - Throws: `SQLiteError`, such as `SQLITE_CANTOPEN` for a missing directory or a directory path.
    init(path: String, mode: Mode) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        try Self.refuseWhatSQLiteMisjudges(at: path)
        var handle: OpaquePointer?
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            // A failed open still allocates a handle, which carries the message and must be closed.
            let error = SQLiteError(handle: handle, sql: nil)
            sqlite3_close(handle)
            throw error
        }
        self.handle = handle
        self.path = path
    }

    /// Throws the error SQLite should give, but does not, for two kinds of path: a directory,
    /// which SQLite opens only to report "disk I/O error" at the first read; and a file of
    /// exactly 1 byte, which SQLite takes for an empty database and writes a new one over
    /// (its Unix layer reports such a file as empty: sqlite.org ticket #3260).
    private static func refuseWhatSQLiteMisjudges(at path: String) throws(SQLiteError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }  // A missing file: SQLite creates it or says why not.
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw SQLiteError(extendedCode: SQLiteError.cantOpenIsDirectory, message: "it is a directory")
        case S_IFREG where info.st_size == 1:
            throw SQLiteError(extendedCode: SQLITE_NOTADB, message: "file is not a database")
        default:
            return
        }
    }

    /// The statements that open and close transactions, prepared once on first use.
    private struct TransactionStatements {
        let begin, commit, rollback, savepoint, release, rollbackToSavepoint: Statement

        init(_ connection: Connection) throws(SQLiteError) {
            begin = try connection.prepare("BEGIN IMMEDIATE")
            commit = try connection.prepare("COMMIT")
            rollback = try connection.prepare("ROLLBACK")
            savepoint = try connection.prepare("SAVEPOINT nested")
            release = try connection.prepare("RELEASE nested")
            rollbackToSavepoint = try connection.prepare("ROLLBACK TO nested")
        }
    }

    deinit {
        // The handle may outlive this object (below), the busy handler must not.
        BusyWait.uninstall(from: handle)
        // Stored statements are finalized after this body runs; `sqlite3_close_v2` leaves the
        // handle open until the last one is, where `sqlite3_close` would fail with SQLITE_BUSY.
        sqlite3_close_v2(handle)
    }

    // MARK: - Statements

    /// Compiles one SQL statement for repeated use.
    /// - Throws: `SQLiteError` for invalid SQL, or for text holding more than one statement.
    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// Runs SQL text that may hold several statements, such as a migration file.
    func execute(_ script: String) throws(SQLiteError) {
        guard sqlite3_exec(handle, script, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError(handle: handle, sql: script)
        }
    }

    /// Runs `script` like `execute`, retrying it while it fails with `SQLITE_BUSY`, for up to
    /// `timeout`. For the statements for which SQLite does not call the busy handler:
    /// `PRAGMA journal_mode = WAL` needs every other connection to let go of the file, and
    /// fails at once when several processes open a new file together.
    func execute(_ script: String, retryingWhileBusyFor timeout: Duration) throws(SQLiteError) {
        let deadline = ContinuousClock.now + timeout
        while true {
            do throws(SQLiteError) {
                return try execute(script)
            } catch where error.code == SQLITE_BUSY && ContinuousClock.now < deadline {
                sqlite3_sleep(1)
            }
        }
    }

    /// Whether a transaction is open on this connection, the caller's or SQLite's own.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection (not by its triggers).
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed by this connection since it opened, triggers included.
    var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// Waits up to `milliseconds` for a lock held by another connection before failing with
    /// `SQLITE_BUSY`, in short sleeps (see `BusyWait`).
    func setBusyTimeout(milliseconds: Int32) {
        let busyWait = BusyWait(timeoutMilliseconds: milliseconds)
        busyWait.install(on: handle)
        self.busyWait = busyWait
    }

    // MARK: - Transactions

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` at the outermost level (the write lock is
    /// taken up front, so the transaction cannot fail later for want of it), a savepoint inside
    /// another transaction. Commits when `body` returns, rolls back when it throws and rethrows
    /// its error unchanged.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        let statements = try transactionStatements ?? TransactionStatements(self)
        transactionStatements = statements
        let outermost = transactionDepth == 0
        try (outermost ? statements.begin : statements.savepoint).run()
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body()
        } catch {
            undo(statements, outermost: outermost)
            throw error
        }
        do {
            try (outermost ? statements.commit : statements.release).run()
        } catch {
            undo(statements, outermost: outermost)
            throw error
        }
        return result
    }

    /// Rolls back after a failure. Its own errors are dropped: the failure that caused it is
    /// the one the caller needs, and SQLite may already have rolled back by itself (after
    /// `SQLITE_FULL`, for instance), which `sqlite3_get_autocommit` reveals.
    private func undo(_ statements: TransactionStatements, outermost: Bool) {
        if outermost {
            if sqlite3_get_autocommit(handle) == 0 { _ = try? statements.rollback.run() }
        } else {
            _ = try? statements.rollbackToSavepoint.run()
            _ = try? statements.release.run()
        }
    }
}
