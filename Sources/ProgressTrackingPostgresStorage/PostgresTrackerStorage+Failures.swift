internal import ProgressTrackingLibPQ
package import ProgressTrackingStorage

extension PostgresTrackerStorage {
    // The tracker's row is locked first, in its own statement: a transaction counting the
    // item holds it until it commits, and this insert, a statement that starts afterwards,
    // then sees the item counted. (In one statement, the test that the item is not counted
    // would read the data as it was before the wait.) SQLite needs none of this: its writers
    // take turns.
    private static let lockTracker = "SELECT 1 FROM tracker WHERE id = $1 AND token = $2 FOR NO KEY UPDATE"
    // A failure is stored only for an item that is not counted, of a tracker that exists; a
    // repeated one keeps its row, with one more attempt and the last reason.
    private static let recordFailure = """
        INSERT INTO tracker_failure (tracker_id, key, reason, attempts, first_at, last_at)
        SELECT $1, $2, $3, 1, $4, $4
        WHERE EXISTS (SELECT 1 FROM tracker WHERE id = $1 AND token = $5)
            AND NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = $1 AND progress_item_key(key) = progress_item_key($2))
        ON CONFLICT (tracker_id, progress_item_key(key)) DO UPDATE SET
            attempts = tracker_failure.attempts + 1, last_at = excluded.last_at, reason = excluded.reason
        RETURNING attempts
        """
    private static let countFailure = "UPDATE tracker SET failed = failed + 1 WHERE id = $1 AND token = $2 RETURNING failure_sampled_at"

    package func recordFailure(
        _ key: String, reason: String, of tracker: TrackerIdentity, at now: Double
    ) throws(StorageError) -> FailureRecording {
        let attempts = try first([
            PostgresStatement(Self.lockTracker, [.int64(tracker.id), .int64(tracker.token)]),
            PostgresStatement(Self.recordFailure, [.int64(tracker.id), .text(key), .text(reason), .double(now), .int64(tracker.token)]),
        ], writes: true) { row throws(PostgresError) in try row.next(Int.self) }
        guard let attempts else {
            // Nothing stored: the item is counted (hasItem says so), or the tracker is gone (it throws).
            _ = try hasItem(key, in: tracker)
            return .alreadyCounted
        }
        guard attempts == 1 else { return .repeated(attempts: attempts) }
        let lastSample = try first(Self.countFailure, [.int64(tracker.id), .int64(tracker.token)], writes: true) { row throws(PostgresError) in
            try row.next(Double?.self)
        }
        return .first(lastSample: lastSample ?? nil)
    }

    private static let markFailuresSampled = "UPDATE tracker SET failure_sampled_at = $1 WHERE id = $2 AND token = $3"

