internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_overall` of `Migrations/PostgreSQL/`, its one definition, which these read.
extension PostgresTrackerStorage {
    // The set's token is checked by a scalar subquery, which PostgreSQL runs once, so that the
    // view's `WHERE set_id = $1` still reaches only that set's trackers.
    private static let overall = """
        SELECT overall FROM tracker_set_overall
        WHERE set_id = $1 AND (SELECT token FROM tracker_set WHERE id = $1) = $2
        """

    package func overall(of set: SetIdentity) throws(StorageError) -> Double {
        let overall = try first(Self.overall, [.int64(set.id), .int64(set.token)]) { row throws(PostgresError) in try row.next(Double.self) }
        guard let overall else { throw StorageError(.missing(.trackerSet)) }
        return overall
    }

    /// One tracker's status columns, from `tracker_progress t` and its cursor `c`.
    private static let trackerColumns = """
        t.name, t.current, t.total, t.percent, t.effective_weight, t.started_at, t.updated_at,
        t.completed_at, t.paused_seconds, t.rate_base_at, t.rate_base_current, t.failed, t.skipped, c.value
        """

    // One statement, so that the rows and the overall come from one snapshot: the set's row
    // with its overall on every line (the overall is computed once: its view is joined on the
    // set's id), then its trackers in creation order, which `tracker_by_set` gives without a
    // sort. An empty set gives one line whose tracker columns are NULL.
    private static let status = """
        SELECT o.overall, s.state, s.created_at, s.updated_at, s.paused_seconds, \(trackerColumns)
        FROM tracker_set s
        JOIN tracker_set_overall o ON o.set_id = s.id
        LEFT JOIN tracker_progress t ON t.set_id = s.id
        LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
        WHERE s.id = $1 AND s.token = $2
        ORDER BY t.id
        """

    package func status(of set: SetIdentity) throws(StorageError) -> SetStatusRow {
        let rows = try rows(Self.status, [.int64(set.id), .int64(set.token)]) { row throws(PostgresError) in
            let set = SetStatusRow(
                overall: try row.next(), state: try row.next(), createdAt: try row.next(), updatedAt: try row.next(),
                pausedSeconds: try row.next(), trackers: [])
            return (set: set, tracker: try Self.readTracker(&row))
        }
        guard var status = rows.first?.set else { throw StorageError(.missing(.trackerSet)) }
        status.trackers = rows.compactMap(\.tracker)
        return status
    }

    private static let trackerStatus = """
        SELECT \(trackerColumns)
        FROM tracker_progress t LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
        WHERE t.id = $1 AND t.token = $2
        """

    package func status(of tracker: TrackerIdentity) throws(StorageError) -> TrackerStatusRow {
        let status = try first(Self.trackerStatus, [.int64(tracker.id), .int64(tracker.token)]) { row throws(PostgresError) in
            try Self.readTracker(&row)
        }
        guard let status = status ?? nil else { throw StorageError(.missing(.tracker)) }
        return status
    }

    /// Reads the columns of `trackerColumns`; nil when they are NULL (a set with no trackers).
    private static func readTracker(_ row: inout Columns) throws(PostgresError) -> TrackerStatusRow? {
        guard let name = try row.next(String?.self) else { return nil }
        let current: Int = try row.next()
        let total: Int = try row.next()
        let percent: Double = try row.next()
        let weight: Double = try row.next()
        let startedAt: Double? = try row.next()
        let updatedAt: Double = try row.next()
        let completedAt: Double? = try row.next()
        let pausedSeconds: Double = try row.next()
        let baseAt: Double? = try row.next()
        let baseCurrent: Int? = try row.next()
        return TrackerStatusRow(
            name: name, current: current, total: total, percent: percent, effectiveWeight: weight,
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt, pausedSeconds: pausedSeconds,
            rateBase: baseAt.flatMap { at in baseCurrent.map { RateSample(at: at, current: $0) } },
            failed: try row.next(), skipped: try row.next(), cursor: try row.next()
        )
    }
}
