import ProgressTracking
import ProgressTrackingLibPQ
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

/// A store lives in the schema its caller names, whatever the name, and nowhere else.
@Suite(.requiresTestPostgres) struct SchemaTests {
    @Test func twoSchemasInOneDatabaseAreKeptApart() throws {
        let uri = try TestPostgres.server().uri
        let first = try ProgressStore(postgres: uri, schema: TestSchemas.make("first"))
        let second = try ProgressStore(postgres: uri, schema: TestSchemas.make("second"))
        let secondToken = try second.changeToken()

        try first.trackerSet(named: "import").createTracker("rows", total: 10).increment(by: 3)
        try #expect(second.allTrackerSets().isEmpty)
        #expect(try second.changeToken() == secondToken)

        try second.trackerSet(named: "import").createTracker("rows", total: 4).increment(item: "k")
        #expect(try first.getTrackerSet(named: "import")?.getTracker("rows")?.current == 3)
        #expect(try second.getTrackerSet(named: "import")?.getTracker("rows")?.current == 1)
        #expect(try first.getTrackerSet(named: "import")?.getTracker("rows")?.hasCounted(item: "k") == false)
        try first.removeTrackerSet(named: "import")
        #expect(try second.getTrackerSet(named: "import")?.getOverallProgress() == 25)
    }

    /// Names that SQL would misread unquoted, or that quoting must keep exactly: each is a
    /// schema of exactly that name, and nothing else in the database is touched.
    @Test(arguments: [
        "Mixed Case", "x\"; DROP SCHEMA public CASCADE; --", "tab\tand \"quotes\"", "a.b", "select", "ünï cødé 🚀",
        "'; SELECT pg_sleep(60); --",
    ])
    func anyNameIsJustAName(purpose: String) throws {
        let uri = try TestPostgres.server().uri
        let name = TestSchemas.make(purpose)
        let store = try ProgressStore(postgres: uri, schema: name)
        try store.trackerSet(named: "s").createTracker("t", total: 2).increment()
        #expect(try ProgressStore(postgres: uri, schema: name, readOnly: true).getTrackerSet(named: "s")?.getOverallProgress() == 50)
        let schema = try StoreSchema(name)
        #expect(try schema.scalar(Int.self, "SELECT count(*) FROM pg_namespace WHERE nspname = $1", [.text(name)]) == 1)
        #expect(try schema.version() >= 1)
        #expect(try schema.scalar(Bool.self, "SELECT to_regnamespace('public') IS NOT NULL"))
        #expect(store.path.hasSuffix("schema \(name)"))
    }

    @Test(arguments: [
        ("", "the schema name is empty"),
        (String(repeating: "s", count: 64), "the schema name is 64 bytes long, more than PostgreSQL's 63"),
        ("a\u{0}b", "the schema name contains a NUL character"),
    ])
    func namesPostgreSQLWouldMisreadAreRefused(name: String, reason: String) throws {
        let uri = try TestPostgres.server().uri
        for readOnly in [false, true] {
            #expect {
                try ProgressStore(postgres: uri, schema: name, readOnly: readOnly)
            } throws: { error in
                guard case ProgressTrackingError.cannotOpen(_, let given) = error else { return false }
                return given == reason
            }
        }
    }

    @Test func aNameTheServerReservesCannotBeOpened() throws {
        #expect {
            try ProgressStore(postgres: try TestPostgres.server().uri, schema: "pg_progress")
        } throws: { error in
            guard case ProgressTrackingError.cannotOpen(_, let reason) = error else { return false }
            return reason.contains("unacceptable schema name")
        }
    }
}
