internal import ProgressTrackingSQLite
package import ProgressTrackingStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tracker sets in one SQLite connection: `TrackerStorage` in SQL over the schema of
/// `Migrations/SQLite/`. Each statement is declared beside the Swift that binds and reads it,
/// in the extension for its topic.
///
/// Counting is done in SQL (`current = current + :amount`), never read-modify-write, so
/// processes sharing the file lose no increment. Not `Sendable`: the service lets one thread
/// at a time use it.
package final class SQLiteTrackerStorage: TrackerStorage {
    /// Not private: tests set up faults on a store's own connection, such as a full disk with
    /// `PRAGMA max_page_count`, which holds for one connection only.
    private(set) var connection: Connection
    /// How a reader opens and reads the file (see `ReadAccess`); nil for a writer, and for a
    /// reader that needs no care (an empty store in memory).
    private let readAccess: ReadAccess?
    private var readMode: ReadAccess.Mode
    /// A writer's checkpoints, off its commits; nil for readers and in-memory stores.
    private let checkpointer: Checkpointer?

    init(connection: Connection, checkpointer: Checkpointer? = nil) {
        self.connection = connection
        self.checkpointer = checkpointer
        readAccess = nil
        readMode = .plain
        if let checkpointer { connection.onCommit(checkpointer.noteCommit) }
    }

    deinit {
        // Before the writer's connection: the last connection to close checkpoints the log.
        checkpointer?.close()
    }

    /// A reader of the file `readAccess` names.
    init(reading readAccess: ReadAccess) throws(SQLiteError) {
        (connection, readMode) = try readAccess.open()
        self.readAccess = readAccess
        checkpointer = nil
    }

    /// Runs one statement's worth of work, `body`, translating its SQLite failure. A reader
    /// also waits out a writer's recovery of the log, up to the busy timeout, and checks that
    /// an immutable read read a file no writer touched, reading again otherwise.
    @discardableResult
    func run<T>(_ body: () throws(SQLiteError) -> T) throws(StorageError) -> T {
        guard let readAccess else { return try sqlite(body) }
        let deadline = ContinuousClock.now + readAccess.busyTimeout
        while true {
            do throws(SQLiteError) {
                let before = readMode == .immutable ? readAccess.fingerprint() : nil
                if let before, !before.hasLog {
                    let result = try body()
                    if readAccess.fingerprint() == before { return result }
                } else if before == nil {
                    return try body()
                }
                // A writer began: read again through the index, as the file now needs.
                guard ContinuousClock.now < deadline else { throw SQLiteError(code: .busy, message: "the file kept changing under an immutable read") }
                (connection, readMode) = try readAccess.open()
            } catch where ReadAccess.isTransient(error) && ContinuousClock.now < deadline {
                usleep(1_000)
            } catch {
                throw StorageError(error)
            }
        }
    }

    // MARK: - Transactions

    package func begin() throws(StorageError) {
        try run { () throws(SQLiteError) in try connection.beginImmediate() }
    }

    package func commit() throws(StorageError) {
        try run { () throws(SQLiteError) in try connection.commit() }
    }

    package func rollback() {
        connection.rollback()
    }

    package func savepoint() throws(StorageError) {
        try run { () throws(SQLiteError) in try connection.savepoint() }
    }

    package func releaseSavepoint() throws(StorageError) {
        try run { () throws(SQLiteError) in try connection.releaseSavepoint() }
    }

    package func rollbackToSavepoint() {
        connection.rollbackToSavepoint()
    }

    // MARK: - Time and changes

    /// The system's clock: every writer of a file runs on the file's host, under one clock.
    package func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    private static let dataVersion = SQL("PRAGMA data_version")

    /// `data_version` moves on commits by other connections only; `total_changes` covers this one's.
    package func changeToken() throws(StorageError) -> StorageChangeToken {
        let version = try run { () throws(SQLiteError) in
            try connection.statement(Self.dataVersion).first { $0.int64("data_version") } ?? 0
        }
        return StorageChangeToken(version: version, localChanges: Int64(connection.totalChanges))
    }

    /// A new random identity token (see `SetIdentity`).
    static func newToken() -> Int64 {
        Int64.random(in: .min ... .max)
    }
}
