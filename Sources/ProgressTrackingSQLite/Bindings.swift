internal import CProgressTrackingSQLite

/// Binds a statement's parameters in order, each under the name the SQL gives it
/// (`:id`, `:now`), so that the SQL text and the Swift that binds it read alike.
///
/// Parameters are bound by position, which costs nothing per call; on a statement's first
/// use the names are checked against the SQL's (a mismatch is a bug in the library, and
/// stops the program there, in the first test that runs it). A name used twice in the SQL is
/// one parameter, bound once. A failure SQLite reports, or a value SQLite cannot take, is
/// kept and thrown by the call that runs the statement, before it steps.
package struct Bindings {
    private let statement: Statement
    private let handle: OpaquePointer
    /// Whether this use checks names: the statement's first. Read once, here, because each
    /// read of a class's stored property costs an exclusivity check.
    private let checksNames: Bool
    private var index: Int32 = 1
    private var failure: SQLiteError?

    init(statement: Statement) {
        self.statement = statement
        handle = statement.handle
        checksNames = !statement.parametersChecked
    }

    package mutating func bind(_ value: Int64, as name: StaticString) {
        let index = next(name)
        record(sqlite3_bind_int64(handle, index, value))
    }

    package mutating func bind(_ value: Int, as name: StaticString) {
        bind(Int64(value), as: name)
    }

    package mutating func bind(_ value: Bool, as name: StaticString) {
        bind(Int64(value ? 1 : 0), as: name)
    }

    /// Binds NULL for nil, else 1 or 0.
    package mutating func bind(_ value: Bool?, as name: StaticString) {
        let index = next(name)
        guard let value else { return record(sqlite3_bind_null(handle, index)) }
        record(sqlite3_bind_int64(handle, index, value ? 1 : 0))
    }

    package mutating func bind(_ value: Double?, as name: StaticString) {
        let index = next(name)
        guard let value else { return record(sqlite3_bind_null(handle, index)) }
        record(sqlite3_bind_double(handle, index, value))
    }

    package mutating func bind(_ value: String?, as name: StaticString) {
        let index = next(name)
        guard var value else { return record(sqlite3_bind_null(handle, index)) }
        value.withUTF8 { bytes in
            // sqlite3_bind_text takes an Int32 length: a longer text would trap in the conversion.
            guard let count = Int32(exactly: bytes.count) else {
                failure = failure ?? SQLiteError(
                    code: .tooBig, message: "a text of \(bytes.count) bytes is longer than SQLite can take", sql: statement.sql
                )
                return
            }
            // An empty buffer may have no base address, which SQLite would bind as NULL.
            let base = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            record(sqlite3_bind_text(
                handle, index, base.assumingMemoryBound(to: CChar.self), count, progress_tracking_sqlite_transient()
            ))
        }
    }

    /// The next parameter's index, after checking on first use that the SQL calls it `name`.
    @inline(__always)
    private mutating func next(_ name: StaticString) -> Int32 {
        defer { index += 1 }
        if checksNames {
            let actual = sqlite3_bind_parameter_name(handle, index).map { String(cString: $0) }
            precondition(
                actual == name.description,
                "parameter \(index) of \(statement.sql) is \(actual ?? "unnamed"), bound as \(name)"
            )
        }
        return index
    }

    @inline(__always)
    private mutating func record(_ result: Int32) {
        guard result != SQLITE_OK, failure == nil else { return }
        failure = SQLiteError(result: result, handle: statement.database, sql: statement.sql)
    }

    /// The failure to throw, if any; on first use, checks that every parameter was bound.
    mutating func finish() -> SQLiteError? {
        if checksNames {
            let count = sqlite3_bind_parameter_count(handle)
            precondition(index - 1 == count, "\(statement.sql) has \(count) parameters; \(index - 1) were bound")
            statement.parametersChecked = true
        }
        return failure
    }
}
