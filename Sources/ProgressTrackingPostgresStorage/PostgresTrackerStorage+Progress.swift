internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_progress` of `Migrations/PostgreSQL/`, its one definition, which these read.
extension PostgresTrackerStorage {
    // The set's token is checked by a scalar subquery, which PostgreSQL runs once, so that the
    // view's `WHERE set_id = $1` still reaches only that set's trackers.
    private static let overall = """
        SELECT overall FROM tracker_set_progress
        WHERE set_id = $1 AND (SELECT token FROM tracker_set WHERE id = $1) = $2
        """

    package func overall(of set: SetIdentity) throws(StorageError) -> Double {
        let overall = try first(Self.overall, [.int64(set.id), .int64(set.token)]) { row throws(PostgresError) in try row.next(Double.self) }
        guard let overall else { throw StorageError(.missing(.trackerSet)) }
        return overall
    }

    /// One tracker's status columns from `tracker_progress t` and `tracker r`, with the history
    /// row `b` its rate is measured from: the last one at least `rate_window` seconds before
    /// its last change, or else the first one; either way not before the current stretch of
    /// counting began (`rate_since`), so no rate spans downtime or a reset. `b` is a LATERAL
    /// subquery, a probe of the tracker's index of events or two (the second only when the
    /// first finds nothing), so that a status reads no history but its trackers' base rows.
    private static func trackerColumns(rateWindow: String) -> (columns: String, joins: String) {
        (
            """
            t.name, t.current, t.total, t.percent, t.effective_weight,
            m.started_at, r.updated_at, r.completed_at, m.paused_seconds,
            b.at, b.current, r.failed, r.skipped, c.value
            """,
            """
            LEFT JOIN tracker r ON r.id = t.id
            LEFT JOIN tracker_timing m ON m.tracker_id = t.id
            LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
            LEFT JOIN LATERAL (
                (SELECT e.at, e.current FROM tracker_event e
                 WHERE e.tracker_id = r.id AND e.at >= m.rate_since AND e.at <= r.updated_at - \(rateWindow)
                 ORDER BY e.at DESC, e.id DESC LIMIT 1)
                UNION ALL
                (SELECT e.at, e.current FROM tracker_event e
                 WHERE e.tracker_id = r.id AND e.at >= m.rate_since
                 ORDER BY e.at, e.id LIMIT 1)
                LIMIT 1
            ) b ON true
            """
        )
    }

    // One statement, so the rows and the overall value come from one snapshot.
    private static let status: String = {
        let tracker = trackerColumns(rateWindow: "$2::double precision")
        return """
            SELECT p.overall, g.started_at, g.changed_at, g.completed_at, g.paused_seconds,
                (SELECT state FROM tracker_set WHERE id = $1),
                \(tracker.columns)
            FROM tracker_set_progress p
            JOIN tracker_set_timing g ON g.set_id = p.set_id
            LEFT JOIN tracker_progress t ON t.set_id = p.set_id
            \(tracker.joins)
            WHERE p.set_id = $1 AND (SELECT token FROM tracker_set WHERE id = $1) = $3
            ORDER BY t.id
            """
    }()

    package func status(of set: SetIdentity, rateWindow: Double) throws(StorageError) -> SetStatusRow {
        let rows = try rows(Self.status, [.int64(set.id), .double(rateWindow), .int64(set.token)]) { row throws(PostgresError) in
            let overall: Double = try row.next()
            let timing = SetTimingRow(startedAt: try row.next(), changedAt: try row.next(), completedAt: try row.next(), pausedSeconds: try row.next())
            let state: String = try row.next()
            return (overall: overall, timing: timing, state: state, tracker: try Self.readTracker(&row))
        }
        guard let first = rows.first else { throw StorageError(.missing(.trackerSet)) }
        // An empty set yields one row whose tracker columns are NULL (the LEFT JOIN).
        return SetStatusRow(overall: first.overall, timing: first.timing, state: first.state, trackers: rows.compactMap(\.tracker))
    }

    private static let trackerStatus: String = {
        let tracker = trackerColumns(rateWindow: "$1::double precision")
        return """
            SELECT \(tracker.columns)
            FROM tracker_progress t \(tracker.joins)
            WHERE t.id = $2 AND r.token = $3
            """
    }()

    package func status(of tracker: TrackerIdentity, rateWindow: Double) throws(StorageError) -> TrackerStatusRow {
        let status = try first(Self.trackerStatus, [.double(rateWindow), .int64(tracker.id), .int64(tracker.token)]) { row throws(PostgresError) in
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
        let pausedSeconds: Double? = try row.next()
        let baseAt: Double? = try row.next()
        let baseCurrent: Int? = try row.next()
        let failed: Int = try row.next()
        let skipped: Int = try row.next()
        let cursor: String? = try row.next()
        return TrackerStatusRow(
            name: name, current: current, total: total, percent: percent, effectiveWeight: weight,
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt, pausedSeconds: pausedSeconds ?? 0,
            rateBase: baseAt.flatMap { at in baseCurrent.map { RateSample(at: at, current: $0) } },
            failed: failed, skipped: skipped, cursor: cursor
        )
    }
}
