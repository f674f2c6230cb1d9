/// A failure the database reported that has no case of its own in `ProgressTrackingError`:
/// the database's name for it, its message, and the SQL that failed (never the values bound
/// to it, which may hold user data).
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database's name for the failure: an SQLite result code name such as
    /// `SQLITE_IOERR (extended code 1290)`, or a PostgreSQL SQLSTATE name such as `disk_full`.
    public let code: String
    /// The database's message.
    public let message: String
    /// The statement that failed, if the failure came from one.
    public let sql: String?

    public var description: String {
        var text = "\(code): \(message)"
        if let sql { text += " (while running \(sql))" }
        return text
    }

    init(code: String, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }
}
