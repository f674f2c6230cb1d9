import ProgressTrackingLibPQ

/// A store's schema on the test server, read and changed with SQL of the tests' own: what the
/// library deliberately does not offer (its version, its item keys, its sessions), and the
/// faults tests inflict on it.
package struct StoreSchema: Sendable {
    package let name: String
    private let uri: String

    /// The schema `name` of the configured test server, reached as its test role, or
    /// through `connectionString`.
    package init(_ name: String, through connectionString: String? = nil) throws {
        self.name = name
        uri = try connectionString ?? TestPostgres.server().uri
    }

    /// The schema name as an SQL identifier.
    package var quoted: String { "\"" + name.replacing("\"", with: "\"\"") + "\"" }

    /// A new connection to the test server; the caller closes it by letting go.
    package func connect() throws -> PostgresConnection {
        try PostgresConnection(uri, applicationName: "progress-tracking-tests")
    }

    /// The single value of a one-row, one-column query.
    package func scalar<Value: PostgresDecodable>(_ type: Value.Type, _ sql: String, _ parameters: [PostgresValue] = []) throws -> Value {
        try connect().query(sql, parameters).value(type, row: 0, column: 0)
    }

    /// Creates the schema, empty, owned by the connection's role.
    package func create() throws {
        try connect().execute(script: "CREATE SCHEMA \(quoted)")
    }

    /// The version recorded in the schema's `schema_version`.
    package func version() throws -> Int {
        try scalar(Int.self, "SELECT version FROM \(quoted).schema_version")
    }

    /// Sets the recorded version, as a newer library would have.
    package func setVersion(_ version: Int) throws {
        try connect().query("UPDATE \(quoted).schema_version SET version = $1", [.int64(Int64(version))])
    }

    /// How many item keys the tracker `tracker` of set `set` has stored.
    package func itemKeyCount(set: String, tracker: String) throws -> Int {
        try scalar(Int.self, """
            SELECT count(*) FROM \(quoted).tracker_item i JOIN \(quoted).tracker t ON t.id = i.tracker_id
            JOIN \(quoted).tracker_set s ON s.id = t.set_id WHERE s.name = $1 AND t.name = $2
            """, [.text(set), .text(tracker)])
    }

    /// Each tracker's count and stored item keys, by tracker name, read in one statement: a
    /// COMMIT that a killed process sent just before it died may still take effect, and two
    /// reads could straddle it.
    package func trackerCounts() throws -> [String: (current: Int, keys: Int)] {
        let rows = try connect().query("""
            SELECT t.name, t.current, (SELECT count(*) FROM \(quoted).tracker_item i WHERE i.tracker_id = t.id)
            FROM \(quoted).tracker t
            """)
        var counts: [String: (current: Int, keys: Int)] = [:]
        for row in 0..<rows.rowCount {
            counts[try rows.value(String.self, row: row, column: 0)] = (
                try rows.value(Int.self, row: row, column: 1), try rows.value(Int.self, row: row, column: 2)
            )
        }
        return counts
    }

    /// Everything the schema holds, as text: each object's name and kind, and each table's
    /// rows in order, to show that a refused schema was left as it was.
    package func snapshot() throws -> String {
        let connection = try connect()
        let objects = try connection.query("""
            SELECT c.relname || ' ' || c.relkind::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 ORDER BY 1
            """, [.text(name)])
        var lines: [String] = []
        for row in 0..<objects.rowCount {
            let object = try objects.value(String.self, row: row, column: 0)
            lines.append(object)
            guard object.hasSuffix(" r") else { continue }
            let table = "\(quoted).\"\(object.dropLast(2).replacing("\"", with: "\"\""))\""
            let rows = try connection.query("SELECT t::text FROM \(table) t ORDER BY 1")
            for row in 0..<rows.rowCount { lines.append("  " + (try rows.value(String.self, row: row, column: 0))) }
        }
        return lines.joined(separator: "\n")
    }

    /// The server processes of the sessions whose application_name is `applicationName`.
    package func sessions(named applicationName: String) throws -> [Int64] {
        let result = try connect().query(
            "SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY backend_start", [.text(applicationName)])
        return try (0..<result.rowCount).map { try result.value(Int64.self, row: $0, column: 0) }
    }

    /// The server process of the session named `applicationName` that waits for a lock;
    /// polls the server until there is one.
    package func sessionWaitingForALock(named applicationName: String) throws -> Int64 {
        let connection = try connect()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let waiting = try connection.query(
                "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [.text(applicationName)])
            if waiting.rowCount > 0 { return try waiting.value(Int64.self, row: 0, column: 0) }
        }
        throw PostgresError(.unexpectedValue, message: "no session named \(applicationName) waited for a lock within 30 seconds")
    }

    /// Ends the session of server process `pid`, returning once it has exited. A session of
    /// another role can be ended only through a connection as that role (see `init`).
    package func terminate(_ pid: Int64) throws {
        _ = try scalar(Bool.self, "SELECT pg_terminate_backend($1::int, 10000)", [.int64(pid)])
    }
}
