internal import ProgressTrackingSQLite
internal import ProgressTrackingStorage

/// Migration 5's data step: every stored name and item key into its canonical form
/// (`String.canonical`, Unicode NFC), which SQL cannot compute, with any NUL character (which
/// names and keys may no longer hold) replaced by U+FFFD.
///
/// Two names that become one must not lose either tracker (or set). A name already in
/// canonical form keeps it; any other takes its canonical form if that is free, and else
/// that form followed by ` (2)`, ` (3)`, … (the first free, in the order the rows were
/// created), cut to fit the 255-byte limit. History rows follow their tracker. Two item keys
/// of one tracker that become one are one key: the count, which counted both, is kept.
enum CanonicalNames {
    static func apply(on connection: Connection) throws(SQLiteError) {
        let sets = try connection.prepare("SELECT id, 0 AS parent, name FROM tracker_set ORDER BY id").all(read: NamedRow.init)
        try rename(sets, in: "tracker_set", on: connection)
        let trackers = try connection.prepare("SELECT id, set_id AS parent, name FROM tracker ORDER BY id").all(read: NamedRow.init)
        try rename(trackers, in: "tracker", on: connection)
        try canonicalizeHistory(on: connection)
        try canonicalizeItemKeys(on: connection)
    }

    private struct NamedRow {
        let id: Int64
        /// Names are unique within this: the set of a tracker; 0 for sets.
        let parent: Int64
        let name: String

        init(_ row: inout Row) {
            id = row.int64("id")
            parent = row.int64("parent")
            name = row.string("name")
        }
    }

    /// Gives each row its canonical name, unique within its parent, in two passes so that no
    /// intermediate state breaks the UNIQUE constraint: first a temporary name that no real
    /// name has (a NUL byte and the id), then the final one.
    private static func rename(_ rows: [NamedRow], in table: String, on connection: Connection) throws(SQLiteError) {
        let changing = rows.filter { !stored($0.name).utf8.elementsEqual($0.name.utf8) }
        guard !changing.isEmpty else { return }
        var taken: [Int64: Set<String>] = [:]
        for row in rows where stored(row.name).utf8.elementsEqual(row.name.utf8) {
            taken[row.parent, default: []].insert(row.name)
        }
        let renames = changing.map { row in
            (id: row.id, name: uniqueName(for: stored(row.name), among: &taken[row.parent, default: []]))
        }
        let rename = try connection.prepare("UPDATE \(table) SET name = :name WHERE id = :id")
        for (id, _) in renames {
            try rename.run { $0.bind("\u{0}\(id)", as: ":name"); $0.bind(id, as: ":id") }
        }
        for (id, name) in renames {
            try rename.run { $0.bind(name, as: ":name"); $0.bind(id, as: ":id") }
        }
    }

    /// `name`, or else `name (2)`, `name (3)`, … cut to the name limit, whichever is free.
    private static func uniqueName(for name: String, among taken: inout Set<String>) -> String {
        var candidate = fitted(name, suffix: "")
        var number = 2
        while taken.contains(candidate) {
            candidate = fitted(name, suffix: " (\(number))")
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// `name` followed by `suffix`, with characters cut from the end of `name` until the whole
    /// is at most 255 UTF-8 bytes (canonical text can be longer than the text it came from).
    private static func fitted(_ name: String, suffix: String) -> String {
        var name = Substring(name)
        while name.utf8.count + suffix.utf8.count > 255 { name.removeLast() }
        return name + suffix
    }

    /// History rows carry the tracker's name at the time: its new name while it exists, the
    /// canonical one once it was removed.
    private static func canonicalizeHistory(on connection: Connection) throws(SQLiteError) {
        try connection.execute("""
            UPDATE tracker_event SET tracker = (SELECT name FROM tracker WHERE id = tracker_event.tracker_id)
            WHERE tracker_id IN (SELECT id FROM tracker) AND tracker <> (SELECT name FROM tracker WHERE id = tracker_event.tracker_id)
            """)
        let removed = try connection.prepare("""
            SELECT DISTINCT tracker AS name FROM tracker_event WHERE tracker_id NOT IN (SELECT id FROM tracker)
            """).all { $0.string("name") }
        let rename = try connection.prepare("UPDATE tracker_event SET tracker = :canonical WHERE tracker = :name AND tracker_id NOT IN (SELECT id FROM tracker)")
        for name in removed where !stored(name).utf8.elementsEqual(name.utf8) {
            try rename.run { $0.bind(stored(name), as: ":canonical"); $0.bind(name, as: ":name") }
        }
    }

    /// Only keys with a character outside printable ASCII can change; GLOB finds them fast.
    private static func canonicalizeItemKeys(on connection: Connection) throws(SQLiteError) {
        let keys = try connection.prepare("""
            SELECT tracker_id, key FROM tracker_item WHERE key GLOB '*[^ -~]*' OR instr(key, char(0)) > 0
            """).all { row in (tracker: row.int64("tracker_id"), key: row.string("key")) }
        let delete = try connection.prepare("DELETE FROM tracker_item WHERE tracker_id = :tracker AND key = :key")
        let insert = try connection.prepare("INSERT INTO tracker_item (tracker_id, key) VALUES (:tracker, :key) ON CONFLICT DO NOTHING")
        for (tracker, key) in keys where !stored(key).utf8.elementsEqual(key.utf8) {
            try delete.run { $0.bind(tracker, as: ":tracker"); $0.bind(key, as: ":key") }
            try insert.run { $0.bind(tracker, as: ":tracker"); $0.bind(stored(key), as: ":key") }
        }
    }

    /// The form a name or key is stored in from this version on.
    private static func stored(_ text: String) -> String {
        text.canonical.replacing("\u{0}", with: "\u{FFFD}")
    }
}
