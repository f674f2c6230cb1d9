@testable import ProgressTracking
import Testing

/// The thin layer over the C API: statements, errors, transactions.
@Suite struct SQLiteWrapperTests {
    let connection: Connection

    init() throws {
        connection = try Connection(path: ":memory:", mode: .readWrite)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE, amount REAL)")
    }

    @Test func bindsStepsAndReadsColumnsOnAReusedStatement() throws {
        let insert = try connection.prepare("INSERT INTO t (value, amount) VALUES (?1, ?2)")
        for (value, amount) in [("a", 1.5), ("", nil), ("émoji 🚀", 3.0)] as [(String, Double?)] {
            insert.bind(value, at: 1)
            insert.bind(amount, at: 2)
            #expect(try insert.run() == 1)
        }
        let select = try connection.prepare("SELECT id, value, amount FROM t ORDER BY id")
        var rows: [String] = []
        while try select.step() {
            rows.append("\(select.int(at: 0)) \(select.string(at: 1)) \(String(describing: select.optionalDouble(at: 2)))")
        }
        #expect(rows == ["1 a Optional(1.5)", "2  nil", "3 émoji 🚀 Optional(3.0)"])
    }

    @Test func errorsCarryCodesMessageAndSQL() throws {
        let insert = try connection.prepare("INSERT INTO t (value) VALUES ('same')")
        try insert.run()
        #expect {
            try insert.run()
        } throws: { error in
            guard let error = error as? SQLiteError else { return false }
            return error.code == 19 && error.extendedCode == SQLiteError.constraintUnique
                && error.message == "UNIQUE constraint failed: t.value"
                && error.sql == "INSERT INTO t (value) VALUES ('same')"
        }
    }

    @Test func preparingTwoStatementsAtOnceIsRefused() {
        #expect(throws: SQLiteError.self) { try connection.prepare("SELECT 1; SELECT 2") }
        #expect(throws: SQLiteError.self) { try connection.prepare("SELEC 1") }
    }

    @Test func transactionRollsBackOnErrorAndCommitsOtherwise() throws {
        struct Abort: Error {}
        try? connection.transaction {
            try connection.execute("INSERT INTO t (value) VALUES ('rolled back')")
            throw Abort()
        }
        try connection.transaction {
            try connection.execute("INSERT INTO t (value) VALUES ('kept')")
        }
        let count = try connection.prepare("SELECT group_concat(value) FROM t")
        #expect(try count.step())
        #expect(count.string(at: 0) == "kept")
    }
}
