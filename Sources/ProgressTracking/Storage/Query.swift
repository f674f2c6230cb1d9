/// Every statement the repository runs, prepared on first use and kept for the connection's life.
///
/// Progress arithmetic is not here: it lives in the views `tracker_progress` and
/// `tracker_set_progress` of `Migrations/0001_create_trackers.sql`, its one definition.
///
/// Times are bound by the repository from its clock, as Unix seconds: the unit of every
/// `*_at` column.
enum Query: Int, CaseIterable {
    case setID, insertSet, allSets, deleteSet, setSummary
    case insertTracker, openTracker, trackerID, trackers, deleteTracker, tracker
    case increment, countItem, forgetItem, hasItem, setCurrent, setTotal
    case overall, status, dataVersion
    case trackerState, addCount, assignCount, markTracker, restartRate, resumeTracker, pauseSet, touchSet, insertEvent
    case trackerStatus, history
    case idCounters, raiseIDCounter, restoreIDCounter

    /// Whether a change to the count `current` at time ?3 needs no history row: the tracker
    /// has started and no sample is due (`quiet_until`), and the change does not complete it.
    /// A count that fails this takes the repository's recording path instead.
    private static func recordsNothing(current: String) -> String {
        "?3 < quiet_until AND (completed_at IS NOT NULL OR \(current) < total)"
    }

    /// One tracker's status columns from `tracker_progress t` and `tracker r`, with the history
    /// row `b` its rate is measured from: the last one at least ?2 seconds before its last
    /// change, or else the first one; either way not before the current stretch of counting
    /// began (`rate_since`), so no rate spans downtime or a reset.
    private static let trackerStatusColumns = """
        t.current, t.total, t.fraction, t.effective_weight,
        m.started_at, r.updated_at, r.completed_at, m.paused_seconds, b.at, b.current
        """
    private static let trackerStatusJoins = """
        LEFT JOIN tracker r ON r.id = t.id
        LEFT JOIN tracker_timing m ON m.tracker_id = t.id
        LEFT JOIN tracker_event b ON b.id = COALESCE(
            (SELECT e.id FROM tracker_event e
             WHERE e.tracker_id = r.id AND e.at >= m.rate_since AND e.at <= r.updated_at - ?2
             ORDER BY e.at DESC, e.id DESC LIMIT 1),
            (SELECT e.id FROM tracker_event e
             WHERE e.tracker_id = r.id AND e.at >= m.rate_since
             ORDER BY e.at, e.id LIMIT 1)
        )
        """

