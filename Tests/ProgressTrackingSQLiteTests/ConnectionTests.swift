import CProgressTrackingSQLite
@testable import ProgressTrackingSQLite
import Testing

/// Statements through the wrapper: binding by name, reading columns by name, reuse, errors.
@Suite struct ConnectionTests {
    let connection: Connection

    private static let insert = SQL("INSERT INTO t (value, amount) VALUES (:value, :amount)")
    private static let select = SQL("SELECT id, value, amount FROM t ORDER BY id")

    init() throws {
        connection = try Connection(path: ":memory:", mode: .readWrite)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT NOT NULL UNIQUE, amount REAL)")
    }

    @Test func bindsRunsAndReadsAReusedStatement() throws {
        for (value, amount) in [("a", 1.5), ("", nil), ("émoji 🚀", 3.0)] as [(String, Double?)] {
            let changed = try connection.statement(Self.insert).run {
                $0.bind(value, as: ":value")
                $0.bind(amount, as: ":amount")
            }
            #expect(changed == 1)
        }
        let rows = try connection.statement(Self.select).all { row in
            "\(row.int("id")) \(row.string("value")) \(String(describing: row.optionalDouble("amount")))"
        }
        #expect(rows == ["1 a Optional(1.5)", "2  nil", "3 émoji 🚀 Optional(3.0)"])
        #expect(try connection.statement(Self.select) === connection.statement(Self.select))
    }

    @Test func firstReadsOneRowAndNilWhenThereIsNone() throws {
        let find = try connection.prepare("SELECT amount FROM t WHERE value = :value")
        #expect(try find.first { $0.bind("missing", as: ":value") } read: { $0.double("amount") } == nil)
        try connection.execute("INSERT INTO t (value, amount) VALUES ('x', 2.5)")
        #expect(try find.first { $0.bind("x", as: ":value") } read: { $0.double("amount") } == 2.5)
    }

    @Test func errorsCarryTheNamedCodeTheMessageAndTheSQL() throws {
        let insert = try connection.prepare("INSERT INTO t (value) VALUES ('same')")
        try insert.run()
        let error = try #require(throws: SQLiteError.self) { try insert.run() }
        #expect(error.code == .constraintUnique)
        #expect(error.code.primary == .constraint)
        #expect(error.message == "UNIQUE constraint failed: t.value")
        #expect(error.sql == "INSERT INTO t (value) VALUES ('same')")
        #expect(error.description.hasPrefix("SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed"))
    }

    @Test func aStatementFailsAloneAndRunsAgainAfterItsFailure() throws {
        let insert = try connection.statement(Self.insert)
        try insert.run { $0.bind("one", as: ":value"); $0.bind(1, as: ":amount") }
        #expect(throws: SQLiteError.self) {
            try insert.run { $0.bind("one", as: ":value"); $0.bind(2, as: ":amount") }
        }
        // Reset after the failure: the same statement runs again, with the new values.
        try insert.run { $0.bind("two", as: ":value"); $0.bind(3, as: ":amount") }
        #expect(try connection.prepare("SELECT value FROM t ORDER BY id").all { $0.string("value") } == ["one", "two"])
    }

    @Test func twoStatementsInOnePrepareAreRefusedAsMisuse() throws {
        let error = try #require(throws: SQLiteError.self) { try connection.prepare("SELECT 1; SELECT 2") }
        #expect(error.code == .misuse)
        #expect(error.message == "more than one statement in one prepare")
        let syntax = try #require(throws: SQLiteError.self) { try connection.prepare("SELEC 1") }
        #expect(syntax.code == .error)
        #expect(syntax.message.contains("syntax error"))
    }

    @Test func textLongerThanSQLiteTakesIsRefusedBeforeTheStatementRuns() throws {
        sqlite3_limit(connection.handle, SQLITE_LIMIT_LENGTH, 100)
        let error = try #require(throws: SQLiteError.self) {
            try connection.statement(Self.insert).run {
                $0.bind(String(repeating: "x", count: 101), as: ":value")
                $0.bind(1, as: ":amount")
            }
        }
        #expect(error.code == .tooBig)
        #expect(try connection.statement(Self.select).all { $0.int("id") }.isEmpty)
    }

    @Test func bindingUnderAnotherNameThanTheSQLsStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let connection = try Connection(path: ":memory:", mode: .readWrite)
            try connection.prepare("SELECT :a + :b AS sum").run {
                $0.bind(1, as: ":b")
                $0.bind(2, as: ":a")
            }
        }
    }

    @Test func readingAColumnUnderAnotherNameStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let connection = try Connection(path: ":memory:", mode: .readWrite)
            _ = try connection.prepare("SELECT 1 AS one, 2 AS two").first { $0.int("two") }
        }
    }

    @Test func leavingAColumnUnreadStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let connection = try Connection(path: ":memory:", mode: .readWrite)
            _ = try connection.prepare("SELECT 1 AS one, 2 AS two").first { $0.int("one") }
        }
    }
}
