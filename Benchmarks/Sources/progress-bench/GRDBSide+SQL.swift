#if GRDB
extension GRDBSide {
    /// The statements of the library's `SQLiteTrackerStorage+*.swift` that the benchmark's
    /// calls run, text for text, so that the GRDB side does the library's work through GRDB.
    enum SQL {
        // MARK: - Sets and trackers (+Sets, +Trackers)

        static let findSet = "SELECT id, token FROM tracker_set WHERE name = :name"
        static let insertSet = """
            INSERT INTO tracker_set (name, token, created_at, updated_at) VALUES (:name, :token, :now, :now)
            ON CONFLICT (name) DO NOTHING
            """
        static let trackers = """
            SELECT t.id, t.token, t.name FROM tracker t JOIN tracker_set s ON s.id = t.set_id
            WHERE t.set_id = :set AND s.token = :set_token ORDER BY t.id
            """
        static let insertTracker = """
            INSERT INTO tracker (set_id, name, token, total, weight, updated_at)
            SELECT :set, :name, :token, :total, :weight, :now
            WHERE EXISTS (SELECT 1 FROM tracker_set WHERE id = :set AND token = :set_token)
            ON CONFLICT (set_id, name) DO NOTHING
            RETURNING id
            """
        static let values = "SELECT current, total, weight, percent FROM tracker_progress WHERE id = :id AND token = :token"
        static let state = """
            SELECT t.set_id, s.token AS set_token, t.current, t.total, d.started_at, t.completed_at, t.quiet_until, t.updated_at
            FROM tracker t JOIN tracker_set s ON s.id = t.set_id JOIN tracker_detail d ON d.tracker_id = t.id
            WHERE t.id = :id AND t.token = :token
            """

        // MARK: - Counting (+Counting)

        static let addQuietly = """
            UPDATE tracker SET current = current + :amount, updated_at = :now
            WHERE id = :id AND token = :token AND :now < quiet_until
                AND (completed_at IS NOT NULL OR current + :amount < total)
            """
        static let add = "UPDATE tracker SET current = current + :value, updated_at = :now WHERE id = :id AND token = :token"
        static let mark = """
            UPDATE tracker SET
                completed_at = CASE WHEN :reopened THEN NULL ELSE COALESCE(:completed_at, completed_at) END,
                quiet_until = :quiet_until
            WHERE id = :id AND token = :token
            """
        static let restartRate = """
            UPDATE tracker_detail SET
                started_at = COALESCE(started_at, :now),
                rate_since = :now,
                (rate_base_at, rate_base_current) = (SELECT :now, current FROM tracker WHERE id = :id)
            WHERE tracker_id = :id
            """
        static let advanceRateBase = """
            UPDATE tracker_detail SET (rate_base_at, rate_base_current) = (
                SELECT e.at, e.current FROM tracker_event e
                WHERE e.tracker_id = :id AND e.at >= tracker_detail.rate_since AND e.at <= :now - :window
                ORDER BY e.at DESC, e.id DESC LIMIT 1
            )
            WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token AND EXISTS (
                SELECT 1 FROM tracker_event e
                WHERE e.tracker_id = :id AND e.at >= tracker_detail.rate_since AND e.at <= :now - :window
            )
            """
        static let insertItem = """
            INSERT INTO tracker_item (tracker_id, key) SELECT :id, :key
            WHERE EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
            ON CONFLICT DO NOTHING
            """
        static let deleteItem = "DELETE FROM tracker_item WHERE tracker_id = :id AND key = :key"
        static let hasItem = """
            SELECT EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token) AS tracked,
                EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key) AS counted
            """

        // MARK: - History (+History)

        static let recordEvent = """
            INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total, failed, skipped)
            SELECT t.set_id, t.id, t.name, :kind, :now, t.current, t.total, d.failed, d.skipped
            FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id
            WHERE t.id = :id AND t.token = :token
            """

        // MARK: - Failures (+Failures)

        static let insertFailure = """
            INSERT INTO tracker_failure (tracker_id, key, reason, attempts, first_at, last_at)
            SELECT :id, :key, :reason, 1, :now, :now
            WHERE EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
                AND NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key)
            ON CONFLICT (tracker_id, key) DO NOTHING
            """
        static let repeatFailure = """
            UPDATE tracker_failure SET attempts = attempts + 1, last_at = :now, reason = :reason
            WHERE tracker_id = :id AND key = :key
                AND EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
                AND NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key)
            """
        static let failureAttempts = "SELECT attempts FROM tracker_failure WHERE tracker_id = :id AND key = :key"
        static let countFailure = "UPDATE tracker_detail SET failed = failed + 1 WHERE tracker_id = :id"
        static let failuresSampledAt = "SELECT failure_sampled_at FROM tracker_detail WHERE tracker_id = :id"
        static let markFailuresSampled = """
            UPDATE tracker_detail SET failure_sampled_at = :now
            WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
            """
        static let resolveFailure = """
            UPDATE tracker_failure SET resolved_at = :now, resolution = :resolution
            WHERE tracker_id = :id AND key = :key AND resolved_at IS NULL
            """
        static let uncountFailure = """
            UPDATE tracker_detail SET failed = failed - 1
            WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
            """
        static let reopenFailure = "UPDATE tracker_failure SET resolved_at = NULL, resolution = NULL WHERE tracker_id = :id AND key = :key"
        static let recountFailure = """
            UPDATE tracker_detail SET failed = failed + 1
            WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
            """
        static let trackerFailures = """
            SELECT t.name AS tracker, f.key, f.reason, f.attempts, f.first_at, f.last_at, f.resolved_at, f.resolution
            FROM tracker_failure f JOIN tracker t ON t.id = f.tracker_id
            WHERE f.tracker_id = :scope AND t.token = :token
                AND (:resolved IS NULL OR (f.resolved_at IS NOT NULL) = :resolved)
            ORDER BY f.first_at, f.key LIMIT :limit
            """

        // MARK: - Progress (+Progress)

        private static let overallOfSet = """
            SELECT CASE MIN(CASE WHEN complete THEN 2 WHEN effective_weight > 0 THEN 0 ELSE 1 END)
                WHEN 2 THEN 100.0
                WHEN 1 THEN CASE WHEN TOTAL(effective_weight) > 0 THEN 100.0 ELSE 0.0 END
                WHEN 0 THEN MIN(100.0 * (TOTAL(effective_weight * fraction) / TOTAL(effective_weight)), 99.99999999999999)
                ELSE 0.0
            END
            FROM tracker_progress WHERE set_id = :set
            """
        static let overall = """
            SELECT (\(overallOfSet)) AS overall, (SELECT token FROM tracker_set WHERE id = :set) = :token AS found
            """
        private static let trackerColumns = """
            t.name, t.current, t.total, t.percent, t.effective_weight, d.started_at, t.updated_at,
            t.completed_at, d.paused_seconds, d.rate_base_at, d.rate_base_current, d.failed, d.skipped, d.cursor
            """
        /// The set's row (part 0), then its trackers' (part 1); `StatusColumn` numbers the columns.
        static let status = """
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
            """
    }
}
#endif
