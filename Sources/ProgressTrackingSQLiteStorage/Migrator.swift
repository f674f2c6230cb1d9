internal import ProgressTrackingSQLite

/// Brings a database up to the schema version this code knows, one migration at a time.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the
/// `PRAGMA user_version` that records it, and reads the version again inside that
/// transaction: two processes opening a new file at once apply each migration once.
enum Migrator {
    private static let schemaVersion = SQL("PRAGMA user_version")
    private static let schemaState = SQL("""
        SELECT (SELECT user_version FROM pragma_user_version) AS version,
            (SELECT count(*) FROM sqlite_schema) AS objects,
            (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('tracker_set', 'tracker')) AS core_tables
        """)

    /// The schema version recorded in the file: 0 for a new or empty file.
    static func schemaVersion(of connection: Connection) throws(SQLiteError) -> Int {
        try connection.statement(schemaVersion).first { $0.int("user_version") } ?? 0
    }

    /// What a file's schema is, read in one statement: one snapshot, so a file that another
    /// process is creating is never seen half-made (still at version 0, yet with tables),
    /// which would look like another program's database.
    struct SchemaState {
        /// `PRAGMA user_version`: 0 for a new or empty file.
        let version: Int
        /// Whether the file holds no schema at all.
        let isEmpty: Bool
        /// Whether the tables every version has since the first are there.
        let hasCoreTables: Bool
    }

    static func schemaState(of connection: Connection) throws(SQLiteError) -> SchemaState {
        try connection.statement(schemaState).first { row in
            SchemaState(version: row.int("version"), isEmpty: row.int("objects") == 0, hasCoreTables: row.int("core_tables") == 2)
        } ?? SchemaState(version: 0, isEmpty: true, hasCoreTables: false)
    }

    /// Applies, in order, every migration above the file's version, up to `target`.
    static func migrate(_ connection: Connection, upTo target: Int = Migration.latestVersion) throws(SQLiteError) {
        // An up-to-date file, the common case, needs no write lock.
        guard try schemaVersion(of: connection) < target else { return }
        for migration in Migration.all where migration.version <= target {
            try connection.beginImmediate()
            do throws(SQLiteError) {
                if try schemaVersion(of: connection) < migration.version {
                    try connection.execute(migration.sql)
                    try migration.dataStep?(connection)
                    try connection.execute("PRAGMA user_version = \(migration.version)")
                }
                try connection.commit()
            } catch {
                connection.rollback()
                throw error
            }
        }
    }
}
