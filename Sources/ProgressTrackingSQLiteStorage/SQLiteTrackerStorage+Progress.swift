internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_overall` of `Migrations/SQLite/`, its one definition, which these read.
extension SQLiteTrackerStorage {
    // The set's token is checked by a scalar subquery, which SQLite evaluates once, so that
    // the view's `WHERE set_id = :set` still reaches only that set's trackers.
    private static let overall = SQL("""
        SELECT overall FROM tracker_set_overall
        WHERE set_id = :set AND (SELECT token FROM tracker_set WHERE id = :set) = :token
        """)

    package func overall(of set: SetIdentity) throws(StorageError) -> Double {
        let overall = try run { () throws(SQLiteError) in
            try connection.statement(Self.overall).first {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            } read: { $0.double("overall") }
        }
        guard let overall else { throw StorageError(.missing(.trackerSet)) }
        return overall
    }

    /// One tracker's status columns, from `tracker_progress t` and its cursor `c`.
    private static let trackerColumns = """
        t.name, t.current, t.total, t.percent, t.effective_weight, t.started_at, t.updated_at,
        t.completed_at, t.paused_seconds, t.rate_base_at, t.rate_base_current, t.failed, t.skipped,
        c.value AS cursor
        """

    // One statement, so that the rows and the overall come from one snapshot: the set's row
    // with its overall (part 0), then its trackers in creation order (part 1), which the
    // index on set_id gives without a sort.
    private static let status = SQL("""
        SELECT 0 AS part, o.overall, s.state, s.created_at AS set_created_at, s.updated_at AS set_updated_at,
            s.paused_seconds AS set_paused_seconds,
            NULL AS name, NULL AS current, NULL AS total, NULL AS percent, NULL AS effective_weight,
            NULL AS started_at, NULL AS updated_at, NULL AS completed_at, NULL AS paused_seconds,
            NULL AS rate_base_at, NULL AS rate_base_current, NULL AS failed, NULL AS skipped, NULL AS cursor
        FROM tracker_set s JOIN tracker_set_overall o ON o.set_id = s.id
        WHERE s.id = :set AND s.token = :token
        UNION ALL
        SELECT * FROM (
            SELECT 1, NULL, NULL, NULL, NULL, NULL, \(trackerColumns)
            FROM tracker_progress t LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
            WHERE t.set_id = :set AND (SELECT token FROM tracker_set WHERE id = :set) = :token
            ORDER BY t.id
        )
        """)

    package func status(of set: SetIdentity) throws(StorageError) -> SetStatusRow {
        var status: SetStatusRow?
        var trackers: [TrackerStatusRow] = []
        try run { () throws(SQLiteError) in
            // A reader may read again (see `run`): each attempt starts empty.
            status = nil
            trackers.removeAll(keepingCapacity: true)
            try connection.statement(Self.status).forEach {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            } _: { row in
                let part = row.int("part")
                let overall = row.double("overall")
                let state = row.string("state")
                let createdAt = row.double("set_created_at")
                let updatedAt = row.double("set_updated_at")
                let pausedSeconds = row.double("set_paused_seconds")
                if part == 0 {
                    status = SetStatusRow(
                        overall: overall, state: state, createdAt: createdAt, updatedAt: updatedAt,
                        pausedSeconds: pausedSeconds, trackers: []
                    )
                }
                let tracker = Self.readTracker(&row)
                if part == 1 { trackers.append(tracker) }
            }
        }
        guard var status else { throw StorageError(.missing(.trackerSet)) }
        status.trackers = trackers
        return status
    }

    private static let trackerStatus = SQL("""
        SELECT \(trackerColumns)
        FROM tracker_progress t LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
        WHERE t.id = :id AND t.token = :token
        """)

    package func status(of tracker: TrackerIdentity) throws(StorageError) -> TrackerStatusRow {
        let status = try run { () throws(SQLiteError) in
            try connection.statement(Self.trackerStatus).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } read: { Self.readTracker(&$0) }
        }
        guard let status else { throw StorageError(.missing(.tracker)) }
        return status
    }

    /// Reads the columns of `trackerColumns` (NULL in the set's own row, read as zeros).
    private static func readTracker(_ row: inout Row) -> TrackerStatusRow {
        let name = row.string("name")
        let current = row.int("current")
        let total = row.int("total")
        let percent = row.double("percent")
        let weight = row.double("effective_weight")
        let startedAt = row.optionalDouble("started_at")
        let updatedAt = row.double("updated_at")
        let completedAt = row.optionalDouble("completed_at")
        let pausedSeconds = row.double("paused_seconds")
        let baseAt = row.optionalDouble("rate_base_at")
        let baseCurrent = row.int("rate_base_current")
        return TrackerStatusRow(
            name: name, current: current, total: total, percent: percent, effectiveWeight: weight,
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt, pausedSeconds: pausedSeconds,
            rateBase: baseAt.map { RateSample(at: $0, current: baseCurrent) },
            failed: row.int("failed"), skipped: row.int("skipped"), cursor: row.optionalString("cursor")
        )
    }
}
