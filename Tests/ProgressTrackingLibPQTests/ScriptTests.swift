import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

@Suite(.requiresTestPostgres)
struct ScriptTests {
    @Test func aScriptRunsEveryStatementInOneRoundTrip() throws {
        let connection = try testConnection()
        let before = connection.roundTrips
        try connection.execute(script: """
            CREATE TEMP TABLE trackers (id int8 PRIMARY KEY, name text NOT NULL);
            INSERT INTO trackers VALUES (1, 'a'), (2, 'b');
            -- a comment, and an empty statement:
            ;
            UPDATE trackers SET name = upper(name);
            """)
        #expect(connection.roundTrips == before + 1)
        #expect(try connection.scalar(String.self, "SELECT string_agg(name, ',' ORDER BY id) FROM trackers") == "A,B")
    }

    @Test func aFailingScriptStopsAndTakesNoEffect() throws {
        let connection = try testConnection()
        try connection.execute(script: "CREATE TEMP TABLE t (n int8 PRIMARY KEY)")
        let error = #expect(throws: PostgresError.self) {
            try connection.execute(script: "INSERT INTO t VALUES (1); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);")
        }
        #expect(error?.sqlState == .uniqueViolation)
        #expect(try connection.scalar(Int64.self, "SELECT count(*) FROM t") == 0)
        #expect(connection.transactionState == .idle)
    }
}
