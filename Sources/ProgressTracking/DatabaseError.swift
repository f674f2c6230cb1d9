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

    /// The code and the message, and the statement's first line (a migration script runs to
    /// pages, which have no place in a one-line message).
    public var description: String {
        var text = "\(code): \(message)"
        if let sql {
            let firstLine = sql.prefix { $0 != "\n" }
            text += " (while running \(firstLine)\(firstLine.count < sql.count ? " …" : ""))"
        }
        return text
    }

    init(code: String, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }
}
