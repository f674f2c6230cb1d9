internal import CProgressTrackingSQLite

/// Reads the current row's columns in order, each under the name the SQL gives it
/// (`current`, or `AS rate_base` for an expression), so that a query and the Swift that
/// reads it can be checked against each other.
///
/// Columns are read by position, which costs nothing per row; on a statement's first row the
/// names are checked against the SQL's, and so is the count of columns read (a mismatch is a
/// bug in the library, and stops the program there, in the first test that runs it).
package struct Row {
    private let statement: Statement
    private let handle: OpaquePointer
    /// Whether this row checks names: the statement's first. Read once, here, because each
    /// read of a class's stored property costs an exclusivity check.
    private let checksNames: Bool
    private var index: Int32 = 0

    init(statement: Statement) {
        self.statement = statement
        handle = statement.handle
        checksNames = !statement.columnsChecked
    }

    package mutating func int64(_ name: StaticString) -> Int64 {
        sqlite3_column_int64(handle, next(name))
    }

    package mutating func int(_ name: StaticString) -> Int {
        Int(int64(name))
    }

    package mutating func bool(_ name: StaticString) -> Bool {
        int64(name) != 0
    }

    package mutating func double(_ name: StaticString) -> Double {
        sqlite3_column_double(handle, next(name))
    }

    package mutating func optionalDouble(_ name: StaticString) -> Double? {
        let index = next(name)
        return sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_double(handle, index)
    }

    package mutating func optionalInt(_ name: StaticString) -> Int? {
        let index = next(name)
        return sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, index))
    }

    package mutating func string(_ name: StaticString) -> String {
        optionalString(name) ?? ""
    }

    package mutating func optionalString(_ name: StaticString) -> String? {
        let index = next(name)
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The next column's index, after checking on first use that the SQL calls it `name`.
    @inline(__always)
    private mutating func next(_ name: StaticString) -> Int32 {
        defer { index += 1 }
        if checksNames {
            let actual = sqlite3_column_name(handle, index).map { String(cString: $0) }
            precondition(actual == name.description, "column \(index) of \(statement.sql) is \(actual ?? "missing"), read as \(name)")
        }
        return index
    }

    /// On first use, checks that every column was read.
    mutating func finish() {
        guard checksNames else { return }
        let count = sqlite3_column_count(handle)
        precondition(index == count, "\(statement.sql) returns \(count) columns; \(index) were read")
        statement.columnsChecked = true
    }
}
