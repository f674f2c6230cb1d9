internal import ProgressTrackingSQLite
package import ProgressTrackingStorage

extension SQLiteTrackerStorage {
    // A failure is stored only for an item that is not counted, of a tracker that exists; a
    // repeated one keeps its row, with one more attempt and the last reason. Plain statements,
    // not an upsert with RETURNING: SQLite keeps RETURNING's rows in temporary tables, about 40k
    // instructions a statement, which made recording a failure cost twice counting an item.
    private static let insertFailure = SQL("""
        INSERT INTO tracker_failure (tracker_id, key, reason, attempts, first_at, last_at)
        SELECT :id, :key, :reason, 1, :now, :now
        WHERE EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
            AND NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key)
        ON CONFLICT (tracker_id, key) DO NOTHING
        """)
    private static let repeatFailure = SQL("""
        UPDATE tracker_failure SET attempts = attempts + 1, last_at = :now, reason = :reason
        WHERE tracker_id = :id AND key = :key
            AND EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token)
            AND NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = :id AND key = :key)
        """)
    private static let failureAttempts = SQL("SELECT attempts FROM tracker_failure WHERE tracker_id = :id AND key = :key")
    // The tracker is there: insertFailure's statement checked its token.
    private static let countFailure = SQL("UPDATE tracker_detail SET failed = failed + 1 WHERE tracker_id = :id")
    private static let failuresSampledAt = SQL("SELECT failure_sampled_at FROM tracker_detail WHERE tracker_id = :id")

