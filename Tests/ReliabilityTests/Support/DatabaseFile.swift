@testable import ProgressTracking

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
        let connection = try Connection(path: path, mode: .readOnly)
        return try connection.rows("PRAGMA integrity_check").joined(separator: "\n")
    }

    /// How many item keys the tracker `tracker` of set `set` has stored.
    func itemKeyCount(set: String, tracker: String) throws -> Int {
        let sql = """
            SELECT count(*) FROM tracker_item i JOIN tracker t ON t.id = i.tracker_id
            JOIN tracker_set s ON s.id = t.set_id WHERE s.name = '\(set)' AND t.name = '\(tracker)'
            """
        return try Connection(path: path, mode: .readOnly).rows(sql).first.flatMap { Int($0) } ?? 0
    }
}

/// Settings of a store's own connection, which a second connection would not see.
extension ProgressStore {
    /// A pragma's value as the store's connection has it, such as "synchronous".
    func pragma(_ name: String) throws -> String {
        try database.perform { try $0.connection.rows("PRAGMA \(name)").first ?? "" }
    }

    /// Fills the disk, as far as this store can tell: the file may not grow past its
    /// current size, so a write that needs a new page fails with SQLITE_FULL.
    func fillDisk() throws {
        try database.perform { try $0.connection.execute("PRAGMA max_page_count = 1") }
    }

    /// Gives the file room to grow again.
    func freeDisk() throws {
        try database.perform { try $0.connection.execute("PRAGMA max_page_count = 1073741823") }
    }
}

extension Connection {
    /// The first column of every row of `sql`, as text.
    func rows(_ sql: String) throws -> [String] {
        try withExtendedLifetime(self) {
            let statement = try prepare(sql)
            var rows: [String] = []
            while try statement.step() { rows.append(statement.string(at: 0)) }
            return rows
        }
    }
}
