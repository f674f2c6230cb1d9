import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

@Suite(.requiresTestPostgres)
struct StatementTests {
    @Test func parametersAndColumnsRoundTripEveryType() throws {
        let connection = try testConnection()
        let result = try connection.query(
            "SELECT $1::int8, $2::float8, $3::text, $4::bool, $5::int8, $6::float8, $7::float8, $8::float8",
            [.int64(.min), .double(0.1), .text("it's \"quoted\" \\ and ünïcödé"), .bool(true), .int64(.max),
             .double(-.infinity), .double(.leastNonzeroMagnitude), .double(.nan)])
        #expect(result.rowCount == 1)
        #expect(result.columnCount == 8)
        #expect(try result.value(Int64.self, row: 0, column: 0) == .min)
        #expect(try result.value(Double.self, row: 0, column: 1) == 0.1)
        #expect(try result.value(String.self, row: 0, column: 2) == "it's \"quoted\" \\ and ünïcödé")
        #expect(try result.value(Bool.self, row: 0, column: 3) == true)
        #expect(try result.value(Int.self, row: 0, column: 4) == .max)
        #expect(try result.value(Double.self, row: 0, column: 5) == -.infinity)
        #expect(try result.value(Double.self, row: 0, column: 6) == .leastNonzeroMagnitude)
        #expect(try result.value(Double.self, row: 0, column: 7).isNaN)
    }

    @Test func nullsReadAsNilAndRefuseNonOptionalTypes() throws {
        let connection = try testConnection()
        let result = try connection.query("SELECT $1::int8 AS missing, $2::text AS present", [.null, .text("")])
        #expect(result.isNull(row: 0, column: 0))
        #expect(try result.value(Int64?.self, row: 0, column: 0) == nil)
        #expect(try result.value(String?.self, row: 0, column: 1) == "")
        let error = #expect(throws: PostgresError.self) { try result.value(Int64.self, row: 0, column: 0) }
        #expect(error?.kind == .unexpectedValue)
        #expect(error?.message == "column missing, row 0: expected Int64, found NULL")
    }

    @Test func textThatIsNotTheRequestedTypeIsATypedError() throws {
        let connection = try testConnection()
        let result = try connection.query("SELECT 1.5::numeric AS ratio, 99999999999999999999::numeric AS huge, 'yes' AS flag")
        #expect(try result.value(Double.self, row: 0, column: 0) == 1.5)
        #expect(throws: PostgresError.self) { try result.value(Int64.self, row: 0, column: 0) }
        #expect(throws: PostgresError.self) { try result.value(Int64.self, row: 0, column: 1) }
        let error = #expect(throws: PostgresError.self) { try result.value(Bool.self, row: 0, column: 2) }
        #expect(error?.message == "column flag, row 0: expected Bool, found \"yes\"")
        let outside = #expect(throws: PostgresError.self) { try result.value(Int64.self, row: 1, column: 0) }
        #expect(outside?.kind == .unexpectedValue)
    }

    @Test func integersOfEveryWidthAndIntegralNumericsReadAsInt64() throws {
        let connection = try testConnection()
        let result = try connection.query("SELECT 7::int2, -8::int4, 9::int8, sum(x) FROM (VALUES (1::int8), (2::int8)) AS t(x)")
        #expect(try (0..<4).map { try result.value(Int64.self, row: 0, column: $0) } == [7, -8, 9, 3])
    }

