internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    private static let findTracker = """
        SELECT t.id, t.token FROM tracker t JOIN tracker_set s ON s.id = t.set_id
        WHERE t.set_id = $1 AND s.token = $2 AND t.name = $3
        """

    package func findTracker(named name: String, in set: SetIdentity) throws(StorageError) -> TrackerIdentity? {
        try first(Self.findTracker, [.int64(set.id), .int64(set.token), .text(name)]) { row throws(PostgresError) in
            TrackerIdentity(id: try row.next(), token: try row.next())
        }
    }

    private static let trackers = """
        SELECT t.id, t.token, t.name FROM tracker t JOIN tracker_set s ON s.id = t.set_id
        WHERE t.set_id = $1 AND s.token = $2 ORDER BY t.id
        """

    package func trackers(in set: SetIdentity) throws(StorageError) -> [NamedIdentity<TrackerIdentity>] {
        try rows(Self.trackers, [.int64(set.id), .int64(set.token)]) { row throws(PostgresError) in
            NamedIdentity(TrackerIdentity(id: try row.next(), token: try row.next()), name: try row.next())
        }
    }

    // The set's row is locked (FOR KEY SHARE, as the foreign key's own check does) by the test
    // that it exists: a set removed meanwhile by another transaction is then seen gone, and
    // the foreign key never fails, which would abort the caller's transaction.
    private static let insertTracker = """
        INSERT INTO tracker (set_id, name, token, total, weight, created_at, updated_at)
        SELECT $1, $2, $3, $4, $5, $6, $6
        WHERE EXISTS (SELECT 1 FROM tracker_set WHERE id = $1 AND token = $7 FOR KEY SHARE)
        ON CONFLICT (set_id, name) DO NOTHING
        RETURNING id
        """

    /// In READ COMMITTED, an insert of a name that another transaction is inserting waits for
    /// it, and then inserts nothing if it committed: processes opening one name get one tracker.
    package func insertTracker(
        named name: String, in set: SetIdentity, total: Int, weight: Double?, at now: Double
    ) throws(StorageError) -> TrackerIdentity {
        let token = Self.newToken()
        let id = try first(
            Self.insertTracker,
            [.int64(set.id), .text(name), .int64(token), .int64(Int64(total)), weight.map { .double($0) } ?? .null, .double(now), .int64(set.token)],
            writes: true
        ) { row throws(PostgresError) in try row.next(Int64.self) }
        if let id { return TrackerIdentity(id: id, token: token) }
        // Nothing inserted: the name is taken, or the set is gone.
        throw StorageError(try findTracker(named: name, in: set) == nil ? .missing(.trackerSet) : .exists)
    }

    private static let setWeight = "UPDATE tracker SET weight = $1 WHERE id = $2 AND token = $3"

    package func setWeight(_ weight: Double, of tracker: TrackerIdentity) throws(StorageError) {
        try requireChange(in: .tracker, Self.setWeight, [.double(weight), .int64(tracker.id), .int64(tracker.token)])
    }

    private static let deleteTracker = "DELETE FROM tracker WHERE id = $1 AND token = $2"

    package func deleteTracker(_ tracker: TrackerIdentity) throws(StorageError) {
        try requireChange(in: .tracker, Self.deleteTracker, [.int64(tracker.id), .int64(tracker.token)])
    }

    private static let values = "SELECT current, total, weight, percent FROM tracker_progress WHERE id = $1 AND token = $2"

    package func values(of tracker: TrackerIdentity) throws(StorageError) -> TrackerValues {
        let values = try first(Self.values, [.int64(tracker.id), .int64(tracker.token)]) { row throws(PostgresError) in
            TrackerValues(current: try row.next(), total: try row.next(), weight: try row.next(), percent: try row.next())
        }
        guard let values else { throw StorageError(.missing(.tracker)) }
        return values
    }

    private static let state = """
        SELECT t.set_id, s.token, t.current, t.total, t.started_at, t.completed_at, t.quiet_until, t.updated_at
        FROM tracker t JOIN tracker_set s ON s.id = t.set_id
        WHERE t.id = $1 AND t.token = $2
        """
    private static let lockedState = state + " FOR NO KEY UPDATE OF t"

    /// In a transaction the tracker's row is locked until it ends, as an UPDATE would lock it
    /// (`FOR NO KEY UPDATE`, which still lets other transactions insert the tracker's item keys):
    /// no other connection changes the state read here before this transaction's change to it.
    package func state(of tracker: TrackerIdentity) throws(StorageError) -> TrackerState {
        let sql = isInTransaction ? Self.lockedState : Self.state
        let state = try first(sql, [.int64(tracker.id), .int64(tracker.token)]) { row throws(PostgresError) in
            TrackerState(
                set: SetIdentity(id: try row.next(), token: try row.next()),
                current: try row.next(),
                total: try row.next(),
                startedAt: try row.next(),
                completedAt: try row.next(),
                quietUntil: try row.next(),
                updatedAt: try row.next()
            )
        }
        guard let state else { throw StorageError(.missing(.tracker)) }
        return state
    }
}
