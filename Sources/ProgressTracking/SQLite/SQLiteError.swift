internal import ProgressTrackingSQLite

/// An error reported by SQLite: its result codes, its message, and the SQL that failed.
///
/// Bound values are deliberately left out: they may hold user data that has no place in logs.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, such as `SQLITE_CONSTRAINT_UNIQUE` (2067).
    public let extendedCode: Int32
    /// SQLite's message, read right after the failing call, before another call overwrites it.
    public let message: String
    /// The statement that failed, if the error came from one.
    public let sql: String?

    /// The primary result code, such as `SQLITE_CONSTRAINT` (19): the low byte of the extended code.
    public var code: Int32 { extendedCode & 0xFF }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (while running \(sql))" }
        return text
    }

    init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the error of the last failed call on `handle`.
    init(handle: OpaquePointer?, sql: String? = nil) {
        let extendedCode = sqlite3_extended_errcode(handle)
        let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? String(cString: sqlite3_errstr(extendedCode))
        self.init(extendedCode: extendedCode, message: message, sql: sql)
    }
}

extension SQLiteError {
    // The primary codes the layers above branch on (https://sqlite.org/rescode.html).
    static let busy = SQLITE_BUSY
    static let readOnly = SQLITE_READONLY
    static let full = SQLITE_FULL
    static let cantOpen = SQLITE_CANTOPEN
    static let notADatabase = SQLITE_NOTADB
    static let corrupt = SQLITE_CORRUPT
    static let constraint = SQLITE_CONSTRAINT
    static let ioError = SQLITE_IOERR
    static let noMemory = SQLITE_NOMEM
    // Extended codes are macros Swift does not import: SQLITE_CONSTRAINT | (n << 8).
    static let constraintUnique: Int32 = 2067
    static let constraintForeignKey: Int32 = 787
    static let constraintDatatype: Int32 = 3091
    static let cantOpenIsDirectory: Int32 = 526
}
