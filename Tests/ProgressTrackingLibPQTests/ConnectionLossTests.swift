import Foundation
import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

@Suite(.requiresTestPostgres)
struct ConnectionLossTests {
    @Test func aTerminatedBackendIsALostConnectionUntilReconnect() throws {
        let connection = try testConnection()
        let killer = try testConnection()
        let pid = connection.backendProcessID
        // With a timeout, pg_terminate_backend returns once the process has exited.
        #expect(try killer.scalar(Bool.self, "SELECT pg_terminate_backend($1::int, 10000)", [.int64(Int64(pid))]))

        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        #expect(error?.isConnectionLost == true)
        #expect(error?.sqlState == .adminShutdown)
        #expect(error?.message == "terminating connection due to administrator command")
        #expect(error?.sql == "SELECT 1")
        #expect(!connection.isConnected)
        // Until the owner reconnects, every call says the same, without touching the network.
        let again = #expect(throws: PostgresError.self) { try connection.execute(script: "SELECT 1") }
        #expect(again?.kind == .connectionLost)

        try connection.reconnect()
        #expect(connection.backendProcessID != pid)
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }

    @Test func aBackendTerminatedMidTransactionLosesTheTransaction() throws {
        let connection = try testConnection()
        let killer = try testConnection()
        try killer.execute(script: "CREATE TABLE IF NOT EXISTS loss_test (id text PRIMARY KEY)")
        let key = UUID().uuidString
        try connection.query("BEGIN")
        try connection.query("INSERT INTO loss_test VALUES ($1)", [.text(key)])
        #expect(try killer.scalar(Bool.self, "SELECT pg_terminate_backend($1::int, 10000)", [.int64(Int64(connection.backendProcessID))]))
        let error = #expect(throws: PostgresError.self) { try connection.query("COMMIT") }
        #expect(error?.kind == .connectionLost)
        #expect(try killer.scalar(Int64.self, "SELECT count(*) FROM loss_test WHERE id = $1", [.text(key)]) == 0)
    }

    @Test func aServerThatStopsAnsweringEndsTheCallWithinTheReplyTimeout() throws {
        let timeouts = PostgresTimeouts(connect: .seconds(5), deadPeer: .seconds(5), reply: .milliseconds(300))
        let connection = try testConnection(timeouts: timeouts)
        let pid = connection.backendProcessID
        // A stopped backend keeps its socket open and its kernel keeps acknowledging: only
        // the reply deadline can end the wait.
        try #require(kill(pid, SIGSTOP) == 0, "the test must be able to signal the server's processes")
        defer { kill(pid, SIGCONT) }
        let start = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        let waited = ContinuousClock.now - start
        #expect(error?.kind == .connectionLost)
        #expect(error?.message.contains("no reply within") == true)
        #expect(!connection.isConnected)
        #expect(waited >= .milliseconds(300))
        #expect(waited < .seconds(30), "bounded by the reply timeout, not by the stopped server")
        kill(pid, SIGCONT)
        try connection.reconnect()
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }
}

@Suite(.requiresTestPostgres)
struct ServerRestartTests {
    @Test func aRestartedServerIsALostConnectionThatReconnects() throws {
        // A server of this test's own: a restart would break every other suite's sessions.
        let server = try TestPostgres.startPrivateServer()
        defer { try? server.stop() }
        let connection = try testConnection(server.uri)
        let before = connection.backendProcessID
        try server.restart()
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        #expect(error?.sqlState == .adminShutdown)
        try connection.reconnect()
        #expect(connection.backendProcessID != before)
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }
}