    var sql: String {
        switch self {
        case .setID:
            "SELECT id FROM tracker_set WHERE name = ?1"
        case .insertSet:
            "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, ?2, ?2) ON CONFLICT (name) DO NOTHING"
        case .allSets:
            "SELECT id, name FROM tracker_set ORDER BY id"
        case .deleteSet:
            "DELETE FROM tracker_set WHERE name = ?1"
        case .setSummary:
            """
            SELECT s.created_at, p.updated_at, p.tracker_count, p.overall,
                g.started_at, g.changed_at, g.completed_at, g.paused_seconds, g.items
            FROM tracker_set s
            JOIN tracker_set_progress p ON p.set_id = s.id
            JOIN tracker_set_timing g ON g.set_id = s.id
            WHERE s.id = ?1
            """
        case .insertTracker:
            """
            INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id
            """
        case .openTracker:
            // One statement, so that processes opening the same tracker at once get one row.
            """
            INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5)
            ON CONFLICT (set_id, name) DO UPDATE SET
                total = excluded.total,
                weight = COALESCE(excluded.weight, tracker.weight),
                updated_at = excluded.updated_at
            RETURNING id
            """
        case .trackerID:
            "SELECT id FROM tracker WHERE set_id = ?1 AND name = ?2"
        case .trackers:
            "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id"
        case .deleteTracker:
            "DELETE FROM tracker WHERE set_id = ?1 AND name = ?2"
        case .tracker:
            "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1"
        case .increment:
            // The hot path: one UPDATE, which does nothing when the count must be recorded.
            """
            UPDATE tracker SET current = current + ?2, updated_at = ?3
            WHERE id = ?1 AND \(Self.recordsNothing(current: "current + ?2"))
            """
        case .countItem:
            "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
        case .forgetItem:
            "DELETE FROM tracker_item WHERE tracker_id = ?1 AND key = ?2"
        case .hasItem:
            "SELECT 1 FROM tracker_item WHERE tracker_id = ?1 AND key = ?2"
        case .setCurrent:
            // A lowered count is recorded too: it restarts the rate.
            """
            UPDATE tracker SET current = ?2, updated_at = ?3
            WHERE id = ?1 AND ?2 >= current AND \(Self.recordsNothing(current: "?2"))
            """
        case .setTotal:
            "UPDATE tracker SET total = ?2, updated_at = ?3 WHERE id = ?1"
        case .overall:
            "SELECT overall FROM tracker_set_progress WHERE set_id = ?1"
        case .status:
            // One statement, so the rows and the overall value come from one snapshot.
            """
            SELECT p.overall, g.started_at, g.changed_at, g.completed_at, g.paused_seconds,
                t.name, \(Self.trackerStatusColumns)
            FROM tracker_set_progress p
            JOIN tracker_set_timing g ON g.set_id = p.set_id
            LEFT JOIN tracker_progress t ON t.set_id = p.set_id
            \(Self.trackerStatusJoins)
            WHERE p.set_id = ?1 ORDER BY t.id
            """
        case .dataVersion:
            "PRAGMA data_version"
        case .trackerState:
            """
            SELECT t.set_id, t.current, t.total, m.started_at, t.completed_at, t.quiet_until, t.updated_at
            FROM tracker t LEFT JOIN tracker_timing m ON m.tracker_id = t.id WHERE t.id = ?1
            """
        case .addCount:
            "UPDATE tracker SET current = current + ?2, updated_at = ?3 WHERE id = ?1"
        case .assignCount:
            "UPDATE tracker SET current = ?2, updated_at = ?3 WHERE id = ?1"
        case .markTracker:
            // ?3: whether the change completed the tracker; ?4: the next sample's time, NULL
            // while it has not started.
            """
            UPDATE tracker SET completed_at = CASE WHEN ?3 THEN ?2 ELSE completed_at END, quiet_until = ?4
            WHERE id = ?1
            """
        case .restartRate:
            // The first count starts the tracker; a lowered count only restarts its rate.
            """
            INSERT INTO tracker_timing (tracker_id, started_at, rate_since) VALUES (?1, ?2, ?2)
            ON CONFLICT (tracker_id) DO UPDATE SET rate_since = excluded.rate_since
            """
        case .resumeTracker:
            "UPDATE tracker_timing SET paused_seconds = paused_seconds + ?3, rate_since = ?2 WHERE tracker_id = ?1"
        case .pauseSet:
            // Run before the tracker's resume, while the set's last change is still the old run's.
            """
            UPDATE tracker_set SET paused_seconds = paused_seconds + COALESCE((
                SELECT MAX(0, ?2 - changed_at) FROM tracker_set_timing
                WHERE set_id = ?1 AND started_at IS NOT NULL AND completed_at IS NULL
            ), 0)
            WHERE id = ?1
            """
        case .touchSet:
            "UPDATE tracker_set SET updated_at = ?2 WHERE id = ?1"
        case .insertEvent:
            """
            INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total)
            SELECT set_id, id, name, ?2, ?3, current, total FROM tracker WHERE id = ?1
            """
        case .trackerStatus:
            """
            SELECT \(Self.trackerStatusColumns)
            FROM tracker_progress t \(Self.trackerStatusJoins)
            WHERE t.id = ?1
            """
        case .history:
            // Unbound bounds (NULL) do not limit.
            """
            SELECT e.tracker, e.kind, e.at, e.current, e.total
            FROM tracker_event e JOIN tracker_set s ON s.id = e.set_id
            WHERE s.name = ?1 AND (?2 IS NULL OR e.tracker = ?2)
                AND (?3 IS NULL OR e.at >= ?3) AND (?4 IS NULL OR e.at < ?4)
            ORDER BY e.at, e.id
            """
        case .idCounters:
            // The last id AUTOINCREMENT handed out, per table.
            "SELECT name, seq FROM sqlite_sequence"
        case .raiseIDCounter:
            "UPDATE sqlite_sequence SET seq = MAX(seq, ?2) WHERE name = ?1"
        case .restoreIDCounter:
            // sqlite_sequence has no key: add the row only where a rollback removed it.
            "INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)"
        }
    }
}
