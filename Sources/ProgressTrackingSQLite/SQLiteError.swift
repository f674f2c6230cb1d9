internal import CProgressTrackingSQLite

/// An error reported by SQLite, or refused by this wrapper before SQLite saw it: the extended
/// result code, the message, and the SQL that failed.
///
/// Bound values are deliberately left out: they may hold user data that has no place in logs.
package struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, such as `.constraintUnique`; its `primary` is `.constraint`.
    package let code: ResultCode
    /// SQLite's message, read right after the failing call, before another call overwrites it.
    package let message: String
    /// The statement that failed, if the error came from one.
    package let sql: String?

    package var description: String {
        var text = "\(code): \(message)"
        if let sql { text += " (while running \(sql))" }
        return text
    }

    package init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Reads the error of the last failed call on `handle`.
    init(handle: OpaquePointer?, sql: String? = nil) {
        let code = sqlite3_extended_errcode(handle)
        let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// The error of a call that returned `result` on `handle`: SQLite's message if the handle
    /// holds one for that very code, else SQLite's text for the code.
    init(result: Int32, handle: OpaquePointer?, sql: String?) {
        if sqlite3_errcode(handle) & 0xFF == result & 0xFF {
            self.init(handle: handle, sql: sql)
        } else {
            self.init(code: ResultCode(rawValue: result), message: String(cString: sqlite3_errstr(result)), sql: sql)
        }
    }
}
