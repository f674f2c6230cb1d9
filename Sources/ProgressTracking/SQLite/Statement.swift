internal import ProgressTrackingSQLite

/// One prepared statement, owned by the `Connection` that prepared it.
///
/// Reuse is the point: `bind`, `step` until done, `reset`, and bind again. Parameters and
/// columns are numbered as SQLite numbers them (parameters from 1, columns from 0).
/// Not `Sendable`: it belongs to its connection's thread of use.
final class Statement {
    private let handle: OpaquePointer
    /// The `sqlite3*` of the connection that prepared it: a plain pointer, because an
    /// `unowned` reference costs an atomic retain and release on every run, the hot path of
    /// batched counting. `sqlite3_close_v2` keeps it valid while any statement lives.
    private let database: OpaquePointer
    let sql: String

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let result = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
        guard result == SQLITE_OK, let handle else {
            throw SQLiteError(handle: connection.handle, sql: sql)
        }
        // One statement per Statement: silently dropping a tail would lose SQL.
        if let tail, tail.pointee != 0, !String(cString: tail).allSatisfy(\.isWhitespace) {
            sqlite3_finalize(handle)
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "more than one statement in one prepare", sql: sql)
        }
        self.handle = handle
        database = connection.handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding

    func bind(_ value: Int, at index: Int32) {
        sqlite3_bind_int64(handle, index, sqlite3_int64(value))
    }

    func bind(_ value: Double?, at index: Int32) {
        if let value {
            sqlite3_bind_double(handle, index, value)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ value: String, at index: Int32) {
        var value = value
        value.withUTF8 { bytes in
            // An empty buffer may have no base address, which SQLite would bind as NULL.
            let base = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            _ = sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), progress_tracking_sqlite_transient())
        }
    }

    func bind(_ value: String?, at index: Int32) {
        if let value {
            bind(value, at: index)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    // MARK: - Stepping

    /// Advances to the next row: `true` when a row is available, `false` when the statement is done.
    /// - Throws: `SQLiteError` with the connection's message; the statement is reset.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = SQLiteError(handle: database, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Readies the statement for the next run; bindings stay until rebound.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Binds nothing new, runs the statement to completion and resets it.
    /// - Returns: the number of rows the statement changed.
    @discardableResult
    func run() throws(SQLiteError) -> Int {
        defer { sqlite3_reset(handle) }
        while try step() {}
        return Int(sqlite3_changes(database))
    }

    // MARK: - Columns

    func int(at column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    func double(at column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    func optionalDouble(at column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    func string(at column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
