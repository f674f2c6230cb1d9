internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

/// A tracker's progress is the view `tracker_progress` of `Migrations/SQLite/`, its one
/// definition; a set's overall is the aggregate below, over that view, its one definition.
extension SQLiteTrackerStorage {
    /// The one definition of a set's overall progress in percent, over the set's rows of
    /// `tracker_progress`: 100 · Σ weight·fraction / Σ weight, the ratio taken first so that a
    /// finished set is exactly 100. One aggregate, classifying each tracker as complete (2),
    /// weightless and unfinished (1) or weighted and unfinished (0):
    /// - none (an empty set): 0;
    /// - all complete: 100;
    /// - some unfinished, but none carries weight: 100 if the others carry weight, else 0;
    /// - some that carry weight unfinished: the ratio, below 100.
    ///
    /// Not a view: a view is narrowed to one set only through a `GROUP BY set_id`, which costs
    /// an overall 14 % more than this aggregate over the rows `WHERE set_id = :set` selects.
    private static let overallOfSet = """
        SELECT CASE MIN(CASE WHEN complete THEN 2 WHEN effective_weight > 0 THEN 0 ELSE 1 END)
            WHEN 2 THEN 100.0
            WHEN 1 THEN CASE WHEN TOTAL(effective_weight) > 0 THEN 100.0 ELSE 0.0 END
            WHEN 0 THEN MIN(100.0 * (TOTAL(effective_weight * fraction) / TOTAL(effective_weight)), 99.99999999999999)
            ELSE 0.0
        END
        FROM tracker_progress WHERE set_id = :set
        """

    // An aggregate always returns its one row; the set's token, a scalar subquery that SQLite
    // evaluates once, says whether the set is there.
    private static let overall = SQL("""
        SELECT (\(overallOfSet)) AS overall, (SELECT token FROM tracker_set WHERE id = :set) = :token AS found
        """)

    package func overall(of set: SetIdentity) throws(StorageError) -> Double {
        let overall = try run { () throws(SQLiteError) in
            try connection.statement(Self.overall).first {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            } read: { row in
                (row.double("overall"), row.bool("found"))
            }
        }
        guard let overall, overall.1 else { throw StorageError(.missing(.trackerSet)) }
        return overall.0
    }

    /// One tracker's status columns, from `tracker_progress t` and its detail `d`.
    private static let trackerColumns = """
        t.name, t.current, t.total, t.percent, t.effective_weight, d.started_at, t.updated_at,
        t.completed_at, d.paused_seconds, d.rate_base_at, d.rate_base_current, d.failed, d.skipped, d.cursor
        """

    // One statement, so that the rows and the overall come from one snapshot: the set's row
    // with its overall (part 0), then its trackers in creation order (part 1), which the
    // index on set_id gives without a sort. The set's columns come last, so that a tracker's
    // row is read without them.
    private static let status = SQL("""
        SELECT 0 AS part,
            NULL AS name, NULL AS current, NULL AS total, NULL AS percent, NULL AS effective_weight,
            NULL AS started_at, NULL AS updated_at, NULL AS completed_at, NULL AS paused_seconds,
            NULL AS rate_base_at, NULL AS rate_base_current, NULL AS failed, NULL AS skipped, NULL AS cursor,
            (\(overallOfSet)) AS overall, s.state, s.created_at AS set_created_at, s.updated_at AS set_updated_at,
            s.paused_seconds AS set_paused_seconds
        FROM tracker_set s
        WHERE s.id = :set AND s.token = :token
        UNION ALL
        SELECT * FROM (
            SELECT 1, \(trackerColumns), NULL, NULL, NULL, NULL, NULL
            FROM tracker_progress t JOIN tracker_detail d ON d.tracker_id = t.id
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
                let tracker = Self.readTracker(&row)
                // A tracker's row ends here: the set's columns after it are NULL, and unread.
                guard part == 0 else { return trackers.append(tracker) }
                status = SetStatusRow(
                    overall: row.double("overall"), state: row.string("state"), createdAt: row.double("set_created_at"),
                    updatedAt: row.double("set_updated_at"), pausedSeconds: row.double("set_paused_seconds"), trackers: []
                )
            }
        }
        guard var status else { throw StorageError(.missing(.trackerSet)) }
        status.trackers = trackers
        return status
    }

    private static let trackerStatus = SQL("""
        SELECT \(trackerColumns)
        FROM tracker_progress t JOIN tracker_detail d ON d.tracker_id = t.id
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
