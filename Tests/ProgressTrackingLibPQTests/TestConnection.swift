import ProgressTrackingLibPQ
import ProgressTrackingTestSupport

/// A new connection to the test server, by default as its trusted test role.
func testConnection(_ connectionString: String? = nil, timeouts: PostgresTimeouts = .default) throws -> PostgresConnection {
    try PostgresConnection(connectionString ?? TestPostgres.server().uri, applicationName: "progress-tracking-tests", timeouts: timeouts)
}

extension PostgresConnection {
    /// The single value of a one-row, one-column query.
    func scalar<Value: PostgresDecodable>(_ type: Value.Type, _ sql: String, _ parameters: [PostgresValue] = []) throws -> Value {
        try query(sql, parameters).value(type, row: 0, column: 0)
    }
}
