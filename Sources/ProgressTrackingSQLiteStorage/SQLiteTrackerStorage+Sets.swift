internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    private static let findSet = SQL("SELECT id, token FROM tracker_set WHERE name = :name")

    package func findSet(named name: String) throws(StorageError) -> SetIdentity? {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.findSet).first { $0.bind(name, as: ":name") } read: { row in
                SetIdentity(id: row.int64("id"), token: row.int64("token"))
            }
        }
    }

    private static let insertSet = SQL("""
        INSERT INTO tracker_set (name, token, created_at, updated_at) VALUES (:name, :token, :now, :now)
        ON CONFLICT (name) DO NOTHING
        """)

    package func createSet(named name: String, at now: Double) throws(StorageError) -> SetIdentity {
        if let set = try findSet(named: name) { return set }
        try run { () throws(SQLiteError) in
            try connection.statement(Self.insertSet).run {
                $0.bind(name, as: ":name")
                $0.bind(Self.newToken(), as: ":token")
                $0.bind(now, as: ":now")
            }
        }
        // Another connection may have removed it again between the two statements.
        guard let set = try findSet(named: name) else { throw StorageError(.missing(.trackerSet)) }
        return set
    }

    private static let allSets = SQL("SELECT id, token, name FROM tracker_set ORDER BY id")

    package func allSets() throws(StorageError) -> [NamedIdentity<SetIdentity>] {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.allSets).all { row in
                NamedIdentity(SetIdentity(id: row.int64("id"), token: row.int64("token")), name: row.string("name"))
            }
        }
    }

    private static let deleteSet = SQL("DELETE FROM tracker_set WHERE name = :name")

    package func deleteSet(named name: String) throws(StorageError) -> Bool {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.deleteSet).run { $0.bind(name, as: ":name") } > 0
        }
    }

    private static let touchSet = SQL("UPDATE tracker_set SET updated_at = :now WHERE id = :set AND token = :token")

    package func touchSet(_ set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.touchSet).run {
                $0.bind(now, as: ":now")
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            }
        }
    }

    // The set's downtime grows only while it has started and is not complete: the time
    // since its trackers' last change.
    private static let addDowntime = SQL("""
        UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
            SELECT MAX(0, :now - MAX(t.updated_at)) FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id
            WHERE t.set_id = :set
            HAVING MIN(d.started_at) IS NOT NULL AND MIN(t.current >= t.total) = 0
        ), 0)
        WHERE id = :set AND token = :token
        """)

    package func addDowntime(to set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.addDowntime).run {
                $0.bind(now, as: ":now")
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            }
        }
    }

    /// Runs a write that must change one row, and throws `.missing(entity)` if it changed none.
    func requireChange(in entity: StoredEntity, _ write: () throws(SQLiteError) -> Int) throws(StorageError) {
        guard try run(write) > 0 else { throw StorageError(.missing(entity)) }
    }
}
