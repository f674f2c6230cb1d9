import Foundation
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
        // A whole process on the host reaches the server too, as a worker will.
        let psql = URL(fileURLWithPath: server.pgCtl).deletingLastPathComponent().appendingPathComponent("psql").path
        let printed = try Command.run(
            host.commandPrefix[0], host.commandPrefix.dropFirst() + [psql, "-XAtc", clientAddress, address])
        #expect(printed == host.address + "\n")
        // The host holds a lock when it vanishes, as a worker cut off mid-transaction would.
        let lock = Int64.random(in: 1...Int64.max)
        try connection.pipeline(["BEGIN", PostgresStatement("SELECT pg_advisory_xact_lock($1)", [.int64(lock)])])

        try host.setLink(up: false)
        let start = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        let waited = ContinuousClock.now - start
        #expect(error?.kind == .connectionLost)
        #expect(waited < .seconds(30), "the dead-peer timeout (2 s and a probe), not the 120 s reply timeout")

        // The server notices too, ends the vanished session and frees its lock for others:
        // this wait ends on the lock's release, not on a clock.
        let other = try testConnection()
        try other.pipeline([
            "BEGIN", "SET LOCAL lock_timeout = '60s'", PostgresStatement("SELECT pg_advisory_xact_lock($1)", [.int64(lock)]),
        ])
        try other.query("ROLLBACK")
        #expect(ContinuousClock.now - start < .seconds(30), "the server's dead-peer timeout, not the kernel's two hours")

        // Connecting while the link is down fails within the connect timeout too.
        let refused = #expect(throws: PostgresError.self) { try host.run { try connection.reconnect() } }
        #expect(refused?.kind == .connectionFailed)

        try host.setLink(up: true)
        try host.run { try connection.reconnect() }
        #expect(try connection.scalar(String.self, clientAddress) == host.address)
    }

    @Test func removingTheNamespaceRemovesItsLink() throws {
        let host = try NetworkNamespace()
        let ip = host.commandPrefix[0]
        try Command.run(ip, ["link", "show", host.hostInterface])
        host.remove()
        let error = #expect(throws: CommandError.self) { try Command.run(ip, ["link", "show", host.hostInterface]) }
        #expect(error?.description.contains("does not exist") == true)
        #expect(throws: CommandError.self) { try host.setLink(up: true) }
    }
}
