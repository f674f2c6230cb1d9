import ProgressTracking
import ProgressTrackingPostgres
@testable import ProgressTrackingPostgresStorage
import ProgressTrackingTestSupport
import Testing

extension ProcessTests {
    /// Processes standing in for hosts, sharing one PostgreSQL store (its schema of the test
    /// server): released at the same moment, they lose no count and double none.
    @Suite(.requiresTestPostgres) struct PostgresProcessTests {
        let uri: String

        init() throws {
            uri = try TestPostgres.server().uri
        }

        /// Each round, six processes find no schema, create and migrate it, and open one
        /// tracker, at once: a migration applied twice would fail on the objects it creates.
        @Test func processesOpeningANewSchemaAtOnceMigrateItOnceAndGetOneTracker() throws {
            for _ in 0..<4 {
                let schema = TestSchemas.make("migrate")
                let workers = try Worker.startTogether((0..<6).map { _ in ["open", uri, "shared", "--schema", schema] })
                for worker in workers { try worker.finish() }

                #expect(try StoreSchema(schema).version() == Migration.latestVersion)
                let set = try ProgressStore(postgres: uri, schema: schema).trackerSet(named: "work")
                #expect(try set.getAllTrackers().map(\.name) == ["shared"])
                #expect(try set.getTracker("shared")?.current == 6)
            }
        }

        @Test func fourProcessesIncrementingOneTrackerEndExact() throws {
            let schema = TestSchemas.make("increments")
            let workers = try Worker.startTogether((0..<4).map { _ in ["increment", uri, "rows", "2000", "500", "--schema", schema] })
            for worker in workers { try worker.finish() }

            let status = try ProgressStore(postgres: uri, schema: schema).trackerSet(named: "work").getStatus()
            #expect(status.trackers["rows"]?.current == 2_000)
            #expect(status.overall == 100)
        }

        @Test func fourProcessesCountingOverlappingItemsCountEachKeyOnce() throws {
            let schema = TestSchemas.make("items")
            // Worker w counts keys 100w ..< 100w + 240 (mod 400): most keys by two or three workers.
            let workers = try Worker.startTogether(
                (0..<4).map { ["items", uri, "items", "400", "\($0 * 100)", "240", "--schema", schema] }
            )
            let newKeys = try workers.map { try CrossProcessTests.newKeys(reportedBy: $0) }.reduce(0, +)

            let tracker = try #require(try ProgressStore(postgres: uri, schema: schema).trackerSet(named: "work").getTracker("items"))
            #expect(newKeys == 400)
            #expect(try tracker.current == 400)
            #expect(try StoreSchema(schema).itemKeyCount(set: "work", tracker: "items") == 400)
        }
    }
}