    @Test func rowsAndChangeCounts() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE items (key text PRIMARY KEY, count int8 NOT NULL)")
        let inserted = try connection.query(
            "INSERT INTO items SELECT 'k' || n, n FROM generate_series(1, $1::int) AS n", [.int64(5)])
        #expect(inserted.changedRowCount == 5)
        let rows = try connection.query("SELECT key, count FROM items ORDER BY count DESC")
        #expect(rows.rowCount == 5)
        #expect(try rows.value(String.self, row: 0, column: 0) == "k5")
        #expect(rows.columnName(1) == "count")
    }

    @Test func aStatementIsPreparedOncePerSession() throws {
        let connection = try testConnection()
        let sql = "SELECT $1::int8 * 2"
        for value in 1...3 {
            #expect(try connection.scalar(Int64.self, sql, [.int64(Int64(value))]) == Int64(value) * 2)
        }
        #expect(try connection.scalar(Int64.self, "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", [.text(sql)]) == 1)
    }

    @Test func aPipelineIsOneRoundTripIncludingItsPreparations() throws {
        let connection = try testConnection()
        let before = connection.roundTrips
        let results = try connection.pipeline([
            "BEGIN",
            PostgresStatement("SELECT $1::int8 + 1", [.int64(41)]),
            PostgresStatement("SELECT $1::text", [.text("second")]),
            "COMMIT",
        ])
        #expect(connection.roundTrips == before + 1)
        #expect(results.count == 4)
        #expect(try results[1].value(Int64.self, row: 0, column: 0) == 42)
        #expect(try results[2].value(String.self, row: 0, column: 0) == "second")
    }

    @Test func aFailureInAPipelineSkipsTheRestAndUndoesTheImplicitTransaction() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE t (n int8 PRIMARY KEY)")
        let error = #expect(throws: PostgresError.self) {
            try connection.pipeline([
                PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(1)]),
                PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(1)]),
                PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(2)]),
            ])
        }
        #expect(error?.sqlState == .uniqueViolation)
        #expect(error?.detail == "Key (n)=(1) already exists.")
        #expect(try connection.scalar(Int64.self, "SELECT count(*) FROM t") == 0)
        // The statement prepared in the failed pipeline is still prepared, and still works.
        try connection.query("INSERT INTO t VALUES ($1)", [.int64(3)])
        #expect(try connection.scalar(Int64.self, "SELECT count(*) FROM t") == 1)
    }

    @Test func eachUnitOfAPipelineIsATransactionOfItsOwnAndAFailureSkipsOnlyItsUnit() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE t (n int8 PRIMARY KEY)")
        let before = connection.roundTrips
        let error = #expect(throws: PostgresError.self) {
            try connection.pipeline(units: [
                [PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(1)]), "SELECT 1 / 0", PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(2)])],
                [PostgresStatement("INSERT INTO t VALUES ($1)", [.int64(3)])],
            ])
        }
        #expect(error?.sqlState == .divisionByZero)
        #expect(connection.roundTrips == before + 1)
        #expect(connection.transactionState == .idle)
        #expect(try connection.query("SELECT n FROM t ORDER BY n").rowCount == 1)
        #expect(try connection.scalar(Int64.self, "SELECT n FROM t") == 3)

        // A later unit runs in a transaction of its own: the first one's has ended.
        let results = try connection.pipeline(units: [
            ["SELECT pg_current_xact_id()::text"],
            ["SELECT pg_current_xact_id()::text"],
        ])
        #expect(try results[0][0].value(String.self, row: 0, column: 0) != results[1][0].value(String.self, row: 0, column: 0))
    }

    @Test func errorsCarryTheirSQLStateByName() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE t (n int8 PRIMARY KEY CHECK (n > 0))")
        try connection.query("INSERT INTO t VALUES (1)")
        let cases: [(String, SQLState)] = [
            ("INSERT INTO t VALUES (1)", .uniqueViolation),
            ("INSERT INTO t VALUES (-1)", .checkViolation),
            ("INSERT INTO t VALUES (NULL)", .notNullViolation),
            ("SELECT 1 / 0", .divisionByZero),
            ("SELECT * FROM no_such_table", .undefinedTable),
            ("SELECT no_such_column FROM t", .undefinedColumn),
            ("SELEKT 1", .syntaxError),
            ("SELECT 'x'::int8", .invalidTextRepresentation),
            ("SELECT 1; SELECT 2", .syntaxError),  // a prepared statement is one statement
        ]
        for (sql, expected) in cases {
            let error = #expect(throws: PostgresError.self, "\(sql)") { try connection.query(sql) }
            #expect(error?.kind == .statementFailed)
            #expect(error?.sqlState == expected, "\(sql)")
            #expect(error?.sql == sql)
            #expect(error?.isConnectionLost == false)
        }
        #expect(connection.isConnected)
    }

    @Test func catchMatchesAnSQLStateByName() throws {
        let connection = try testConnection()
        do {
            try connection.query("SELECT 1 / 0")
            Issue.record("no error")
        } catch SQLState.divisionByZero {
            // The pattern matched.
        } catch {
            Issue.record("caught \(error)")
        }
    }

    @Test func aFailedStatementLeavesTheTransactionFailedUntilRollback() throws {
        let connection = try testConnection()
        #expect(connection.transactionState == .idle)
        try connection.query("BEGIN")
        #expect(connection.transactionState == .open)
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1 / 0") }
        #expect(connection.transactionState == .failed)
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.sqlState == .inFailedSQLTransaction)
        try connection.query("ROLLBACK")
        #expect(connection.transactionState == .idle)
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }

    @Test func aStatementPreparedInARolledBackTransactionStaysPrepared() throws {
        let connection = try testConnection()
        let sql = "SELECT $1::int8 + 100"
        try connection.query("BEGIN")
        #expect(try connection.scalar(Int64.self, sql, [.int64(1)]) == 101)
        try connection.query("ROLLBACK")
        #expect(try connection.scalar(Int64.self, sql, [.int64(2)]) == 102)
    }

    @Test func aNULInTextIsRefusedBeforeAnythingIsSent() throws {
        let connection = try testConnection()
        let before = connection.roundTrips
        let error = #expect(throws: PostgresError.self) {
            try connection.pipeline(["SELECT 1", PostgresStatement("SELECT $1::text", [.text("a\u{0}b")])])
        }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.message.contains("parameter $1 contains a NUL character") == true)
        #expect(connection.roundTrips == before)
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }
}
