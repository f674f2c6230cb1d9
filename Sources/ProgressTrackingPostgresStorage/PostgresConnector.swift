package import ProgressTrackingLibPQ
package import ProgressTrackingStorage

/// Opens the connections of a store kept in one schema of a PostgreSQL database.
package struct PostgresConnector: StorageConnector {
    /// A libpq connection string or URI. It may hold a password: it is never shown.
    let connectionString: String
    let schema: String
    let busyTimeout: Duration
    let timeouts: PostgresTimeouts
    package let location: String

    /// - Parameters:
    ///   - timeouts: The bounds on connecting and on every call; by default libpq's wrapper's,
    ///     with a reply bound that outlasts the busy timeout (a statement waiting for a lock
    ///     ends with `.busy` first).
    package init(connectionString: String, schema: String, busyTimeout: Duration, timeouts: PostgresTimeouts? = nil) {
        self.connectionString = connectionString
        self.schema = schema
        self.busyTimeout = busyTimeout
        var defaults = PostgresTimeouts.default
        defaults.reply = max(defaults.reply, busyTimeout + .seconds(30))
        self.timeouts = timeouts ?? defaults
        location = Self.location(connectionString: connectionString, schema: schema)
    }

    /// How messages name a store in `schema` on the server `connectionString` leads to,
    /// `host:port/database as user, schema S`, without connecting; never a password.
    package static func location(connectionString: String, schema: String) -> String {
        "\(PostgresConnection.describe(connectionString: connectionString)), schema \(schema)"
    }

    /// `connectionString` with its passwords masked (`********`, or one `*` per byte when
    /// `keepingLength`), for a command line shown.
    package static func masked(connectionString: String, keepingLength: Bool = false) -> String {
        PostgresConnection.masked(connectionString: connectionString, keepingLength: keepingLength)
    }

    package var allowsReaders: Bool { true }

    /// Connects, and creates or upgrades the schema (see `Migrator`).
    package func openWriter() throws(StorageError) -> any TrackerStorage {
        let schema = try SchemaName(schema)
        let storage = try connect(readOnly: false, schema: schema)
        try Migrator.migrate(schema, on: storage.connection)
        try storage.forgetVanishedWriters()
        return storage
    }

    /// Connects read-only: the schema must hold a store at the latest version.
    package func openReader() throws(StorageError) -> any TrackerStorage {
        let schema = try SchemaName(schema)
        let storage = try connect(readOnly: true, schema: schema)
        let state = try opening { () throws(PostgresError) in try Migrator.state(of: schema, on: storage.connection) }
        if let refusal = Migrator.refusal(state) { throw refusal }
        guard state.exists else { throw StorageError(.cannotOpen(reason: "the database has no schema \(schema.name)")) }
        guard state.isVersioned else { throw StorageError(.cannotOpen(reason: "schema \(schema.name) holds no store yet")) }
        guard state.version == Migration.latestVersion else {
            throw StorageError(.outdatedSchema(version: state.version, supported: Migration.latestVersion))
        }
        return storage
    }

    private func connect(readOnly: Bool, schema: SchemaName) throws(StorageError) -> PostgresTrackerStorage {
        let session = Session(schema: schema, lockTimeout: busyTimeout, readOnly: readOnly)
        return try opening { () throws(PostgresError) in
            let connection = try PostgresConnection(connectionString, applicationName: "progress-tracking", timeouts: timeouts)
            let backend = try session.apply(to: connection)
            return PostgresTrackerStorage(connection: connection, session: session, backend: backend, resolutionTimeout: timeouts.connect)
        }
    }
}
