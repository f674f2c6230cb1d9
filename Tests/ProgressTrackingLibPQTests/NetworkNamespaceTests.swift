import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

/// The harness the PostgreSQL fault tests build on: a host with a network of its own,
/// reaching the test server over TCP, whose link a test takes down and brings back.
@Suite(
    .requiresTestPostgres,
    .enabled(if: NetworkNamespace.unavailableReason == nil, Comment(rawValue: NetworkNamespace.unavailableReason ?? ""))
)
struct NetworkNamespaceTests {
    @Test func aCutLinkFailsTheCallWithinTheDeadPeerBoundAndTheHostReconnectsOnceItIsBack() throws {
        let server = try TestPostgres.server()
        let host = try NetworkNamespace()
        defer { host.remove() }
        // A reply timeout far beyond the dead-peer bound, so that only TCP can end the wait.
        let timeouts = PostgresTimeouts(connect: .seconds(2), deadPeer: .seconds(2), reply: .seconds(120))
        let address = "host=\(host.hostAddress) port=\(server.port) dbname=\(server.database) user=\(server.user)"
        let connection = try host.run { try testConnection(address, timeouts: timeouts) }
        let clientAddress = "SELECT host(inet_client_addr())"
        #expect(try connection.scalar(String.self, clientAddress) == host.address)

        try host.setLink(up: false)
        let start = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        let waited = ContinuousClock.now - start
        #expect(error?.kind == .connectionLost)
        #expect(waited < .seconds(30), "the dead-peer timeout (2 s and a probe), not the 120 s reply timeout")

        // Connecting while the link is down fails within the connect timeout too.
        let refused = #expect(throws: PostgresError.self) { try host.run { try connection.reconnect() } }
        #expect(refused?.kind == .connectionFailed)

        try host.setLink(up: true)
        try host.run { try connection.reconnect() }
        #expect(try connection.scalar(String.self, clientAddress) == host.address)
    }

    @Test func removingTheNamespaceRemovesItsLink() throws {
        let host = try NetworkNamespace()
        host.remove()
        let error = #expect(throws: CommandError.self) { try host.setLink(up: true) }
        #expect(error?.description.contains("Cannot find device") == true)
    }
}
