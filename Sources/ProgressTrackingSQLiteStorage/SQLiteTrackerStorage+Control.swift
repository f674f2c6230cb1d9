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

    // Downtime is the time since the halt or, if later, the last change: a change after the
    // halt (a batch finished, a run's resume that took the downtime before it, a start) ends
    // the time already left out or still to be counted. The set's grows only while it has
    // started and is not complete, as between runs.
    private static let resumeSet = SQL("""
        UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
            SELECT MAX(0, :now - MAX(:halted_at, MAX(t.updated_at)))
            FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id WHERE t.set_id = :set
            HAVING MIN(d.started_at) IS NOT NULL AND MIN(t.current >= t.total) = 0
        ), 0)
        WHERE id = :set AND token = :token
        """)
    // Its started, unfinished trackers: their rates measured anew from now, their last change
    // now. Their timing first, since it reads the last change that the second statement moves.
    private static let resumeTrackerTiming = SQL("""
        UPDATE tracker_detail SET
            paused_seconds = paused_seconds + MAX(0, :now - MAX(:halted_at, t.updated_at)),
            rate_since = :now, rate_base_at = :now, rate_base_current = t.current
        FROM tracker t
        WHERE t.id = tracker_detail.tracker_id AND t.set_id = :set AND t.completed_at IS NULL
            AND tracker_detail.started_at IS NOT NULL
        """)
    private static let resumeTrackers = SQL("""
        UPDATE tracker SET updated_at = :now
        WHERE set_id = :set AND completed_at IS NULL
            AND id IN (SELECT tracker_id FROM tracker_detail WHERE started_at IS NOT NULL)
        """)

    package func resumeTimekeeping(of set: SetIdentity, haltedAt: Double, at now: Double) throws(StorageError) {
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.resumeSet).run {
                $0.bind(now, as: ":now")
                $0.bind(haltedAt, as: ":halted_at")
                $0.bind(set.id, as: ":set")
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

    // The set's counts: its trackers' sums, exact and saturated at the largest integer, as the
    // service's sums of counts are. Added up in Swift: SQLite's SUM fails past the largest
    // integer, and TOTAL adds doubles, which round counts above 2^53.
    private static let setCounts = SQL("""
        SELECT t.current, t.total, d.failed, d.skipped FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id
        WHERE t.set_id = :set
        """)
    private static let recordSetEvent = SQL("""
        INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
        SELECT id, NULL, NULL, :kind, :now, :current, :total, :failed, :skipped
        FROM tracker_set WHERE id = :set AND token = :token
        """)

    package func recordSetEvent(_ kind: String, of set: SetIdentity, at now: Double) throws(StorageError) {
        func add(_ sum: inout Int, _ count: Int) {
            let (added, overflow) = sum.addingReportingOverflow(count)
            sum = overflow ? .max : added
        }
        var (current, total, failed, skipped) = (0, 0, 0, 0)
        try run { () throws(SQLiteError) in
            try connection.statement(Self.setCounts).forEach { $0.bind(set.id, as: ":set") } _: { row in
                add(&current, row.int("current"))
                add(&total, row.int("total"))
                add(&failed, row.int("failed"))
                add(&skipped, row.int("skipped"))
            }
        }
        try requireChange(in: .trackerSet) { () throws(SQLiteError) in
            try connection.statement(Self.recordSetEvent).run {
                $0.bind(kind, as: ":kind")
                $0.bind(now, as: ":now")
                $0.bind(current, as: ":current")
                $0.bind(total, as: ":total")
                $0.bind(failed, as: ":failed")
                $0.bind(skipped, as: ":skipped")
                $0.bind(set.id, as: ":set")
                $0.bind(set.token, as: ":token")
            }
        }
    }
}