    package func recordFailure(
        _ key: String, reason: String, of tracker: TrackerIdentity, at now: Double
    ) throws(StorageError) -> FailureRecording {
        let inserted = try run { () throws(SQLiteError) in
            try connection.statement(Self.insertFailure).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
                $0.bind(reason, as: ":reason")
                $0.bind(now, as: ":now")
                $0.bind(tracker.token, as: ":token")
            }
        }
        guard inserted == 0 else {
            let lastSample = try run { () throws(SQLiteError) in
                _ = try connection.statement(Self.countFailure).run { $0.bind(tracker.id, as: ":id") }
                return try connection.statement(Self.failuresSampledAt).first {
                    $0.bind(tracker.id, as: ":id")
                } read: { $0.optionalDouble("failure_sampled_at") }
            }
            return .first(lastSample: lastSample ?? nil)
        }
        let attempts = try run { () throws(SQLiteError) -> Int? in
            let repeated = try connection.statement(Self.repeatFailure).run {
                $0.bind(now, as: ":now")
                $0.bind(reason, as: ":reason")
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
                $0.bind(tracker.token, as: ":token")
            }
            guard repeated > 0 else { return nil }
            return try connection.statement(Self.failureAttempts).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
            } read: { $0.int("attempts") }
        }
        if let attempts { return .repeated(attempts: attempts) }
        // Nothing stored: the item is counted (hasItem says so), or the tracker is gone (it throws).
        _ = try hasItem(key, in: tracker)
        return .alreadyCounted
    }

    private static let markFailuresSampled = SQL("""
        UPDATE tracker_detail SET failure_sampled_at = :now
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
        """)

    package func markFailuresSampled(_ tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.markFailuresSampled).run {
                $0.bind(now, as: ":now")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let resolveFailure = SQL("""
        UPDATE tracker_failure SET resolved_at = :now, resolution = :resolution
        WHERE tracker_id = :id AND key = :key AND resolved_at IS NULL
        """)
    private static let uncountFailure = SQL("""
        UPDATE tracker_detail SET failed = failed - 1
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
        """)

    package func resolveFailure(
        _ key: String, of tracker: TrackerIdentity, as resolution: String, at now: Double?
    ) throws(StorageError) -> Bool {
        let now = now ?? self.now()
        let resolved = try run { () throws(SQLiteError) in
            try connection.statement(Self.resolveFailure).run {
                $0.bind(now, as: ":now")
                $0.bind(resolution, as: ":resolution")
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
            } > 0
        }
        guard resolved else { return false }
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.uncountFailure).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
        return true
    }

    private static let reopenFailure = SQL(
        "UPDATE tracker_failure SET resolved_at = NULL, resolution = NULL WHERE tracker_id = :id AND key = :key"
    )
    private static let recountFailure = SQL("""
        UPDATE tracker_detail SET failed = failed + 1
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
        """)

    package func reopenFailure(_ key: String, of tracker: TrackerIdentity) throws(StorageError) {
        try run { () throws(SQLiteError) in
            try connection.statement(Self.reopenFailure).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
            }
        }
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.recountFailure).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let insertSkip = SQL(
        "INSERT INTO tracker_skip (tracker_id, key, reason, at) VALUES (:id, :key, :reason, :now)"
    )
    private static let countSkip = SQL("""
        UPDATE tracker_detail SET skipped = skipped + 1
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
        """)

    package func recordSkip(_ key: String, reason: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.countSkip).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
        try run { () throws(SQLiteError) in
            try connection.statement(Self.insertSkip).run {
                $0.bind(tracker.id, as: ":id")
                $0.bind(key, as: ":key")
                $0.bind(reason, as: ":reason")
                $0.bind(now, as: ":now")
            }
        }
    }

    // Unbound filters (NULL) do not limit; a LIMIT of -1 is none.
    private static let trackerFailures = SQL("""
        SELECT t.name AS tracker, f.key, f.reason, f.attempts, f.first_at, f.last_at, f.resolved_at, f.resolution
        FROM tracker_failure f JOIN tracker t ON t.id = f.tracker_id
        WHERE f.tracker_id = :scope AND t.token = :token
            AND (:resolved IS NULL OR (f.resolved_at IS NOT NULL) = :resolved)
        ORDER BY f.first_at, f.key LIMIT :limit
        """)
    private static let setFailures = SQL("""
        SELECT t.name AS tracker, f.key, f.reason, f.attempts, f.first_at, f.last_at, f.resolved_at, f.resolution
        FROM tracker t JOIN tracker_failure f ON f.tracker_id = t.id
        WHERE t.set_id = :scope AND (SELECT token FROM tracker_set WHERE id = :scope) = :token
            AND (:resolved IS NULL OR (f.resolved_at IS NOT NULL) = :resolved)
        ORDER BY f.first_at, t.id, f.key LIMIT :limit
        """)

    package func failures(_ query: FailureQuery) throws(StorageError) -> [FailureRow] {
        let (sql, id, token, entity): (SQL, Int64, Int64, StoredEntity) = switch query.scope {
        case let .tracker(tracker): (Self.trackerFailures, tracker.id, tracker.token, .tracker)
        case let .set(set): (Self.setFailures, set.id, set.token, .trackerSet)
        }
        let rows = try run { () throws(SQLiteError) in
            try connection.statement(sql).all {
                $0.bind(id, as: ":scope")
                $0.bind(token, as: ":token")
                $0.bind(query.resolved, as: ":resolved")
                $0.bind(query.limit ?? -1, as: ":limit")
            } read: { row in
                FailureRow(
                    tracker: row.string("tracker"), key: row.string("key"), reason: row.string("reason"),
                    attempts: row.int("attempts"), firstAt: row.double("first_at"), lastAt: row.double("last_at"),
                    resolvedAt: row.optionalDouble("resolved_at"), resolution: row.optionalString("resolution")
                )
            }
        }
        // An empty listing of a set or tracker that is gone is its removal.
        if rows.isEmpty { try requireExists(entity, id: id, token: token) }
        return rows
    }

    private static let cursor = SQL("""
        SELECT d.cursor FROM tracker t JOIN tracker_detail d ON d.tracker_id = t.id
        WHERE t.id = :id AND t.token = :token
        """)

    package func cursor(of tracker: TrackerIdentity) throws(StorageError) -> String? {
        let cursor = try run { () throws(SQLiteError) in
            try connection.statement(Self.cursor).first {
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            } read: { $0.optionalString("cursor") }
        }
        guard let cursor else { throw StorageError(.missing(.tracker)) }
        return cursor
    }

    private static let setCursor = SQL("""
        UPDATE tracker_detail SET cursor = :value
        WHERE tracker_id = :id AND (SELECT token FROM tracker WHERE id = :id) = :token
        """)

    package func setCursor(_ cursor: String?, of tracker: TrackerIdentity) throws(StorageError) {
        try requireChange(in: .tracker) { () throws(SQLiteError) in
            try connection.statement(Self.setCursor).run {
                $0.bind(cursor, as: ":value")
                $0.bind(tracker.id, as: ":id")
                $0.bind(tracker.token, as: ":token")
            }
        }
    }

    private static let trackerExists = SQL("SELECT EXISTS (SELECT 1 FROM tracker WHERE id = :id AND token = :token) AS found")
    private static let setExists = SQL("SELECT EXISTS (SELECT 1 FROM tracker_set WHERE id = :id AND token = :token) AS found")

    /// Throws `.missing(entity)` unless the row with that identity exists.
    func requireExists(_ entity: StoredEntity, id: Int64, token: Int64) throws(StorageError) {
        let sql = entity == .tracker ? Self.trackerExists : Self.setExists
        let found = try run { () throws(SQLiteError) in
            try connection.statement(sql).first {
                $0.bind(id, as: ":id")
                $0.bind(token, as: ":token")
            } read: { $0.bool("found") } ?? false
        }
        guard found else { throw StorageError(.missing(entity)) }
    }
}
