internal import CProgressTrackingSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite connection: the `sqlite3*` handle, its prepared statements, and the statements
/// that open and close transactions.
///
/// It is opened `NOMUTEX`: SQLite does no locking of its own, because the owner lets one
/// thread at a time use it. Not `Sendable` for that reason. It keeps no transaction state of
/// its own: the owner knows how deep its transactions are nested, and SQLite knows whether
/// one is open (`isInTransaction`).
package final class Connection {
    /// How a connection opens its file.
    package enum Mode: Sendable {
        case readWrite
        case readOnly
    }

    let handle: OpaquePointer
    /// Prepared statements by `SQL.slot`; see `statement(_:)`.
    private var statements: [Statement?] = []
    /// Called by SQLite through `handle`, so they live as long as the connection.
    private var busyWait: BusyWait?
    var commitHandler: CommitHandler?

    /// Opens (and in `.readWrite` mode creates) the database at `path`; `":memory:"` is a
    /// private in-memory database. With `uri`, `path` is an SQLite URI (`file:…?…`).
    /// - Throws: `SQLiteError`, such as `.cantOpen` for a missing directory.
    package init(path: String, mode: Mode, uri: Bool = false) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        if uri { flags |= SQLITE_OPEN_URI }
        var handle: OpaquePointer?
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            // A failed open still allocates a handle, which carries the message and must be closed.
            let error = SQLiteError(result: result, handle: handle, sql: nil)
            sqlite3_close(handle)
            throw error
        }
        self.handle = handle
    }

    deinit {
        // The handle may outlive this object (below), the handlers must not.
        BusyWait.uninstall(from: handle)
        sqlite3_wal_hook(handle, nil, nil)
        // Statements are finalized after this body runs; `sqlite3_close_v2` leaves the handle
        // open until the last one is, where `sqlite3_close` would fail with SQLITE_BUSY.
        sqlite3_close_v2(handle)
    }

    // MARK: - Statements

    /// Compiles one SQL statement, for SQL that is not declared as an `SQL` (tests, pragmas).
    /// - Throws: `SQLiteError` for invalid SQL, or for text holding more than one statement.
    package func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: handle, sql: sql)
    }

    /// The statement `sql`, prepared on first use and kept for the connection's life.
    /// - Complexity: O(1) after the first use.
    package func statement(_ sql: SQL) throws(SQLiteError) -> Statement {
        if sql.slot < statements.count, let statement = statements[sql.slot] { return statement }
        let statement = try prepare(sql.text)
        if sql.slot >= statements.count {
            statements.append(contentsOf: repeatElement(nil, count: sql.slot + 1 - statements.count))
        }
        statements[sql.slot] = statement
        return statement
    }

    /// Runs SQL text that may hold several statements, such as a migration file.
    package func execute(_ script: String) throws(SQLiteError) {
        let result = sqlite3_exec(handle, script, nil, nil, nil)
        guard result == SQLITE_OK else { throw SQLiteError(result: result, handle: handle, sql: script) }
    }

    /// Runs `script` like `execute`, retrying it while it fails with `.busy`, for up to
    /// `timeout`. For the statements for which SQLite does not call the busy handler:
    /// `PRAGMA journal_mode = WAL` needs every other connection to let go of the file, and
    /// fails at once when several processes open a new file together.
    package func execute(_ script: String, retryingWhileBusyFor timeout: Duration) throws(SQLiteError) {
        let deadline = ContinuousClock.now + timeout
        while true {
            do throws(SQLiteError) {
                return try execute(script)
            } catch where error.code.primary == .busy && ContinuousClock.now < deadline {
                sqlite3_sleep(1)
            }
        }
    }

    /// Whether a transaction is open on this connection: one begun here, or SQLite's own
    /// around a statement. SQLite ends a transaction by itself after some failures (a full
    /// disk, an I/O error), which this reveals.
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Rows changed by this connection since it opened, triggers included.
    package var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

    /// Keeps the write-ahead log and its shared-memory index (`-wal`, `-shm`) when the last
    /// connection closes, instead of removing them, so that users who may read the file but
    /// not create files beside it can always read it (sqlite.org/wal.html, read-only databases).
    package func keepLogFilesOnClose() {
        var on: Int32 = 1
        sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &on)
    }

    /// Waits up to `milliseconds` for a lock held by another connection before failing with
    /// `.busy`, in short sleeps (see `BusyWait`).
    package func setBusyTimeout(milliseconds: Int32) {
        let busyWait = BusyWait(timeoutMilliseconds: milliseconds)
        busyWait.install(on: handle)
        self.busyWait = busyWait
    }
}
