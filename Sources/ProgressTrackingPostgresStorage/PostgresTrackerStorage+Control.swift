internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    private static let control = "SELECT state, halted_at FROM tracker_set WHERE id = $1 AND token = $2"
    private static let lockedControl = control + " FOR NO KEY UPDATE"

    /// In a transaction, which reads the state to change it, the set's row is locked until it
    /// ends: two hosts pausing a set at once then record one pause, as SQLite's turns do.
    package func control(of set: SetIdentity) throws(StorageError) -> SetControlRow {
        let sql = isInTransaction ? Self.lockedControl : Self.control
        let control = try first(sql, [.int64(set.id), .int64(set.token)]) { row throws(PostgresError) in
            SetControlRow(state: try row.next(), haltedAt: try row.next())
        }
        guard let control else { throw StorageError(.missing(.trackerSet)) }
        return control
    }

    private static let setControl = "UPDATE tracker_set SET state = $1, halted_at = $2 WHERE id = $3 AND token = $4"

    package func setControl(_ control: SetControlRow, of set: SetIdentity) throws(StorageError) {
        try requireChange(in: .trackerSet, Self.setControl, [
            .text(control.state), control.haltedAt.map { .double($0) } ?? .null, .int64(set.id), .int64(set.token),
        ])
    }

    // Downtime is the time since the halt or, if later, the last change: a change after the
    // halt (a batch finished, a run's resume that took the downtime before it, a start) ends
    // the time already left out or still to be counted. The set's grows only while it has
    // started and is not complete, as between runs.
    private static let resumeSet = """
        UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
            SELECT GREATEST(0, $1::double precision - GREATEST($2::double precision, max(updated_at)))
            FROM tracker WHERE set_id = $3
            HAVING min(started_at) IS NOT NULL AND NOT bool_and(current >= total)
        ), 0)
        WHERE id = $3 AND token = $4
        """
    // Its started, unfinished trackers: their rates measured anew from now, their last change now.
    private static let resumeTrackers = """
        UPDATE tracker SET
            paused_seconds = paused_seconds + GREATEST(0, $1::double precision - GREATEST($2::double precision, updated_at)),
            rate_since = $1, rate_base_at = $1, rate_base_current = current, updated_at = $1
        WHERE set_id = $3 AND started_at IS NOT NULL AND completed_at IS NULL
        """

    package func resumeTimekeeping(of set: SetIdentity, haltedAt: Double, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet, Self.resumeSet, [.double(now), .double(haltedAt), .int64(set.id), .int64(set.token)])
        try change(Self.resumeTrackers, [.double(now), .double(haltedAt), .int64(set.id)])
    }

    // The set's counts: its trackers' sums, saturated at the largest bigint as the views do.
    private static let recordSetEvent = """
        INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
        SELECT s.id, NULL, NULL, $1, $2,
            LEAST(COALESCE(sum(t.current), 0), 9223372036854775807)::bigint,
            LEAST(COALESCE(sum(t.total), 0), 9223372036854775807)::bigint,
            LEAST(COALESCE(sum(t.failed), 0), 9223372036854775807)::bigint,
            LEAST(COALESCE(sum(t.skipped), 0), 9223372036854775807)::bigint
        FROM tracker_set s LEFT JOIN tracker t ON t.set_id = s.id
        WHERE s.id = $3 AND s.token = $4
        GROUP BY s.id
        """

    package func recordSetEvent(_ kind: String, of set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet, Self.recordSetEvent, [.text(kind), .double(now), .int64(set.id), .int64(set.token)])
    }
}
