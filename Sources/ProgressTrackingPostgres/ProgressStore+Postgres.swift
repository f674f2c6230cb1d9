public import ProgressTracking
internal import ProgressTrackingPostgresStorage

/// A store on a PostgreSQL server, for workers on many hosts: see <doc:ManyHosts>.
extension ProgressStore {
    /// Opens the store kept in a schema of a PostgreSQL database, creating the schema and its
    /// tables if absent and upgrading an older one, so that workers on many hosts count into
    /// the same tracker sets. Everything else (`trackerSet`, `openTracker`, `increment`,
    /// `transaction { }`, `getStatus()`, `history`, `updates(every:)`, `changeToken()`)
    /// behaves as on an SQLite file.
    ///
    /// ```swift
    /// import ProgressTrackingPostgres
    /// let store = try ProgressStore(postgres: "postgresql://importer@db.internal/progress")
    /// ```
    ///
    /// **Connection strings.** Either form libpq reads: a URI, `postgresql://user@host:port/database`
    /// (or `postgres://`), or keywords, `host=db.internal dbname=progress user=importer`. What
    /// the string leaves out comes from the `PG*` environment variables (`PGHOST`, `PGPORT`,
    /// `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSSLMODE`, …) and libpq's defaults. Keep
    /// passwords out of command lines and source: put them in `~/.pgpass` (or the file
    /// `PGPASSFILE` names, mode 0600), one `host:port:database:user:password` line each, where
    /// libpq finds them. A password in the string is never shown: messages and `path` name the
    /// server as `host:port/database as user`, and the schema.
    ///
    /// **Guarantees across hosts.** Counting is done in SQL; an item key and its count commit
    /// together; any number of processes and hosts counting into one tracker lose and double
    /// nothing; processes opening one tracker name at once get one tracker. Times in history and
    /// timing come from the server's clock, so events from different hosts order correctly.
    ///
    /// **A broken connection.** A call whose connection breaks throws
    /// `ProgressTrackingError.connectionLost(path:reason:)` within a bounded time, having
    /// changed nothing, never hangs, and the next call connects again. The bounds: 10 seconds to
    /// connect; about 10 seconds for a server whose host stops answering on TCP; 60 seconds (or
    /// the busy timeout and 30 seconds, if longer) for any reply.
    ///
    /// **The commit-outcome rule.** When the reply to a commit is lost, the call does not
    /// guess: it connects again, makes sure the broken session has ended on the server (so that
    /// its commit can no longer happen), and reads whether it happened, returning normally if it
    /// did and throwing `.connectionLost`, having changed nothing, if it did not. This takes no
    /// round trip of its own while nothing fails: each transaction that writes marks its commit
    /// in a row of its connection's own, in the round trip of the commit. Its bound: the server
    /// must answer again within 10 seconds (the connect timeout) of the loss. Past that, and only
    /// then, the call throws `ProgressTrackingError.commitOutcomeUnknown(path:reason:)`: its
    /// writes are all in the store or none is, and the caller reads the store to tell.
    ///
    /// **Cost.** Each call is one round trip when it can be: an increment outside a transaction
    /// is one, the commit included; in a transaction, each statement is one and the commit one.
    ///
    /// - Parameters:
    ///   - postgres: A libpq connection string or URI.
    ///   - schema: The schema that holds the store's tables, created if absent; several stores
    ///     can share one database under different schemas. Any name of at most 63 bytes; it is
    ///     quoted, so its case and characters are kept as given.
    ///   - readOnly: Opens without write access: every write throws `.readOnly`, and the server
    ///     itself refuses writes on its connections (`default_transaction_read_only`). The schema
    ///     must hold a store at this version of the library.
    ///   - busyTimeout: How long a call waits for a lock another connection holds (a row being
    ///     counted in another host's open transaction) before it throws `.busy`: PostgreSQL's
    ///     `lock_timeout`.
    ///   - sampleInterval: How often, at most, a counting tracker's progress is sampled into the
    ///     history.
    /// - Throws: `ProgressTrackingError`: `.cannotOpen` (the server cannot be reached, the login
    ///   is refused, the schema name is empty, longer than 63 bytes or holds a NUL character, the
    ///   user may not create the schema; read-only: no such schema, or no store in it),
    ///   `.notAProgressStore` (the schema holds another program's tables), `.newerSchema` (left
    ///   untouched), `.outdatedSchema` (read-only on an older store), `.busy`.
    public convenience init(
        postgres: String,
        schema: String = "progress_tracking",
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        sampleInterval: Duration = .seconds(1)
    ) throws(ProgressTrackingError) {
        try self.init(
            postgres: postgres, schema: schema, readOnly: readOnly, busyTimeout: busyTimeout,
            timekeeping: .storageClock(sampleInterval: sampleInterval))
    }

    /// Opens the store with the given clock and sample interval; tests give it a clock of theirs.
    package convenience init(
        postgres: String,
        schema: String = "progress_tracking",
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        timekeeping: Timekeeping
    ) throws(ProgressTrackingError) {
        let connector = PostgresConnector(connectionString: postgres, schema: schema, busyTimeout: busyTimeout)
        try self.init(connector: connector, readOnly: readOnly, busyTimeout: busyTimeout, timekeeping: timekeeping)
    }
}
