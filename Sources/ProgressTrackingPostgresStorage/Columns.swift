internal import ProgressTrackingLibPQ

/// One row of a result, read column by column in the order the SELECT lists them: each
/// statement's Swift reads what its SQL, right above it, selects.
struct Columns {
    private let result: PostgresResult
    private let row: Int
    private var column = 0

    init(_ result: PostgresResult, row: Int) {
        self.result = result
        self.row = row
    }

    /// The next column's value; ask for an Optional type where the column may be NULL.
    mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws(PostgresError) -> Value {
        defer { column += 1 }
        return try result.value(type, row: row, column: column)
    }
}
