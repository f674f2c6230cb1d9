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
        let connection = try open(.readWrite)
        let (version, isEmpty) = try sqlite { () throws(SQLiteError) in try Migrator.schemaState(of: connection) }
        if let refusal = Self.refusal(version: version, isEmpty: isEmpty) { throw refusal }
        return try sqlite { () throws(SQLiteError) in
            // Off by default and per connection; it makes removals cascade.
            try connection.execute("PRAGMA foreign_keys = ON")
            guard path != Self.inMemoryPath else {
                try Migrator.migrate(connection)
                return SQLiteTrackerStorage(connection: connection)
            }
            try connection.execute("PRAGMA journal_mode = WAL", retryingWhileBusyFor: busyTimeout)
            try connection.execute("PRAGMA synchronous = \(waitsForDisk ? "FULL" : "NORMAL")")
            try Migrator.migrate(connection)
            return SQLiteTrackerStorage(connection: connection)
        }
    }

    /// Opens the file read-only: it must exist, with the latest schema. An empty file reads
    /// as an empty store, as it is one for writers.
    package func openReader() throws(StorageError) -> any TrackerStorage {
        try checkPath(mustExist: true)
        let connection = try open(.readOnly)
        let (version, isEmpty) = try sqlite { () throws(SQLiteError) in try Migrator.schemaState(of: connection) }
        if let refusal = Self.refusal(version: version, isEmpty: isEmpty) { throw refusal }
        if isEmpty {
            // No schema yet: no sets. An empty migrated database in memory says so.
            return try sqlite { () throws(SQLiteError) in
                let empty = try Connection(path: Self.inMemoryPath, mode: .readWrite)
                try Migrator.migrate(empty)
                return SQLiteTrackerStorage(connection: empty)
            }
        }
        guard version == Migration.latestVersion else {
            throw StorageError(.outdatedSchema(version: version, supported: Migration.latestVersion))
        }
        return SQLiteTrackerStorage(connection: connection)
    }

    private func open(_ mode: Connection.Mode) throws(StorageError) -> Connection {
        let connection = try sqlite { () throws(SQLiteError) in try Connection(path: path, mode: mode) }
        connection.setBusyTimeout(milliseconds: Int32(clamping: busyTimeout.milliseconds))
        return connection
    }

    /// Why a file at this schema state is not a store this code may open, if it is not.
    private static func refusal(version: Int, isEmpty: Bool) -> StorageError? {
        if version > Migration.latestVersion {
            return StorageError(.newerSchema(version: version, supported: Migration.latestVersion))
        }
        if version == 0, !isEmpty { return StorageError(.notAProgressStore) }
        return nil
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
        case S_IFDIR:
            throw StorageError(.cannotOpen(reason: "it is a directory"))
        default:
            throw StorageError(.cannotOpen(reason: "it is not a regular file"))
        }
    }
}
