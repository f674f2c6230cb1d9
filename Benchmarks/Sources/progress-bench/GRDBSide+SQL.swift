#if GRDB
extension GRDBSide {
    /// The statements of the library's Query.swift, text for text.
    enum SQL {
        private static func recordsNothing(current: String) -> String {
            "?3 < quiet_until AND (completed_at IS NOT NULL OR \(current) < total)"
        }

        static let setID = "SELECT id FROM tracker_set WHERE name = ?1"
        static let insertSet = "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, ?2, ?2) ON CONFLICT (name) DO NOTHING"
        static let insertTracker = """
            INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id
            """
        static let trackers = "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id"
        static let tracker = "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1"
        static let increment = """
            UPDATE tracker SET current = current + ?2, updated_at = ?3
            WHERE id = ?1 AND \(recordsNothing(current: "current + ?2"))
            """
        static let countItem = "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
        static let overall = "SELECT overall FROM tracker_set_progress WHERE set_id = ?1"
        static let trackerState = """
            SELECT t.set_id, t.current, t.total, m.started_at, t.completed_at, t.quiet_until, t.updated_at
            FROM tracker t LEFT JOIN tracker_timing m ON m.tracker_id = t.id WHERE t.id = ?1
            """
        static let forgetItem = "DELETE FROM tracker_item WHERE tracker_id = ?1 AND key = ?2"
        static let addCount = "UPDATE tracker SET current = current + ?2, updated_at = ?3 WHERE id = ?1"
        static let markTracker = """
            UPDATE tracker SET completed_at = CASE WHEN ?3 THEN ?2 ELSE completed_at END, quiet_until = ?4
            WHERE id = ?1
            """
        static let restartRate = """
            INSERT INTO tracker_timing (tracker_id, started_at, rate_since) VALUES (?1, ?2, ?2)
            ON CONFLICT (tracker_id) DO UPDATE SET rate_since = excluded.rate_since
            """
        static let insertEvent = """
            INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total)
            SELECT set_id, id, name, ?2, ?3, current, total FROM tracker WHERE id = ?1
            """
        static let status = """
            SELECT p.overall, g.started_at, g.changed_at, g.completed_at, g.paused_seconds,
                t.name, t.current, t.total, t.fraction, t.effective_weight,
                m.started_at, r.updated_at, r.completed_at, m.paused_seconds, b.at, b.current
            FROM tracker_set_progress p
            JOIN tracker_set_timing g ON g.set_id = p.set_id
            LEFT JOIN tracker_progress t ON t.set_id = p.set_id
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
            WHERE p.set_id = ?1 ORDER BY t.id
            """
    }
}
#endif
