internal import ProgressTrackingSQLite
package import ProgressTrackingStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the connections of a store kept in one SQLite file (or a private in-memory database).
package struct SQLiteConnector: StorageConnector {
    /// The path of an in-memory database, private to its one connection.
    package static let inMemoryPath = ":memory:"

    /// The size, in bytes, the write-ahead log is cut back to after a checkpoint resets it
    /// (see `Checkpointer`, which keeps the log near it).
    static let logSizeLimit = 16 << 20

    package let path: String
    /// Whether every commit waits for the disk (`synchronous = FULL`), so that it survives
    /// power loss; else `NORMAL`, which survives a killed process.
    package let waitsForDisk: Bool
    package let busyTimeout: Duration

    package init(path: String, waitsForDisk: Bool, busyTimeout: Duration) {
        self.path = path
        self.waitsForDisk = waitsForDisk
        self.busyTimeout = busyTimeout
    }

    package var location: String { path }

    package var allowsReaders: Bool { path != Self.inMemoryPath }

    /// Opens (creating the file if absent) and migrates it to the latest schema. The version
    /// is read before anything is written, so a refused file is left unchanged.
    package func openWriter() throws(StorageError) -> any TrackerStorage {
        try checkPath(mustExist: false)
        let connection = try openWriting()
        let state = try sqlite { () throws(SQLiteError) in try Migrator.schemaState(of: connection) }
        if let refusal = Self.refusal(state) { throw refusal }
        try sqlite { () throws(SQLiteError) in
            // Off by default and per connection; it makes removals cascade.
            try connection.execute("PRAGMA foreign_keys = ON")
            guard path != Self.inMemoryPath else { return }
            connection.keepLogFilesOnClose()
            try connection.execute("PRAGMA journal_mode = WAL", retryingWhileBusyFor: busyTimeout)
            // Any limit also empties the kept log when the last connection closes, so that the
            // file alone then holds every committed page.
            try connection.execute("PRAGMA journal_size_limit = \(Self.logSizeLimit)")
            try connection.execute("PRAGMA synchronous = \(waitsForDisk ? "FULL" : "NORMAL")")
        }
        do {
            try Migrator.migrate(connection)
        } catch where error.code == .error {
            // The script failed on the file's own schema (a table it names is not there): the
            // file is not the store its version says it is.
            throw StorageError(.notAProgressStore)
        } catch {
            throw StorageError(error)
        }
        guard path != Self.inMemoryPath else { return SQLiteTrackerStorage(connection: connection) }
        return SQLiteTrackerStorage(connection: connection, checkpointer: Checkpointer(path: path))
    }

    /// Opens the file read-only: it must exist, with the latest schema. An empty file reads
    /// as an empty store, as it is one for writers. A user who may not write the file reads
    /// it without creating any file beside it (see `ReadAccess`).
    package func openReader() throws(StorageError) -> any TrackerStorage {
        try checkPath(mustExist: true)
        let reader = try sqlite { () throws(SQLiteError) in
            try SQLiteTrackerStorage(reading: ReadAccess(path: path, busyTimeout: busyTimeout))
        }
        let state = try reader.run { () throws(SQLiteError) in try Migrator.schemaState(of: reader.connection) }
        if let refusal = Self.refusal(state) { throw refusal }
        if state.isEmpty {
            // No schema yet: no sets. An empty migrated database in memory says so.
            return try sqlite { () throws(SQLiteError) in
                let empty = try Connection(path: Self.inMemoryPath, mode: .readWrite)
                try Migrator.migrate(empty)
                return SQLiteTrackerStorage(connection: empty)
            }
        }
        guard state.version == Migration.latestVersion else {
            throw StorageError(.outdatedSchema(version: state.version, supported: Migration.latestVersion))
        }
        return reader
    }

    private func openWriting() throws(StorageError) -> Connection {
        let connection = try sqlite { () throws(SQLiteError) in try Connection(path: path, mode: .readWrite) }
        connection.setBusyTimeout(milliseconds: Int32(clamping: busyTimeout.milliseconds))
        return connection
    }

    /// Why a file with this schema is not a store this code may open, if it is not: a newer
    /// version, or a schema that is not a progress store's (another program's tables, a
    /// version but none of the tables every version has, a negative version).
    private static func refusal(_ state: Migrator.SchemaState) -> StorageError? {
        if state.version > Migration.latestVersion {
            return StorageError(.newerSchema(version: state.version, supported: Migration.latestVersion))
        }
        switch state.version {
        case 0 where !state.isEmpty, ..<0: return StorageError(.notAProgressStore)
        case 1... where !state.hasCoreTables: return StorageError(.notAProgressStore)
        default: return nil
        }
    }

    /// Refuses, before SQLite sees it, a path SQLite would misjudge: an empty path (SQLite's
    /// temporary database, gone on close), a directory (which SQLite opens only to report an
    /// I/O error at the first read), a device, pipe or socket (where SQLite would write a
    /// journal beside it), and a file of exactly 1 byte, which SQLite takes for an empty
    /// database and writes a new one over (its Unix layer reports such a file as empty:
    /// sqlite.org ticket #3260).
    private func checkPath(mustExist: Bool) throws(StorageError) {
        guard !path.isEmpty else { throw StorageError(.cannotOpen(reason: "the path is empty")) }
        guard path != Self.inMemoryPath else { return }
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A missing file: a writer creates it, in a directory that exists.
            let directory = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : "."
            if stat(directory, &info) != 0 { throw StorageError(.cannotOpen(reason: "no such directory")) }
            if mustExist { throw StorageError(.cannotOpen(reason: "no such file")) }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if info.st_size == 1 { throw StorageError(.notADatabase) }
            // SQLite would open it read-only without a word, and fail at the first write.
            if !mustExist, access(path, W_OK) != 0 { throw StorageError(.cannotOpen(reason: "no permission to write it")) }
        case S_IFDIR:
            throw StorageError(.cannotOpen(reason: "it is a directory"))
        default:
            throw StorageError(.cannotOpen(reason: "it is not a regular file"))
        }
    }
}
