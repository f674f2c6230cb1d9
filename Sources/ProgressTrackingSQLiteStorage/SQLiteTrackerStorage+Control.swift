internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    private static let control = SQL("SELECT state, halted_at FROM tracker_set WHERE id = :set AND token = :token")

    package func control(of set: SetIdentity) throws(StorageError) -> SetControlRow {
        let control = try run { () throws(SQLiteError) in
            try connection.statement(Self.control).first {
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            } read: { row in
                SetControlRow(state: row.string("state"), haltedAt: row.optionalDouble("halted_at"))
            }
        }
        guard let control else { throw StorageError(.missing(.trackerSet)) }
        return control
    }

    private static let setControl = SQL(
        "UPDATE tracker_set SET state = :state, halted_at = :halted_at WHERE id = :set AND token = :token"
    )

    package func setControl(_ control: SetControlRow, of set: SetIdentity) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.setControl).run {
                $0.bind(control.state, as: ":state")
                $0.bind(control.haltedAt, as: ":halted_at")
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            }
        }
    }

    // The set's downtime grows only while it has started and is not complete, as between runs.
    private static let resumeSet = SQL("""
        UPDATE tracker_set SET paused_seconds = paused_seconds + CASE
            WHEN (
                SELECT MIN(d.started_at) IS NOT NULL AND MIN(t.current >= t.total) = 0
                FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id WHERE t.set_id = :set
            )
            THEN MAX(0, :now - :halted_at) ELSE 0 END
        WHERE id = :set AND token = :token
        """)
    // Its started, unfinished trackers: their rates measured anew from now, their last change now.
    private static let resumeTrackerTiming = SQL("""
        UPDATE tracker_detail SET
            paused_seconds = paused_seconds + MAX(0, :now - :halted_at),
            rate_since = :now, rate_base_at = :now,
            rate_base_current = (SELECT current FROM tracker WHERE id = tracker_detail.tracker_id)
        WHERE started_at IS NOT NULL
            AND tracker_id IN (SELECT id FROM tracker WHERE set_id = :set AND completed_at IS NULL)
        """)
    private static let resumeTrackers = SQL("""
        UPDATE tracker SET updated_at = :now
        WHERE set_id = :set AND completed_at IS NULL
            AND id IN (SELECT tracker_id FROM tracker_detail WHERE started_at IS NOT NULL)
        """)

    package func resumeTimekeeping(of set: SetIdentity, haltedAt: Double, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.resumeSet).run {
                $0.bind(set.id, as: ":set")
                $0.bind(now, as: ":now")
                $0.bind(haltedAt, as: ":halted_at")
                $0.bind(set.token, as: ":token")
            }
        }
        try run { () throws(SQLiteError) in
            try connection.statement(Self.resumeTrackerTiming).run {
                $0.bind(now, as: ":now")
                $0.bind(haltedAt, as: ":halted_at")
                $0.bind(set.id, as: ":set")
            }
            try connection.statement(Self.resumeTrackers).run {
                $0.bind(now, as: ":now")
                $0.bind(set.id, as: ":set")
            }
        }
    }

    // The set's counts: its trackers' sums, saturated at the largest integer as the views do.
    private static let recordSetEvent = SQL("""
        INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
        SELECT s.id, NULL, NULL, :kind, :now,
            CAST(TOTAL(t.current) AS INTEGER), CAST(TOTAL(t.total) AS INTEGER),
            CAST(TOTAL(d.failed) AS INTEGER), CAST(TOTAL(d.skipped) AS INTEGER)
        FROM tracker_set s LEFT JOIN tracker t ON t.set_id = s.id LEFT JOIN tracker_detail d ON d.tracker_id = t.id
        WHERE s.id = :set AND s.token = :token
        GROUP BY s.id
        """)

    package func recordSetEvent(_ kind: String, of set: SetIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.recordSetEvent).run {
                $0.bind(kind, as: ":kind")
                $0.bind(now, as: ":now")
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            }
        }
    }
}
