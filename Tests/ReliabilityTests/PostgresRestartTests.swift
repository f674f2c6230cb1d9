import ProgressTrackingTestSupport
import Testing

extension ProcessTests {
    /// The PostgreSQL server restarted (`pg_ctl restart -m fast`) in the middle of an import,
    /// on a server of this test's own: a worker's call that the restart breaks throws the
    /// typed error (never hangs, never half-counts), the worker run again resumes, and the
    /// import ends exact.
    @Suite(.requiresTestPostgres) struct PostgresRestartTests {
        @Test func workersCaughtByAServerRestartStopWithTheTypedErrorAndResumeToExactCounts() throws {
            let server = try TestPostgres.startPrivateServer()
            defer { try? server.stop() }
            let schema = "restart_import"
            let (batches, size, items) = (300, 10, 2_000)
            let argumentLists = [
                ["batches", server.uri, "\(batches)", "\(size)", "--schema", schema],
                ["batches", server.uri, "\(batches)", "\(size)", "--schema", schema],
                ["items", server.uri, "items", "\(items)", "0", "\(items)", "--schema", schema],
                ["items", server.uri, "items", "\(items)", "\(items / 2)", "\(items)", "--schema", schema],
            ]
            let workers = try Worker.startTogether(argumentLists)
            // Every worker is under way (it counted) when the server goes down.
            for worker in workers {
                #expect(worker.readLine()?.hasPrefix("progress ") == true, "\(worker.arguments): \(worker.transcript)")
            }
            try server.restart()

            var stopped: [[String]] = []
            for worker in workers {
                do {
                    try worker.finish()
                } catch {
                    let last = worker.transcript.last ?? ""
                    #expect(last.hasPrefix("error: lost the connection to "), "\(worker.arguments): \(worker.transcript)")
                    #expect(!last.contains("could not learn"), "the server was back in time to tell every commit's outcome")
                    stopped.append(worker.arguments)
                }
            }
            #expect(!stopped.isEmpty, "the restart came after every worker had finished")
            // Run again as an operator would: each resumes where the store says it stands.
            for arguments in stopped { try Worker.start(arguments).finish() }

            let counts = try StoreSchema(schema, through: server.uri).trackerCounts()
            #expect(counts["batches"]?.current == batches)
            #expect(counts["batches"]?.keys == batches)
            #expect(counts["rows"]?.current == batches * size)
            #expect(counts["items"]?.current == items)
            #expect(counts["items"]?.keys == items)
        }
    }
}
