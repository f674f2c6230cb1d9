/// An error from PostgreSQL or from the connection to it.
///
/// The message never contains a password from the connection string (see `ConnectionSecrets`),
/// and, like `SQLiteError`, the error carries the SQL but not the values bound to it.
package struct PostgresError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// No connection could be made: unreachable server, refused login, a bad connection string.
        case connectionFailed
        /// The connection broke, or the server gave no reply within the reply timeout and the
        /// connection was closed. The outcome of the statements in flight is unknown; the
        /// connection is unusable until `PostgresConnection.reconnect()`.
        case connectionLost
        /// The server refused a statement; the connection is still usable (its transaction,
        /// if one is open, is aborted and waits for a `ROLLBACK`).
        case statementFailed
        /// A result did not hold what the caller asked for: NULL where a value was expected,
        /// text that does not parse as the requested type, a row or column out of range.
        case unexpectedValue
        /// A call this wrapper refuses before sending anything, such as a text parameter
        /// containing a NUL character, which libpq's text format cannot carry.
        case invalidArgument
    }

    package let kind: Kind
    /// The server's error code, when the server sent one. A lost connection may carry one
    /// too: `adminShutdown` when the server terminated the session.
    package let sqlState: SQLState?
    /// The server's primary message, or libpq's, with any password removed.
    package let message: String
    /// The server's DETAIL field, which may quote row values (a duplicate key, say).
    package let detail: String?
    /// The SQL that failed, if a statement did.
    package let sql: String?
    /// The server and user, `host:port/database as user`, for connection errors.
    package let connection: String?

    /// Whether the connection is broken and needs `reconnect()`.
    package var isConnectionLost: Bool { kind == .connectionLost }

    package init(
        _ kind: Kind, message: String, sqlState: SQLState? = nil, detail: String? = nil,
        sql: String? = nil, connection: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.sql = sql
        self.connection = connection
    }

    package var description: String {
        var text = switch kind {
        case .connectionFailed: "cannot connect to PostgreSQL"
        case .connectionLost: "lost the connection to PostgreSQL"
        case .statementFailed: "PostgreSQL error"
        case .unexpectedValue: "unexpected value from PostgreSQL"
        case .invalidArgument: "invalid argument for PostgreSQL"
        }
        if let connection { text += " at \(connection)" }
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        text += ": \(message)"
        if let sql { text += " (while running \(sql))" }
        return text
    }
}
