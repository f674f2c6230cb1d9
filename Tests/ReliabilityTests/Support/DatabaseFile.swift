@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage
import ProgressTrackingStorage

/// What the library deliberately does not offer, read from the file with SQL of the tests'
/// own: its integrity, and the item keys stored. This file is the one place tests write SQL.
struct DatabaseFile {
    let path: String

    /// Creates the file with an older version's schema.
    func create(atSchemaVersion version: Int) throws {
        try Migrator.migrate(Connection(path: path, mode: .readWrite), upTo: version)
    }

    func schemaVersion() throws -> Int {
        try Migrator.schemaVersion(of: Connection(path: path, mode: .readOnly))
    }

    /// `PRAGMA integrity_check`: "ok", or the damage found.
    func integrity() throws -> String {
        try Connection(path: path, mode: .readOnly).column("integrity_check", of: "PRAGMA integrity_check").joined(separator: "\n")
    }

    /// How many item keys the tracker `tracker` of set `set` has stored.
    func itemKeyCount(set: String, tracker: String) throws -> Int {
        let sql = """
            SELECT count(*) AS keys FROM tracker_item i JOIN tracker t ON t.id = i.tracker_id
            JOIN tracker_set s ON s.id = t.set_id WHERE s.name = '\(set)' AND t.name = '\(tracker)'
            """
        return try Connection(path: path, mode: .readOnly).column("keys", of: sql).first.flatMap { Int($0) } ?? 0
    }
}

/// Settings of a store's own connection, which a second connection would not see.
extension ProgressStore {
    /// A pragma's value as the store's writer connection has it, such as "synchronous".
    func pragma(_ name: StaticString) throws -> String {
        try onWriterConnection { try $0.column(name, of: "PRAGMA \(name)").first ?? "" }
    }

    /// Fills the disk, as far as this store can tell: the file may not grow past its
    /// current size, so a write that needs a new page fails with SQLITE_FULL.
    func fillDisk() throws {
        try onWriterConnection { try $0.execute("PRAGMA max_page_count = 1") }
    }

    /// Gives the file room to grow again.
    func freeDisk() throws {
        try onWriterConnection { try $0.execute("PRAGMA max_page_count = 1073741823") }
    }

    /// Runs `body` with the store's writer connection, holding the writer.
    func onWriterConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        var result: Result<T, any Error>?
        try connections.write(.store) { storage throws(StorageError) in
            result = Result { try body((storage as! SQLiteTrackerStorage).connection) }
        }
        return try result!.get()
    }
}

extension Connection {
    /// The column `name` of every row of `sql` (a one-column query), as text.
    func column(_ name: StaticString, of sql: String) throws -> [String] {
        try prepare(sql).all { $0.string(name) }
    }
}
