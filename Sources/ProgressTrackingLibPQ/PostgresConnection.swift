internal import CProgressTrackingLibPQ
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One connection to a PostgreSQL server: libpq's `PGconn`, the statements prepared on it,
/// and the bounds on how long any call may take.
///
/// Every call blocks until the server's reply is in. If the connection breaks first, or a
/// bound in `PostgresTimeouts` runs out, it throws `PostgresError` of kind `connectionLost`
/// (`PostgresTimeouts` says how the bound is kept). After that every call throws the same
/// until the owner calls `reconnect()`: the wrapper never reconnects behind its owner's back,
/// because only the owner knows whether the statements in flight must be resolved first
/// (see `outcome(of:)`).
///
/// Not `Sendable`: libpq's connection may be used by one thread at a time, and its owner
/// serializes the calls, as the SQLite `Connection`'s owner does.
package final class PostgresConnection {
    /// libpq's connection; nil once closed or abandoned after a loss.
    private(set) var handle: OpaquePointer?
    private let parameters: ConnectionParameters
    let secrets: ConnectionSecrets
    package let timeouts: PostgresTimeouts

    /// Names of the statements prepared in the current session, by SQL text.
    var preparedStatementNames: [String: String] = [:]
    var preparedStatementCount = 0

    /// The server and user, `host:port/database as user`: what messages name. Never a password.
    package private(set) var description: String

    /// The server process serving this session (`pg_backend_pid()`), kept after a loss so
    /// that the owner can make sure that session has ended (`pg_terminate_backend`) before
    /// asking how its last transaction ended.
    package private(set) var backendProcessID: Int32 = 0

    /// The reason the server gave for ending the session (a FATAL message such as
    /// `adminShutdown` from `pg_terminate_backend` or a shutdown), if it sent one.
    var farewell: (sqlState: SQLState?, message: String)?

    /// Requests sent and replies awaited, one per call: a pipeline counts once, however many
    /// statements it carries. For tests and benchmarks.
    package internal(set) var roundTrips = 0

    /// Connects, blocking for up to `timeouts.connect`.
    /// - Parameters:
    ///   - connectionString: a libpq URI (`postgresql://…` or `postgres://…`) or `key=value`
    ///     string; what it leaves out comes from the `PG*` environment variables, the service
    ///     file and `~/.pgpass` (or `PGPASSFILE`), as in every libpq program.
    ///   - applicationName: shown in `pg_stat_activity` unless the string or `PGAPPNAME` names one.
    /// - Throws: `PostgresError` of kind `connectionFailed`, naming the server but never the password.
    package init(
        _ connectionString: String, applicationName: String, timeouts: PostgresTimeouts = .default
    ) throws(PostgresError) {
        secrets = ConnectionSecrets(
            connectionString: connectionString,
            alsoHiding: [Self.passwordParsedByLibPQ(from: connectionString), getenv("PGPASSWORD").map { String(cString: $0) }])
        parameters = ConnectionParameters(connectionString: connectionString, applicationName: applicationName, timeouts: timeouts)
        self.timeouts = timeouts
        description = "PostgreSQL"  // until connected
        try connect()
    }

    deinit {
        close()
    }

    /// Whether the connection is open and usable; false after `close()` or a lost connection.
    package var isConnected: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// Closes the connection (a no-op if it is closed); `reconnect()` opens it again.
    package func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        preparedStatementNames = [:]
    }

    /// Opens a new session with the same parameters, closing the current one if it is open.
    /// Statements are prepared again as they are used.
    /// - Throws: `PostgresError` of kind `connectionFailed`.
    package func reconnect() throws(PostgresError) {
        close()
        try connect()
    }

    private func connect() throws(PostgresError) {
        guard let connection = parameters.connect() else {
            throw PostgresError(.connectionFailed, message: "libpq could not allocate a connection")
        }
        let attempted = Self.describe(connection).map(secrets.redact)
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = libpqMessage(of: connection)
            PQfinish(connection)
            throw PostgresError(.connectionFailed, message: message, connection: attempted)
        }
        // libpq's default prints notices (`NOTICE: schema "x" already exists, skipping`) on
        // stderr, where a library has no business writing. Ours keeps only the server's last
        // words: a FATAL message that arrives between calls reaches the notice receiver.
        // The connection outlives the handle (`close()` and `deinit` finish it), so an
        // unretained reference is safe.
        PQsetNoticeReceiver(
            connection,
            { context, notice in
                guard let context, let notice else { return }
                Unmanaged<PostgresConnection>.fromOpaque(context).takeUnretainedValue().receive(notice: notice)
            }, Unmanaged.passUnretained(self).toOpaque())
        // Non-blocking, so that sending never waits on a full socket without a deadline.
        guard PQsetnonblocking(connection, 1) == 0 else {
            let message = libpqMessage(of: connection)
            PQfinish(connection)
            throw PostgresError(.connectionFailed, message: message, connection: attempted)
        }
        handle = connection
        description = attempted ?? description
        farewell = nil
        backendProcessID = PQbackendPID(connection)
    }

    private func receive(notice: OpaquePointer) {
        func field(_ code: Character) -> String? {
            PQresultErrorField(notice, Int32(code.asciiValue!)).map { secrets.redact(String(cString: $0)) }
        }
        guard let severity = field("V"), severity == "FATAL" || severity == "PANIC" else { return }
        farewell = (field("C").map(SQLState.init(rawValue:)), field("M") ?? severity)
    }

    /// `host:port/database as user`, from what libpq resolved (so defaults and environment
    /// variables are included); a Unix socket's host is its directory. Nil when libpq could
    /// not even parse the connection string.
    private static func describe(_ connection: OpaquePointer) -> String? {
        func text(_ value: UnsafeMutablePointer<CChar>?) -> String? {
            value.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let host = text(PQhost(connection)) else { return nil }
        return describe(host: host, port: text(PQport(connection)), database: text(PQdb(connection)), user: text(PQuser(connection)))
    }

    /// `connectionString` with every password it holds replaced by `********`: for a
    /// program that must show the string itself (a command line to run again). With
    /// `keepingLength`, each password becomes as many `*` as it has UTF-8 bytes instead, so
    /// that the result fits where the string was (a process's own argument memory).
    package static func masked(connectionString: String, keepingLength: Bool = false) -> String {
        let secrets = ConnectionSecrets(connectionString: connectionString)
        return keepingLength ? secrets.redactKeepingLength(connectionString) : secrets.redact(connectionString)
    }

    /// How messages name the server `connectionString` leads to, `host:port/database as
    /// user`, worked out without connecting: from the string as libpq parses it, then the
    /// `PG*` environment variables, then libpq's defaults (the database is named after the
    /// user; no host means the default Unix socket). Never a password.
    package static func describe(connectionString: String) -> String {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &errorMessage) else {
            PQfreemem(errorMessage)
            return "PostgreSQL (a connection string libpq cannot read)"
        }
        defer { PQconninfoFree(parsed) }
        let given = options(parsed)
        var defaults: [String: String] = [:]
        if let array = PQconndefaults() {
            defaults = options(array)
            PQconninfoFree(array)
        }
        func value(_ keyword: String) -> String? { given[keyword] ?? defaults[keyword] }
        let user = value("user")
        return describe(
            host: value("host") ?? value("hostaddr") ?? "the default socket", port: value("port"),
            database: value("dbname") ?? user, user: user)
    }

    private static func describe(host: String, port: String?, database: String?, user: String?) -> String {
        let host = host.contains(":") ? "[\(host)]" : host
        return "\(host):\(port ?? "?")/\(database ?? "?") as \(user ?? "?")"
    }

    /// The keywords of libpq's option array that have a non-empty value.
    private static func options(_ array: UnsafeMutablePointer<PQconninfoOption>) -> [String: String] {
        var values: [String: String] = [:]
        var option = array
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val.map({ String(cString: $0) }), !value.isEmpty {
                values[String(cString: keyword)] = value
            }
            option += 1
        }
        return values
    }

    /// The password libpq reads from `connectionString`, if it parses: the exact text to hide.
    private static func passwordParsedByLibPQ(from connectionString: String) -> String? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            PQfreemem(errorMessage)
            return nil
        }
        defer { PQconninfoFree(options) }
        return Self.options(options)["password"]
    }

    /// libpq's last message on `connection`, trimmed and without passwords.
    func libpqMessage(of connection: OpaquePointer) -> String {
        let message = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
        let trimmed = message.split(whereSeparator: \.isNewline).map { $0.drop(while: \.isWhitespace) }.joined(separator: " ")
        return secrets.redact(trimmed.isEmpty ? "no message from libpq" : trimmed)
    }

    // MARK: - Transaction state

    /// Where the session stands between calls.
    package enum TransactionState: Sendable, Equatable {
        /// Outside any transaction block.
        case idle
        /// Inside `BEGIN`, waiting for more statements or `COMMIT`.
        case open
        /// Inside a transaction block that a failed statement aborted: only `ROLLBACK` helps.
        case failed
        /// Closed, lost, or in a state libpq cannot tell.
        case unknown
    }

    package var transactionState: TransactionState {
        guard let handle else { return .unknown }
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_INTRANS: return .open
        case PQTRANS_INERROR: return .failed
        default: return .unknown
        }
    }
}

@available(*, unavailable, message: "a connection is used by one thread at a time; its owner serializes the calls")
extension PostgresConnection: Sendable {}

@available(*, unavailable, message: "a result belongs with the connection that produced it")
extension PostgresResult: Sendable {}
