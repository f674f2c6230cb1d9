internal import CProgressTrackingSQLite

/// One prepared statement, owned by the connection that prepared it.
///
/// Use it through `run`, `first`, `all` and `forEach`, which bind its parameters, step it and
/// reset it in one scope, so no statement is left half-run or bound with stale values. Not
/// `Sendable`: it belongs to its connection's thread of use.
package final class Statement {
    let handle: OpaquePointer
    /// The `sqlite3*` of the connection that prepared it: a plain pointer, because an
    /// `unowned` reference costs an atomic retain and release on every run, the hot path of
    /// batched counting. `sqlite3_close_v2` keeps it valid while any statement lives.
    let database: OpaquePointer
    package let sql: String
    /// Whether the names the Swift code binds and reads were checked against the statement's
    /// own (see `Bindings` and `Row`): done on first use, so a mismatch fails the first test
    /// that runs the statement, and costs nothing afterwards.
    var parametersChecked = false
    var columnsChecked = false

    init(database: OpaquePointer, sql: String) throws(SQLiteError) {
        // The tail points into the C string SQLite was given, so it is read while that lives:
        // the temporary C string Swift passes for a String argument is gone after the call.
        let (result, handle, hasTail) = sql.withCString { text in
            var handle: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v3(database, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, &tail)
            let hasTail = tail.map { !String(cString: $0).allSatisfy(\.isWhitespace) } ?? false
            return (result, handle, hasTail)
        }
        guard result == SQLITE_OK, let handle else {
            throw SQLiteError(result: result, handle: database, sql: sql)
        }
        // One statement per Statement: silently dropping a tail would lose SQL.
        if hasTail {
            sqlite3_finalize(handle)
            throw SQLiteError(code: .misuse, message: "more than one statement in one prepare", sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Running

    /// Binds with `bind`, runs the statement to completion and resets it.
    /// - Returns: The number of rows the statement changed (not counting its triggers').
    /// - Throws: `SQLiteError` from binding or stepping; the statement is reset either way.
    @discardableResult
    package func run(_ bind: (inout Bindings) -> Void = { _ in }) throws(SQLiteError) -> Int {
        try execute(bind) { () throws(SQLiteError) in
            while try step() {}
            return Int(sqlite3_changes(database))
        }
    }

    /// The first row, read with `read`, or nil when there is none. The statement runs to
    /// completion, so that an `INSERT … RETURNING` commits its change: use it for statements
    /// that return one row.
    package func first<T>(_ bind: (inout Bindings) -> Void = { _ in }, read: (inout Row) -> T) throws(SQLiteError) -> T? {
        try execute(bind) { () throws(SQLiteError) in
            guard try step() else { return nil }
            let value = readRow(read)
            while try step() {}
            return value
        }
    }

    /// Every row, read with `read`, in the statement's order.
    package func all<T>(_ bind: (inout Bindings) -> Void = { _ in }, read: (inout Row) -> T) throws(SQLiteError) -> [T] {
        try execute(bind) { () throws(SQLiteError) in
            var rows: [T] = []
            while try step() { rows.append(readRow(read)) }
            return rows
        }
    }

    /// Calls `body` with each row in turn.
    package func forEach(_ bind: (inout Bindings) -> Void = { _ in }, _ body: (inout Row) -> Void) throws(SQLiteError) {
        try execute(bind) { () throws(SQLiteError) in
            while try step() { readRow(body) }
        }
    }

    private func execute<T>(_ bind: (inout Bindings) -> Void, _ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        var bindings = Bindings(statement: self)
        bind(&bindings)
        if let failure = bindings.finish() {
            sqlite3_clear_bindings(handle)
            throw failure
        }
        let result: T
        do {
            result = try body()
        } catch {
            // `step` reset the statement already; reset again returns the same error.
            sqlite3_reset(handle)
            throw error
        }
        let reset = sqlite3_reset(handle)
        guard reset == SQLITE_OK else { throw SQLiteError(result: reset, handle: database, sql: sql) }
        return result
    }

    private func readRow<T>(_ read: (inout Row) -> T) -> T {
        var row = Row(statement: self)
        let value = read(&row)
        row.finish()
        return value
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    private func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        case let result:
            throw SQLiteError(result: result, handle: database, sql: sql)
        }
    }
}
