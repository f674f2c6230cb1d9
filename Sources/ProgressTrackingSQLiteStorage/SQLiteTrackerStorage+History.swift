internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    private static let recordEvent = SQL("""
        INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
        SELECT t.set_id, t.id, t.name, :kind, :now, t.current, t.total, d.failed, d.skipped
        FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id
        WHERE t.id = :id AND t.token = :token
        """)

    package func recordEvent(_ kind: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.recordEvent).run {
                $0.bind(kind, as: ":kind")
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    // Unbound bounds (NULL) do not limit. One tracker's history includes the set's own events
    // (paused, resumed, cancelled), which concern every tracker of the set.
    private static let history = SQL("""
        SELECT e.tracker, e.kind, e.at, e.current, e.total, e.failed, e.skipped
        FROM tracker_event e JOIN tracker_set s ON s.id = e.set_id
        WHERE s.name = :set AND (:tracker IS NULL OR e.tracker = :tracker OR e.tracker IS NULL)
            AND (:since IS NULL OR e.at >= :since) AND (:until IS NULL OR e.at < :until)
        ORDER BY e.at, e.id
        """)

    /// - Complexity: an index range scan over the set's events.
    package func history(
        setNamed set: String, trackerNamed tracker: String?, since: Double?, until: Double?
    ) throws(StorageError) -> [EventRow] {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.history).all {
                $0.bind(set, as: ":set")
                $0.bind(tracker, as: ":tracker")
                $0.bind(since, as: ":since")
                $0.bind(until, as: ":until")
            } read: { row in
                EventRow(
                    tracker: row.optionalString("tracker"), kind: row.string("kind"), at: row.double("at"),
                    current: row.int("current"), total: row.int("total"), failed: row.int("failed"), skipped: row.int("skipped")
                )
            }
        }
    }
}
