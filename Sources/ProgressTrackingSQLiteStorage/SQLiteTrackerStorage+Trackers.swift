internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    private static let findTracker = SQL("""
        SELECT t.id, t.token FROM tracker t JOIN tracker_set s ON s.id = t.set_id
        WHERE t.set_id = :set AND s.token = :set_token AND t.name = :name
        """)

    package func findTracker(named name: String, in set: SetIdentity) throws(StorageError) -> TrackerIdentity? {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.findTracker).first {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":set_token")
                $0.bind(name, as: ":name")
            } read: { row in
                TrackerIdentity(id: row.int64("id"), token: row.int64("token"))
            }
        }
    }

    private static let trackers = SQL("""
        SELECT t.id, t.token, t.name FROM tracker t JOIN tracker_set s ON s.id = t.set_id
        WHERE t.set_id = :set AND s.token = :set_token ORDER BY t.id
        """)

    package func trackers(in set: SetIdentity) throws(StorageError) -> [NamedIdentity<TrackerIdentity>] {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.trackers).all {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":set_token")
            } read: { row in
                NamedIdentity(TrackerIdentity(id: row.int64("id"), token: row.int64("token")), name: row.string("name"))
            }
        }
    }

    // The trigger `tracker_detail_created` adds the tracker's detail row, created now.
    private static let insertTracker = SQL("""
        INSERT INTO tracker (set_id, name, token, total, weight, updated_at)
        SELECT :set, :name, :token, :total, :weight, :now
        WHERE EXISTS (SELECT 1 FROM tracker_set WHERE id = :set AND token = :set_token)
        ON CONFLICT (set_id, name) DO NOTHING
        RETURNING id
        """)

    package func insertTracker(
        named name: String, in set: SetIdentity, total: Int, weight: Double?, at now: Double
    ) throws(StorageError) -> TrackerIdentity {
        let token = Self.newToken()
        let id = try run { () throws(SQLiteError) in
            try connection.statement(Self.insertTracker).first {
                $0.bind(set.id, as: ":set")
                $0.bind(name, as: ":name")
                $0.bind(token, as: ":token")
                $0.bind(total, as: ":total")
                $0.bind(weight, as: ":weight")
                $0.bind(now, as: ":now")
                $0.bind(set.token, as: ":set_token")
            } read: { $0.int64("id") }
        }
        if let id { return TrackerIdentity(id: id, token: token) }
        // Nothing inserted: the name is taken, or the set is gone.
        throw StorageError(try findTracker(named: name, in: set) == nil ? .missing(.trackerSet) : .exists)
    }

    private static let setWeight = SQL("UPDATE tracker SET weight = :weight WHERE id = :id AND token = :token")

    package func setWeight(_ weight: Double, of tracker: TrackerIdentity) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.setWeight).run {
                $0.bind(weight, as: ":weight")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let deleteTracker = SQL("DELETE FROM tracker WHERE id = :id AND token = :token")

    package func deleteTracker(_ tracker: TrackerIdentity) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.deleteTracker).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let values = SQL(
        "SELECT current, total, weight, percent FROM tracker_progress WHERE id = :id AND token = :token"
    )

    package func values(of tracker: TrackerIdentity) throws(StorageError) -> TrackerValues {
        let values = try run { () throws(SQLiteError) in
            try connection.statement(Self.values).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } read: { row in
                TrackerValues(
                    current: row.int("current"), total: row.int("total"),
                    weight: row.optionalDouble("weight"), percent: row.double("percent")
                )
            }
        }
        guard let values else { throw StorageError(.missing(.tracker)) }
        return values
    }

    private static let state = SQL("""
        SELECT t.set_id, s.token AS set_token, t.current, t.total, d.started_at, t.completed_at, t.quiet_until, t.updated_at
        FROM tracker t JOIN tracker_set s ON s.id = t.set_id JOIN tracker_detail d ON d.tracker_id = t.id
        WHERE t.id = :id AND t.token = :token
        """)

    /// SQLite's write transactions hold the whole file, so the state read in one stays true
    /// until it ends.
    package func state(of tracker: TrackerIdentity) throws(StorageError) -> TrackerState {
        let state = try run { () throws(SQLiteError) in
            try connection.statement(Self.state).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } read: { row in
                TrackerState(
                    set: SetIdentity(id: row.int64("set_id"), token: row.int64("set_token")),
                    current: row.int("current"),
                    total: row.int("total"),
                    startedAt: row.optionalDouble("started_at"),
                    completedAt: row.optionalDouble("completed_at"),
                    quietUntil: row.optionalDouble("quiet_until"),
                    updatedAt: row.double("updated_at")
                )
            }
        }
        guard let state else { throw StorageError(.missing(.tracker)) }
        return state
    }
}