    package func markFailuresSampled(_ tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker, Self.markFailuresSampled, [.double(now), .int64(tracker.id), .int64(tracker.token)])
    }

    private static let resolveFailure = """
        UPDATE tracker_failure SET resolved_at = clock.now, resolution = $1
        FROM (SELECT COALESCE($2::double precision, \(serverClock)) AS now) clock
        WHERE tracker_id = $3 AND progress_item_key(key) = progress_item_key($4) AND resolved_at IS NULL
        """
    private static let uncountFailure = "UPDATE tracker SET failed = failed - 1 WHERE id = $1 AND token = $2"

    package func resolveFailure(
        _ key: String, of tracker: TrackerIdentity, as resolution: String, at now: Double?
    ) throws(StorageError) -> Bool {
        let resolved = try change(Self.resolveFailure, [.text(resolution), now.map { .double($0) } ?? .null, .int64(tracker.id), .text(key)])
        guard resolved > 0 else { return false }
        try requireChange(in: .tracker, Self.uncountFailure, [.int64(tracker.id), .int64(tracker.token)])
        return true
    }

    private static let reopenFailure = """
        UPDATE tracker_failure SET resolved_at = NULL, resolution = NULL
        WHERE tracker_id = $1 AND progress_item_key(key) = progress_item_key($2)
        """
    private static let recountFailure = "UPDATE tracker SET failed = failed + 1 WHERE id = $1 AND token = $2"

    package func reopenFailure(_ key: String, of tracker: TrackerIdentity) throws(StorageError) {
        let recounted = try execute([
            PostgresStatement(Self.reopenFailure, [.int64(tracker.id), .text(key)]),
            PostgresStatement(Self.recountFailure, [.int64(tracker.id), .int64(tracker.token)]),
        ], writes: true)
        guard recounted.changedRowCount > 0 else { throw StorageError(.missing(.tracker)) }
    }

    private static let insertSkip = "INSERT INTO tracker_skip (tracker_id, key, reason, at) VALUES ($1, $2, $3, $4)"
    private static let countSkip = "UPDATE tracker SET skipped = skipped + 1 WHERE id = $1 AND token = $2"

    package func recordSkip(_ key: String, reason: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker, Self.countSkip, [.int64(tracker.id), .int64(tracker.token)])
        try change(Self.insertSkip, [.int64(tracker.id), .text(key), .text(reason), .double(now)])
    }

    // Unbound filters (NULL) do not limit; LIMIT NULL is no limit.
    private static let trackerFailures = """
        SELECT t.name, f.key, f.reason, f.attempts, f.first_at, f.last_at, f.resolved_at, f.resolution
        FROM tracker_failure f JOIN tracker t ON t.id = f.tracker_id
        WHERE f.tracker_id = $1 AND t.token = $2
            AND ($3::boolean IS NULL OR (f.resolved_at IS NOT NULL) = $3)
        ORDER BY f.first_at, f.key LIMIT $4
        """
    private static let setFailures = """
        SELECT t.name, f.key, f.reason, f.attempts, f.first_at, f.last_at, f.resolved_at, f.resolution
        FROM tracker t JOIN tracker_failure f ON f.tracker_id = t.id
        WHERE t.set_id = $1 AND (SELECT token FROM tracker_set WHERE id = $1) = $2
            AND ($3::boolean IS NULL OR (f.resolved_at IS NOT NULL) = $3)
        ORDER BY f.first_at, t.id, f.key LIMIT $4
        """

    package func failures(_ query: FailureQuery) throws(StorageError) -> [FailureRow] {
        let (sql, id, token, entity): (String, Int64, Int64, StoredEntity) = switch query.scope {
        case let .tracker(tracker): (Self.trackerFailures, tracker.id, tracker.token, .tracker)
        case let .set(set): (Self.setFailures, set.id, set.token, .trackerSet)
        }
        let parameters: [PostgresValue] = [
            .int64(id), .int64(token), query.resolved.map { .bool($0) } ?? .null, query.limit.map { .int64(Int64($0)) } ?? .null,
        ]
        let rows = try rows(sql, parameters) { row throws(PostgresError) in
            FailureRow(
                tracker: try row.next(), key: try row.next(), reason: try row.next(), attempts: try row.next(),
                firstAt: try row.next(), lastAt: try row.next(), resolvedAt: try row.next(), resolution: try row.next()
            )
        }
        // An empty listing of a set or tracker that is gone is its removal.
        if rows.isEmpty { try requireExists(entity, id: id, token: token) }
        return rows
    }

    private static let cursor = """
        SELECT c.value FROM tracker t LEFT JOIN tracker_cursor c ON c.tracker_id = t.id
        WHERE t.id = $1 AND t.token = $2
        """

    package func cursor(of tracker: TrackerIdentity) throws(StorageError) -> String? {
        let cursor = try first(Self.cursor, [.int64(tracker.id), .int64(tracker.token)]) { row throws(PostgresError) in
            try row.next(String?.self)
        }
        guard let cursor else { throw StorageError(.missing(.tracker)) }
        return cursor
    }

    private static let setCursor = """
        INSERT INTO tracker_cursor (tracker_id, value) SELECT $1, $2
        WHERE EXISTS (SELECT 1 FROM tracker WHERE id = $1 AND token = $3 FOR KEY SHARE)
        ON CONFLICT (tracker_id) DO UPDATE SET value = excluded.value
        """
    private static let clearCursor = "DELETE FROM tracker_cursor WHERE tracker_id = $1"

    package func setCursor(_ cursor: String?, of tracker: TrackerIdentity) throws(StorageError) {
        guard let cursor else {
            try requireExists(.tracker, id: tracker.id, token: tracker.token)
            try change(Self.clearCursor, [.int64(tracker.id)])
            return
        }
        try requireChange(in: .tracker, Self.setCursor, [.int64(tracker.id), .text(cursor), .int64(tracker.token)])
    }

    private static let trackerExists = "SELECT EXISTS (SELECT 1 FROM tracker WHERE id = $1 AND token = $2)"
    private static let setExists = "SELECT EXISTS (SELECT 1 FROM tracker_set WHERE id = $1 AND token = $2)"

    /// Throws `.missing(entity)` unless the row with that identity exists.
    func requireExists(_ entity: StoredEntity, id: Int64, token: Int64) throws(StorageError) {
        let sql = entity == .tracker ? Self.trackerExists : Self.setExists
        let found = try first(sql, [.int64(id), .int64(token)]) { row throws(PostgresError) in try row.next(Bool.self) } ?? false
        guard found else { throw StorageError(.missing(entity)) }
    }
}
