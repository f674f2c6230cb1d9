internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    private static let findSet = "SELECT id, token FROM tracker_set WHERE name = $1"

    package func findSet(named name: String) throws(StorageError) -> SetIdentity? {
        try first(Self.findSet, [.text(name)]) { row throws(PostgresError) in
            SetIdentity(id: try row.next(), token: try row.next())
        }
    }

    private static let insertSet = """
        INSERT INTO tracker_set (name, token, created_at, updated_at) VALUES ($1, $2, $3, $3)
        ON CONFLICT (name) DO NOTHING
        RETURNING id, token
        """

    package func createSet(named name: String, at now: Double) throws(StorageError) -> SetIdentity {
        if let set = try findSet(named: name) { return set }
        let inserted = try first(Self.insertSet, [.text(name), .int64(Self.newToken()), .double(now)], writes: true) { row throws(PostgresError) in
            SetIdentity(id: try row.next(), token: try row.next())
        }
        if let inserted { return inserted }
        // Another connection created it since; it may have removed it again, too.
        guard let set = try findSet(named: name) else { throw StorageError(.missing(.trackerSet)) }
        return set
    }

    private static let allSets = "SELECT id, token, name FROM tracker_set ORDER BY id"

    package func allSets() throws(StorageError) -> [NamedIdentity<SetIdentity>] {
        try rows(Self.allSets) { row throws(PostgresError) in
            NamedIdentity(SetIdentity(id: try row.next(), token: try row.next()), name: try row.next())
        }
    }

    private static let deleteSet = "DELETE FROM tracker_set WHERE name = $1"

    package func deleteSet(named name: String) throws(StorageError) -> Bool {
        try change(Self.deleteSet, [.text(name)]) > 0
    }

    private static let touchSet = "UPDATE tracker_set SET updated_at = $1 WHERE id = $2 AND token = $3"

    package func touchSet(_ set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet, Self.touchSet, [.double(now), .int64(set.id), .int64(set.token)])
    }

    // The set's downtime grows only while it has started and is not complete: the time
    // since its trackers' last change.
    private static let addDowntime = """
        UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
            SELECT GREATEST(0, $1::double precision - max(updated_at)) FROM tracker WHERE set_id = $2
            HAVING min(started_at) IS NOT NULL AND NOT bool_and(current >= total)
        ), 0)
        WHERE id = $2 AND token = $3
        """

    package func addDowntime(to set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet, Self.addDowntime, [.double(now), .int64(set.id), .int64(set.token)])
    }
}
