@testable import ProgressTracking

/// What the library deliberately does not offer, read from the file with SQL of the tests'
/// own: its integrity, and the item keys stored. The one place these tests write SQL.
struct DatabaseFile {
    let path: String

    /// `PRAGMA integrity_check`: "ok", or the damage found.
    func integrity() throws -> String {
        try rows("PRAGMA integrity_check").joined(separator: "\n")
    }

    /// How many item keys the tracker `tracker` of set `set` has stored.
    func itemKeyCount(set: String, tracker: String) throws -> Int {
        let sql = """
            SELECT count(*) FROM tracker_item i JOIN tracker t ON t.id = i.tracker_id
            JOIN tracker_set s ON s.id = t.set_id WHERE s.name = '\(set)' AND t.name = '\(tracker)'
            """
        return try rows(sql).first.flatMap { Int($0) } ?? 0
    }

    private func rows(_ sql: String) throws -> [String] {
        let connection = try Connection(path: path, mode: .readOnly)
        return try withExtendedLifetime(connection) {
            let statement = try connection.prepare(sql)
            var rows: [String] = []
            while try statement.step() { rows.append(statement.string(at: 0)) }
            return rows
        }
    }
}
