internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_progress` of `Migrations/SQLite/`, its one definition, which these read.
extension SQLiteTrackerStorage {
    // The set's token is checked by a scalar subquery, which SQLite evaluates once, so that
    // the view's `WHERE set_id = :set` still reaches only that set's trackers.
    private static let overall = SQL("""
        SELECT overall FROM tracker_set_progress
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

    /// One tracker's status columns from `tracker_progress t` and `tracker r`, with the history
    /// row `b` its rate is measured from: the last one at least :rate_window seconds before
    /// its last change, or else the first one; either way not before the current stretch of
    /// counting began (`rate_since`), so no rate spans downtime or a reset.
    private static let trackerColumns = """
        t.name, t.current, t.total, t.percent, t.effective_weight,
        m.started_at, r.updated_at, r.completed_at, m.paused_seconds,
        b.at AS base_at, b.current AS base_current, r.failed, r.skipped, c.value AS cursor
        """
    private static let trackerJoins = """
        LEFT JOIN tracker r ON r.id = t.id
        LEFT JOIN tracker_timing m ON m.tracker_id = t.id
        LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
        LEFT JOIN tracker_event b ON b.id = COALESCE(
            (SELECT e.id FROM tracker_event e
             WHERE e.tracker_id = r.id AND e.at >= m.rate_since AND e.at <= r.updated_at - :rate_window
             ORDER BY e.at DESC, e.id DESC LIMIT 1),
            (SELECT e.id FROM tracker_event e
             WHERE e.tracker_id = r.id AND e.at >= m.rate_since
             ORDER BY e.at, e.id LIMIT 1)
        )
        """

    // One statement, so the rows and the overall value come from one snapshot.
    private static let status = SQL("""
        SELECT p.overall, g.started_at AS set_started_at, g.changed_at AS set_changed_at,
            g.completed_at AS set_completed_at, g.paused_seconds AS set_paused_seconds,
            (SELECT state FROM tracker_set WHERE id = :set) AS state,
            \(trackerColumns)
        FROM tracker_set_progress p
        JOIN tracker_set_timing g ON g.set_id = p.set_id
        LEFT JOIN tracker_progress t ON t.set_id = p.set_id
        \(trackerJoins)
        WHERE p.set_id = :set AND (SELECT token FROM tracker_set WHERE id = :set) = :token
        ORDER BY t.id
        """)

    package func status(of set: SetIdentity, rateWindow: Double) throws(StorageError) -> SetStatusRow {
        var status: SetStatusRow?
        try run { () throws(SQLiteError) in
            try connection.statement(Self.status).forEach {
                $0.bind(set.id, as: ":set")
                $0.bind(rateWindow, as: ":rate_window")
                $0.bind(set.token, as: ":token")
            } _: { row in
                let overall = row.double("overall")
                let timing = SetTimingRow(
                    startedAt: row.optionalDouble("set_started_at"),
                    changedAt: row.optionalDouble("set_changed_at"),
                    completedAt: row.optionalDouble("set_completed_at"),
                    pausedSeconds: row.double("set_paused_seconds")
                )
                let state = row.string("state")
                let tracker = Self.readTracker(&row)
                if status == nil { status = SetStatusRow(overall: overall, timing: timing, state: state, trackers: []) }
                // An empty set yields one row whose tracker columns are NULL (the LEFT JOIN).
                if let tracker { status?.trackers.append(tracker) }
            }
        }
        guard let status else { throw StorageError(.missing(.trackerSet)) }
        return status
    }

    private static let trackerStatus = SQL("""
        SELECT \(trackerColumns)
        FROM tracker_progress t \(trackerJoins)
        WHERE t.id = :id AND r.token = :token
        """)

    package func status(of tracker: TrackerIdentity, rateWindow: Double) throws(StorageError) -> TrackerStatusRow {
        let status = try run { () throws(SQLiteError) in
            try connection.statement(Self.trackerStatus).first {
                $0.bind(rateWindow, as: ":rate_window")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } read: { Self.readTracker(&$0) }
        }
        guard let status = status ?? nil else { throw StorageError(.missing(.tracker)) }
        return status
    }

    /// Reads the columns of `trackerColumns`; nil when they are NULL (a set with no trackers).
    private static func readTracker(_ row: inout Row) -> TrackerStatusRow? {
        let name = row.optionalString("name")
        let current = row.int("current")
        let total = row.int("total")
        let percent = row.double("percent")
        let weight = row.double("effective_weight")
        let startedAt = row.optionalDouble("started_at")
        let updatedAt = row.double("updated_at")
        let completedAt = row.optionalDouble("completed_at")
        let pausedSeconds = row.double("paused_seconds")
        let baseAt = row.optionalDouble("base_at")
        let baseCurrent = row.int("base_current")
        let failed = row.int("failed")
        let skipped = row.int("skipped")
        let cursor = row.optionalString("cursor")
        guard let name else { return nil }
        return TrackerStatusRow(
            name: name, current: current, total: total, percent: percent, effectiveWeight: weight,
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt, pausedSeconds: pausedSeconds,
            rateBase: baseAt.map { RateSample(at: $0, current: baseCurrent) },
            failed: failed, skipped: skipped, cursor: cursor
        )
    }
}
