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

    private static let addDowntime = SQL("""
        UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
            SELECT MAX(0, :now - changed_at) FROM tracker_set_timing
            WHERE set_id = :set AND started_at IS NOT NULL AND completed_at IS NULL
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

    private static let summary = SQL("""
        SELECT s.created_at, p.updated_at, p.tracker_count, p.overall,
            g.started_at, g.changed_at, g.completed_at, g.paused_seconds, g.items, s.state
        FROM tracker_set s
        JOIN tracker_set_progress p ON p.set_id = s.id
        JOIN tracker_set_timing g ON g.set_id = s.id
        WHERE s.id = :set AND s.token = :token
        """)

    package func summary(of set: SetIdentity) throws(StorageError) -> SetSummaryRow {
        let summary = try run { () throws(SQLiteError) in
            try connection.statement(Self.summary).first {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            } read: { row in
                SetSummaryRow(
                    createdAt: row.double("created_at"),
                    updatedAt: row.double("updated_at"),
                    trackerCount: row.int("tracker_count"),
                    overall: row.double("overall"),
                    timing: SetTimingRow(
                        startedAt: row.optionalDouble("started_at"),
                        changedAt: row.optionalDouble("changed_at"),
                        completedAt: row.optionalDouble("completed_at"),
                        pausedSeconds: row.double("paused_seconds")
                    ),
                    items: row.int("items"),
                    state: row.string("state")
                )
            }
        }
        guard let summary else { throw StorageError(.missing(.trackerSet)) }
        return summary
    }

    /// Runs a write that must change one row, and throws `.missing(entity)` if it changed none.
    func requireChange(in entity: StoredEntity, _ write: () throws(SQLiteError) -> Int) throws(StorageError) {
        guard try run(write) > 0 else { throw StorageError(.missing(entity)) }
    }
}
