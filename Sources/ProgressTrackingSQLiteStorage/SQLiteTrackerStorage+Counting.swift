internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    // The hot path: one UPDATE, which changes nothing when the change must be recorded. Its
    // WHERE clause is `HistoryPolicy`'s quiet rule in SQL: the tracker has started and no
    // sample is due (`:now < quiet_until`, false while quiet_until is NULL), the change does
    // not complete it, and it does not lower the count.
    private static let addQuietly = SQL("""
        UPDATE tracker SET current = current + :amount, updated_at = :now
        WHERE id = :id AND token = :token AND :now < quiet_until
            AND (completed_at IS NOT NULL OR current + :amount < total)
        """)
    private static let assignQuietly = SQL("""
        UPDATE tracker SET current = :current, updated_at = :now
        WHERE id = :id AND token = :token AND :now < quiet_until
            AND (completed_at IS NOT NULL OR :current < total)
            AND :current > current
        """)

    /// A sum past `Int.max` becomes a REAL in SQLite, which the STRICT table refuses: that
    /// change is left to the recording path, which refuses it with the count's own error.
    /// (Checking for it in the WHERE clause would cost every increment.)
    package func applyQuietly(_ change: CountChange, to tracker: TrackerIdentity, at now: Double?) throws(StorageError) -> Bool {
        let now = now ?? self.now()
        do {
            return try applyQuietly(change, to: tracker, now: now)
        } catch where error.code == .constraintDatatype {
            return false
        } catch {
            throw StorageError(error)
        }
    }

    private func applyQuietly(_ change: CountChange, to tracker: TrackerIdentity, now: Double) throws(SQLiteError) -> Bool {
        switch change {
        case let .add(amount):
            try connection.statement(Self.addQuietly).run {
                $0.bind(amount, as: ":amount")
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } > 0
        case let .assign(current):
            try connection.statement(Self.assignQuietly).run {
                $0.bind(current, as: ":current")
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } > 0
        case .total:
            false
        }
    }

    private static let add = SQL(
        "UPDATE tracker SET current = current + :value, updated_at = :now WHERE id = :id AND token = :token"
    )
    private static let assign = SQL(
        "UPDATE tracker SET current = :value, updated_at = :now WHERE id = :id AND token = :token"
    )
    private static let setTotal = SQL(
        "UPDATE tracker SET total = :value, updated_at = :now WHERE id = :id AND token = :token"
    )

    package func apply(_ change: CountChange, to tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        let (sql, value) = switch change {
        case let .add(amount): (Self.add, amount)
        case let .assign(current): (Self.assign, current)
        case let .total(total): (Self.setTotal, total)
        }
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(sql).run {
                $0.bind(value, as: ":value")
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let mark = SQL("""
        UPDATE tracker SET
            completed_at = CASE WHEN :reopened THEN NULL ELSE COALESCE(:completed_at, completed_at) END,
            quiet_until = :quiet_until
        WHERE id = :id AND token = :token
        """)
    // A restart starts the tracker's timing if it had none, and measures its rate from the count now.
    private static let restartRate = SQL("""
        UPDATE tracker_detail SET
            started_at = COALESCE(started_at, :now),
            rate_since = :now,
            (rate_base_at, rate_base_current) = (SELECT :now, current FROM tracker WHERE id = :id)
        WHERE tracker_id = :id
        """)

    package func mark(_ tracker: TrackerIdentity, _ marks: TrackerMarks, at now: Double) throws(StorageError) {
        let completedAt: Double? = if case let .completed(at) = marks.completion { at } else { nil }
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.mark).run {
                $0.bind(marks.completion == .reopened, as: ":reopened")
                $0.bind(completedAt, as: ":completed_at")
                $0.bind(marks.quietUntil, as: ":quiet_until")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
        guard let restart = marks.rateRestart else { return }
        // The tracker is there: the statement above changed its row.
        try run { () throws(SQLiteError) in
            try connection.statement(Self.restartRate).run {
                $0.bind(restart, as: ":now")
                $0.bind(tracker.id, as: ":id")
            }
        }
    }

    private static let advanceRateBase = SQL("""
        UPDATE tracker_detail SET (rate_base_at, rate_base_current) = (
            SELECT e.at, e.current FROM tracker_event e
            WHERE e.tracker_id = :id AND e.at >= tracker_detail.rate_since AND e.at <= :now - :window
            ORDER BY e.at DESC, e.id DESC LIMIT 1
        )
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token AND EXISTS (
            SELECT 1 FROM tracker_event e
            WHERE e.tracker_id = :id AND e.at >= tracker_detail.rate_since AND e.at <= :now - :window
        )
        """)

    /// - Complexity: an index range scan over the tracker's history since its rate's start.
    package func advanceRateBase(of tracker: TrackerIdentity, window: Double, at now: Double) throws(StorageError) {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.advanceRateBase).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(now, as: ":now")
                $0.bind(window, as: ":window")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let resume = SQL("UPDATE tracker SET updated_at = :now WHERE id = :id AND token = :token")
    private static let resumeTiming = SQL("""
        UPDATE tracker_detail SET
            paused_seconds = paused_seconds + :downtime,
            rate_since = :now, rate_base_at = :now,
            rate_base_current = (SELECT current FROM tracker WHERE id = :id)
        WHERE tracker_id = :id AND started_at IS NOT NULL
        """)

    /// A tracker that has not started has no timing yet: only its change time moves.
    package func resume(_ tracker: TrackerIdentity, downtime: Double, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.resume).run {
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
        try run { () throws(SQLiteError) in
            try connection.statement(Self.resumeTiming).run {
                $0.bind(downtime, as: ":downtime")
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
            }
        }
    }

    private static let insertItem = SQL("""
        INSERT INTO tracker_item (tracker_id, key) SELECT :id, :key
        WHERE EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
        ON CONFLICT DO NOTHING
        """)

    package func insertItem(_ key: String, into tracker: TrackerIdentity) throws(StorageError) -> Bool {
        let inserted = try run { () throws(SQLiteError) in
            try connection.statement(Self.insertItem).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
                $0.bind(tracker.token, as: ":token")
            } > 0
        }
        if inserted { return true }
        // Not inserted: counted before (false), or the tracker is gone (throws).
        _ = try hasItem(key, in: tracker)
        return false
    }

    private static let deleteItem = SQL("DELETE FROM tracker_item WHERE tracker_id = :id AND key = :key")

    package func deleteItem(_ key: String, from tracker: TrackerIdentity) throws(StorageError) {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.deleteItem).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
            }
        }
    }

    private static let hasItem = SQL("""
        SELECT EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token) AS tracked,
            EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key) AS counted
        """)

    package func hasItem(_ key: String, in tracker: TrackerIdentity) throws(StorageError) -> Bool {
        let (tracked, counted) = try run { () throws(SQLiteError) in
            try connection.statement(Self.hasItem).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
                $0.bind(key, as: ":key")
            } read: { row in
                (row.bool("tracked"), row.bool("counted"))
            } ?? (false, false)
        }
        guard tracked else { throw StorageError(.missing(.tracker)) }
        return counted
    }
}
