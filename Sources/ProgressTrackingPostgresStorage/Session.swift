internal import ProgressTrackingLibPQ
internal import ProgressTrackingStorage

/// What every connection of a store sets up right after connecting, and again after each
/// reconnect: the schema it works in, how long it waits for a lock, and whether it may write.
struct Session: Sendable {
    let schema: SchemaName
    /// `lock_timeout`: a lock held longer than the store's busy timeout gives `.busy`.
    let lockTimeout: Duration
    /// `default_transaction_read_only`: every write is refused by the server itself.
    let readOnly: Bool

    /// The server process a session ran in, told apart from a later process with the same pid
    /// by its start time: what the commit-outcome rule must see gone before it trusts what a
    /// broken session did.
    struct Backend: Sendable, Equatable {
        let processID: Int64
        /// `pg_stat_activity.backend_start` as Unix seconds, in `numeric` text: exact.
        let start: String
    }

    // One round trip. search_path names the store's schema alone (pg_catalog is searched
    // first anyway), so the storage's statements name tables without a schema. Every
    // transaction is READ COMMITTED whatever the server's default: the storage's SQL relies
    // on each statement seeing what committed before it, and on row locks for the rest.
    // Prepared statements keep one plan: PostgreSQL may otherwise plan a set's status anew at
    // every call, since its cost depends on the set (measured: 1.6 ms of planning for 0.9 ms
    // of work, for a set of 10 trackers beside one of 1,000). The price: a plan made without
    // the set's id may read the schema's other trackers too, when one set holds most of them.
    private static let setUp = PostgresStatement("""
        SELECT set_config('search_path', $1, false), set_config('lock_timeout', $2, false),
            set_config('default_transaction_isolation', 'read committed', false),
            set_config('default_transaction_read_only', $3, false),
            set_config('plan_cache_mode', 'force_generic_plan', false),
            pg_backend_pid(),
            (SELECT EXTRACT(epoch FROM backend_start)::text FROM pg_stat_activity WHERE pid = pg_backend_pid())
        """)

    /// Applies the settings to a new session.
    /// - Returns: the session's server process.
    func apply(to connection: PostgresConnection) throws(PostgresError) -> Backend {
        // 0 would mean "wait forever".
        let milliseconds = max(1, lockTimeout.milliseconds)
        let result = try connection.query(Self.setUp.sql, [
            .text(schema.quoted), .text("\(milliseconds)ms"), .text(readOnly ? "on" : "off"),
        ])
        return Backend(
            processID: try result.value(Int64.self, row: 0, column: 5),
            start: try result.value(String.self, row: 0, column: 6))
    }
}
