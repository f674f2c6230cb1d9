internal import CProgressTrackingLibPQ

/// The rows one statement returned, owning libpq's `PGresult` and freeing it when the last
/// reference goes, which is at the end of the caller's scope in the usual
/// `let result = try connection.query(…)`.
///
/// Values arrive in PostgreSQL's text format and are parsed on request (see
/// `PostgresDecodable`). Rows and columns count from 0.
/// Not `Sendable`: it belongs with the connection that produced it.
package final class PostgresResult {
    private let handle: OpaquePointer
    /// The statement that produced it, for error messages.
    let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        PQclear(handle)
    }

    /// The rows returned; 0 for statements that return none.
    package var rowCount: Int { Int(PQntuples(handle)) }
    /// The columns of each row; 0 for statements that return none.
    package var columnCount: Int { Int(PQnfields(handle)) }

    /// The rows an INSERT, UPDATE, DELETE, MERGE, SELECT, MOVE, FETCH or COPY touched;
    /// 0 for other statements.
    package var changedRowCount: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    /// The column's name, as the SQL named it.
    package func columnName(_ column: Int) -> String {
        guard (0..<columnCount).contains(column), let name = PQfname(handle, Int32(column)) else { return "#\(column)" }
        return String(cString: name)
    }

    /// The value at `row`, `column`, read as `Value`; ask for an Optional type to accept NULL.
    /// - Throws: `unexpectedValue` for NULL read as a non-Optional type, for text that is not
    ///   a `Value` (`"1.5"` as `Int64`, an integer beyond its range), and for a row or column
    ///   outside the result.
    package func value<Value: PostgresDecodable>(
        _ type: Value.Type = Value.self, row: Int, column: Int
    ) throws(PostgresError) -> Value {
        guard (0..<rowCount).contains(row), (0..<columnCount).contains(column) else {
            throw unexpected("no row \(row), column \(column) in a result of \(rowCount) rows and \(columnCount) columns")
        }
        let text: UnsafeBufferPointer<UInt8>? =
            if PQgetisnull(handle, Int32(row), Int32(column)) == 1 {
                nil
            } else {
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column))).assumingMemoryBound(to: UInt8.self),
                    count: Int(PQgetlength(handle, Int32(row), Int32(column))))
            }
        guard let value = Value(postgresText: text) else {
            let found = text.map { "\"\(String(decoding: $0.prefix(64), as: UTF8.self))\"" } ?? "NULL"
            throw unexpected("column \(columnName(column)), row \(row): expected \(Value.self), found \(found)")
        }
        return value
    }

    /// Whether the value at `row`, `column` is NULL; false outside the result.
    package func isNull(row: Int, column: Int) -> Bool {
        PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    private func unexpected(_ message: String) -> PostgresError {
        PostgresError(.unexpectedValue, message: message, sql: sql)
    }
}
