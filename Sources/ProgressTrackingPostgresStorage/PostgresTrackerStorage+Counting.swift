internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    // The hot path: one UPDATE, which changes nothing when the change must be recorded. Its
    // WHERE clause is `HistoryPolicy`'s quiet rule in SQL: the tracker has started and no
    // sample is due (`now < quiet_until`, false while quiet_until is NULL), the change does
    // not complete it, and it does not lower the count. `now` is the caller's time, or else
    // the server's clock, read in the statement itself. Unlike SQLite, PostgreSQL fails a
    // statement whose sum overflows (aborting the transaction): a change that would pass the
    // largest bigint is written `current <= max - amount`, never computed, and left to the
    // recording path, which refuses it without an error.
    private static let addQuietly = """
        UPDATE tracker SET current = current + $1, updated_at = clock.now
        FROM (SELECT COALESCE($2::double precision, \(serverClock)) AS now) clock
        WHERE id = $3 AND token = $4 AND clock.now < quiet_until
            AND (completed_at IS NOT NULL OR current < total - $1)
            AND current <= 9223372036854775807 - $1
        """
    private static let assignQuietly = """
        UPDATE tracker SET current = $1, updated_at = clock.now
        FROM (SELECT COALESCE($2::double precision, \(serverClock)) AS now) clock
        WHERE id = $3 AND token = $4 AND clock.now < quiet_until
            AND (completed_at IS NOT NULL OR $1 < total)
            AND $1 > current
        """
    // Outside a transaction: the same UPDATE and the commit's mark in one statement, one round trip.
    private static let addQuietlyAlone = autocommitted(addQuietly, parameterCount: 4)
    private static let assignQuietlyAlone = autocommitted(assignQuietly, parameterCount: 4)

    package func applyQuietly(_ change: CountChange, to tracker: TrackerIdentity, at now: Double?) throws(StorageError) -> Bool {
        let sql: String, alone: String, value: Int
        switch change {
        case let .add(amount): (sql, alone, value) = (Self.addQuietly, Self.addQuietlyAlone, amount)
        case let .assign(current): (sql, alone, value) = (Self.assignQuietly, Self.assignQuietlyAlone, current)
        case .total: return false
        }
        let parameters: [PostgresValue] = [.int64(Int64(value)), now.map { .double($0) } ?? .null, .int64(tracker.id), .int64(tracker.token)]
        guard isInTransaction else { return try writeAlone(alone, parameters) > 0 }
        return try self.change(sql, parameters) > 0
    }

    private static let add = "UPDATE tracker SET current = current + $1, updated_at = $2 WHERE id = $3 AND token = $4"
    private static let assign = "UPDATE tracker SET current = $1, updated_at = $2 WHERE id = $3 AND token = $4"
    private static let setTotal = "UPDATE tracker SET total = $1, updated_at = $2 WHERE id = $3 AND token = $4"

    /// The service checks a sum for overflow against the state it read, which `state(of:)`
    /// keeps locked: the sum cannot overflow here.
    package func apply(_ change: CountChange, to tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        let (sql, value) = switch change {
        case let .add(amount): (Self.add, amount)
        case let .assign(current): (Self.assign, current)
        case let .total(total): (Self.setTotal, total)
        }
        try requireChange(in: .tracker, sql, [.int64(Int64(value)), .double(now), .int64(tracker.id), .int64(tracker.token)])
    }

    // A restart ($6 not NULL) starts the tracker's timing if it had none, and measures its
    // rate from the count now.
    private static let mark = """
        UPDATE tracker SET
            completed_at = CASE WHEN $1::boolean THEN NULL ELSE COALESCE($2::double precision, completed_at) END,
            quiet_until = $3,
            started_at = CASE WHEN $6::double precision IS NULL THEN started_at ELSE COALESCE(started_at, $6) END,
            rate_since = COALESCE($6, rate_since),
            rate_base_at = COALESCE($6, rate_base_at),
            rate_base_current = CASE WHEN $6::double precision IS NULL THEN rate_base_current ELSE current END
        WHERE id = $4 AND token = $5
        """

    package func mark(_ tracker: TrackerIdentity, _ marks: TrackerMarks, at now: Double) throws(StorageError) {
        let completedAt: Double? = if case let .completed(at) = marks.completion { at } else { nil }
        try requireChange(in: .tracker, Self.mark, [
            .bool(marks.completion == .reopened), completedAt.map { .double($0) } ?? .null,
            marks.quietUntil.map { .double($0) } ?? .null, .int64(tracker.id), .int64(tracker.token),
            marks.rateRestart.map { .double($0) } ?? .null,
        ])
    }

    // The base is found by one probe of the tracker's index of events, from its newest end.
    private static let advanceRateBase = """
        UPDATE tracker SET rate_base_at = b.at, rate_base_current = b.current
        FROM (
            SELECT e.at, e.current FROM tracker_event e JOIN tracker r ON r.id = e.tracker_id
            WHERE r.id = $3 AND e.at >= r.rate_since AND e.at <= $1::double precision - $2::double precision
            ORDER BY e.at DESC, e.id DESC LIMIT 1
        ) b
        WHERE id = $3 AND token = $4
        """

    /// - Complexity: an index range scan over the tracker's history since its rate's start.
    package func advanceRateBase(of tracker: TrackerIdentity, window: Double, at now: Double) throws(StorageError) {
        try change(Self.advanceRateBase, [.double(now), .double(window), .int64(tracker.id), .int64(tracker.token)])
    }

    private static let resume = """
        UPDATE tracker SET
            paused_seconds = paused_seconds + CASE WHEN started_at IS NULL THEN 0 ELSE $1::double precision END,
            rate_since = CASE WHEN started_at IS NULL THEN NULL ELSE $2::double precision END,
            rate_base_at = CASE WHEN started_at IS NULL THEN NULL ELSE $2::double precision END,
            rate_base_current = CASE WHEN started_at IS NULL THEN NULL ELSE current END,
            updated_at = $2
        WHERE id = $3 AND token = $4
        """

    /// A tracker that has not started has no timing yet: only its change time moves.
    package func resume(_ tracker: TrackerIdentity, downtime: Double, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker, Self.resume, [.double(downtime), .double(now), .int64(tracker.id), .int64(tracker.token)])
    }

    // The tracker's row is locked by the test that it exists, as in `insertTracker`. Keys are
    // unique by `progress_item_key(key)` (see the migration).
    private static let insertItem = """
        INSERT INTO tracker_item (tracker_id, key) SELECT $1, $2
        WHERE EXISTS (SELECT 1 FROM tracker WHERE id = $1 AND token = $3 FOR KEY SHARE)
        ON CONFLICT (tracker_id, progress_item_key(key)) DO NOTHING
        """

    package func insertItem(_ key: String, into tracker: TrackerIdentity) throws(StorageError) -> Bool {
        if try change(Self.insertItem, [.int64(tracker.id), .text(key), .int64(tracker.token)]) > 0 { return true }
        // Not inserted: counted before (false), or the tracker is gone (throws).
        _ = try hasItem(key, in: tracker)
        return false
    }

    private static let deleteItem = "DELETE FROM tracker_item WHERE tracker_id = $1 AND progress_item_key(key) = progress_item_key($2)"

    package func deleteItem(_ key: String, from tracker: TrackerIdentity) throws(StorageError) {
        try change(Self.deleteItem, [.int64(tracker.id), .text(key)])
    }

    private static let hasItem = """
        SELECT EXISTS (SELECT 1 FROM tracker WHERE id = $1 AND token = $2),
            EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = $1 AND progress_item_key(key) = progress_item_key($3))
        """

    package func hasItem(_ key: String, in tracker: TrackerIdentity) throws(StorageError) -> Bool {
        let (tracked, counted) = try first(Self.hasItem, [.int64(tracker.id), .int64(tracker.token), .text(key)]) { row throws(PostgresError) in
            (try row.next(Bool.self), try row.next(Bool.self))
        } ?? (false, false)
        guard tracked else { throw StorageError(.missing(.tracker)) }
        return counted
    }
}
