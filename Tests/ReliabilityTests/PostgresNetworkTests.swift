import Foundation
import ProgressTrackingTestSupport
import Testing

extension ProcessTests {
    /// Workers on hosts of their own: one host's network goes down in the middle of an
    /// import. Its call fails with the typed error within the bounded time, the workers of
    /// the other hosts go on (the server ends the vanished session and frees its locks within
    /// the same bound), and once the link is back the host's worker, run again, ends the
    /// import exact.
    @Suite(
        .requiresTestPostgres,
        .enabled(if: NetworkNamespace.unavailableReason == nil, Comment(rawValue: NetworkNamespace.unavailableReason ?? ""))
    )
    struct PostgresNetworkTests {
        @Test func aHostCutOffMidImportFailsInTimeWhileTheOthersGoOnAndEndsExactOnceBack() throws {
            let server = try TestPostgres.server()
            let schema = TestSchemas.make("netns")
            let host = try NetworkNamespace()
            defer { host.remove() }
            let (batches, size) = (600, 10)
            // A busy timeout beyond the dead-peer bound (10 s): a worker waiting for the
            // vanished host's row lock waits for the server to end that session, rather than
            // giving up first.
            func arguments(_ uri: String) -> [String] {
                ["batches", uri, "\(batches)", "\(size)", "--schema", schema, "--busy-timeout", "40"]
            }
            let remoteURI = "postgresql://\(server.user)@\(host.hostAddress):\(server.port)/\(server.database)"
            let cutOff = try Worker(arguments(remoteURI), commandPrefix: host.commandPrefix)
            let others = try [Worker(arguments(server.uri)), Worker(arguments(server.uri))]
            for worker in [cutOff] + others { worker.go() }
            #expect(cutOff.readLine()?.hasPrefix("progress ") == true, "\(cutOff.transcript)")

            try host.setLink(up: false)
            let cut = ContinuousClock.now
            for worker in others { try worker.finish() }
            #expect(throws: Worker.Failure.self) { try cutOff.finish() }
            #expect(ContinuousClock.now - cut < .seconds(35), "the dead-peer bound, then at most the connect bound to resolve a commit")
            let error = cutOff.transcript.last ?? ""
            #expect(error.hasPrefix("error: lost the connection to \(host.hostAddress):\(server.port)/"), "\(cutOff.transcript)")

            try host.setLink(up: true)
            let again = try Worker(arguments(remoteURI), commandPrefix: host.commandPrefix)
            again.go()
            try again.finish()
            let counts = try StoreSchema(schema).trackerCounts()
            #expect(counts["batches"]?.current == batches)
            #expect(counts["batches"]?.keys == batches)
            #expect(counts["rows"]?.current == batches * size)
        }
    }
}
