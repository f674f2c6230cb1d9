import ProgressTracking
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

extension ProcessTests {
    /// A worker counting into a PostgreSQL store, killed with SIGKILL at seeded moments (in a
    /// call, between a statement and its COMMIT, after it): the server rolls back whatever the
    /// dead session had not committed, so the counts always match the work stored, and a
    /// resumed run ends with every item counted exactly once.
    @Suite(.requiresTestPostgres) struct PostgresKillTests {
        static let kills = 8
        let uri: String

        init() throws {
            uri = try TestPostgres.server().uri
        }

        @Test func killedItemImportResumesToExactCounts() throws {
            var random = SeededGenerator(for: "postgres.killedItemImportResumesToExactCounts")
            let schema = TestSchemas.make("kill_items")
            let items = 3_000
            let arguments = ["items", uri, "items", "\(items)", "0", "\(items)", "--schema", schema]

            for kill in 1...Self.kills {
                try KillTests.run(arguments, killAfter: Int.random(in: 1...3, using: &random), using: &random)
                let counts = try StoreSchema(schema).trackerCounts()["items"]
                #expect(counts?.current == counts?.keys, "kill \(kill), seed \(random.seed)")
                #expect(counts.map { $0.current < items } ?? true, "kill \(kill) came after the import ended; seed \(random.seed)")
            }

            try Worker.start(arguments).finish()
            let tracker = try tracker("items", schema)
            #expect(try tracker.current == items)
            #expect(try StoreSchema(schema).itemKeyCount(set: "work", tracker: "items") == items)
        }

        @Test func killedBatchImportNeverKeepsHalfABatch() throws {
            var random = SeededGenerator(for: "postgres.killedBatchImportNeverKeepsHalfABatch")
            let schema = TestSchemas.make("kill_batches")
            let batches = 400, size = 20
            let arguments = ["batches", uri, "\(batches)", "\(size)", "--schema", schema]

            for kill in 1...Self.kills {
                try KillTests.run(arguments, killAfter: Int.random(in: 1...20, using: &random), using: &random)
                let counts = try StoreSchema(schema).trackerCounts()
                let done = counts["batches"]?.current ?? 0
                #expect(counts["rows"]?.current ?? 0 == done * size, "kill \(kill), seed \(random.seed)")
                #expect(counts["batches"]?.keys ?? 0 == done, "kill \(kill), seed \(random.seed)")
                #expect(done < batches, "kill \(kill) came after the import ended; seed \(random.seed)")
            }

            try Worker.start(arguments).finish()
            #expect(try tracker("batches", schema).current == batches)
            #expect(try tracker("rows", schema).current == batches * size)
        }

        private func tracker(_ name: String, _ schema: String) throws -> ProgressTracker {
            try #require(try ProgressStore(postgres: uri, schema: schema).trackerSet(named: "work").getTracker(name))
        }
    }
}
