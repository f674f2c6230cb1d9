internal import ProgressTrackingLibPQ
internal import ProgressTrackingStorage

/// Brings a store's schema up to the version this code knows, one migration at a time.
///
/// Each migration runs in its own transaction, together with the update of the version it
/// records in `schema_version`, under a transaction-level advisory lock of the schema's own,
/// and reads the version again once it holds the lock: processes on many hosts opening a new
/// store at once apply each migration once, and the others find it done. A schema newer than
/// this code, or one that holds another program's tables, is refused before anything is written.
enum Migrator {
    /// What a schema holds, read in one statement.
    struct SchemaState {
        let exists: Bool
        /// Whether it has a `schema_version` table.
        let isVersioned: Bool
        /// Whether the tables every version has are there.
        let hasCoreTables: Bool
        /// Whether a schema without a version holds anything (tables, views, sequences,
        /// functions): another program's. False for a versioned one.
        let holdsOtherObjects: Bool
        /// The recorded version: 0 for a schema with none.
        var version = 0
    }

    // The catalogs are searched for a schema's objects only when it has no version: that
    // takes a scan of pg_class, which a database with many stores makes long.
    private static let schemaState = """
        SELECT n.oid IS NOT NULL, to_regclass($2) IS NOT NULL,
            to_regclass($3) IS NOT NULL AND to_regclass($4) IS NOT NULL,
            CASE WHEN n.oid IS NOT NULL AND to_regclass($2) IS NULL THEN
                EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relnamespace = n.oid)
                OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE pronamespace = n.oid)
            ELSE false END
        FROM (SELECT 1) AS one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = $1
        """
    // The connection's search_path names the store's schema.
    private static let schemaVersion = "SELECT version FROM schema_version"

    static func state(of schema: SchemaName, on connection: PostgresConnection) throws(PostgresError) -> SchemaState {
        let result = try connection.query(Self.schemaState, [
            .text(schema.name), .text(schema.quoted + ".schema_version"), .text(schema.quoted + ".tracker_set"),
            .text(schema.quoted + ".tracker"),
        ])
        var state = SchemaState(
            exists: try result.value(Bool.self, row: 0, column: 0),
            isVersioned: try result.value(Bool.self, row: 0, column: 1),
            hasCoreTables: try result.value(Bool.self, row: 0, column: 2),
            holdsOtherObjects: try result.value(Bool.self, row: 0, column: 3))
        if state.isVersioned {
            state.version = try connection.query(Self.schemaVersion).value(Int.self, row: 0, column: 0)
        }
        return state
    }

    /// Why a schema in this state is not a store this code may open, if it is not: a newer
    /// version, another program's objects without a version, a version without the tables
    /// every version has.
    static func refusal(_ state: SchemaState) -> StorageError? {
        if state.version > Migration.latestVersion {
            return StorageError(.newerSchema(version: state.version, supported: Migration.latestVersion))
        }
        if state.version < 0 || state.holdsOtherObjects || (state.version >= 1 && !state.hasCoreTables) {
            return StorageError(.notAProgressStore)
        }
        return nil
    }

    // The advisory lock's two keys: this library's migrations, and the schema.
    private static let lock = "SELECT pg_advisory_xact_lock(hashtext('progress-tracking migrations'), hashtext($1))"
    private static let recordVersion = "UPDATE schema_version SET version = $1"

    /// Applies, in order, every migration above the schema's version.
    static func migrate(_ schema: SchemaName, on connection: PostgresConnection) throws(StorageError) {
        // An up-to-date schema, the common case, takes no lock.
        let state = try opening { () throws(PostgresError) in try Self.state(of: schema, on: connection) }
        if let refusal = refusal(state) { throw refusal }
        guard state.version < Migration.latestVersion else { return }
        for migration in Migration.all where migration.version > state.version {
            let refusal: StorageError?
            do throws(PostgresError) {
                refusal = try apply(migration, to: schema, on: connection)
            } catch {
                if connection.transactionState != .idle { _ = try? connection.query("ROLLBACK") }
                throw StorageError(opening: error)
            }
            if let refusal { throw refusal }
        }
    }

    /// Applies `migration` in a transaction of its own, under the lock, unless another
    /// process did meanwhile. Returns why the schema is refused, if the state read under the
    /// lock shows it must be, having changed nothing.
    private static func apply(_ migration: Migration, to schema: SchemaName, on connection: PostgresConnection) throws(PostgresError) -> StorageError? {
        try connection.pipeline(["BEGIN", PostgresStatement(Self.lock, [.text(schema.name)])])
        let state = try Self.state(of: schema, on: connection)
        if let refusal = refusal(state) {
            try connection.query("ROLLBACK")
            return refusal
        }
        if state.version < migration.version {
            if !state.exists { try connection.execute(script: "CREATE SCHEMA \(schema.quoted)") }
            if !state.isVersioned {
                try connection.execute(script: """
                    CREATE TABLE schema_version (
                        version integer NOT NULL,
                        -- One row only.
                        one boolean PRIMARY KEY DEFAULT true CHECK (one)
                    );
                    INSERT INTO schema_version (version) VALUES (0);
                    """)
            }
            try connection.execute(script: migration.sql)
            try connection.query(Self.recordVersion, [.int64(Int64(migration.version))])
        }
        try connection.query("COMMIT")
        return nil
    }
}

/// Runs `body` while opening a store, translating its PostgreSQL failure.
func opening<T>(_ body: () throws(PostgresError) -> T) throws(StorageError) -> T {
    do {
        return try body()
    } catch {
        throw StorageError(opening: error)
    }
}
