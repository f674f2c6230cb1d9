import Foundation
import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

@Suite(.requiresTestPostgres)
struct ConnectingTests {
    @Test func aURIConnectsAndNamesTheServerAndUser() throws {
        let server = try TestPostgres.server()
        let connection = try testConnection()
        #expect(connection.isConnected)
        #expect(connection.description == "\(server.host):\(server.port)/\(server.database) as \(server.user)")
        #expect(try connection.scalar(String.self, "SELECT current_user") == server.user)
        #expect(Int64(connection.backendProcessID) == (try connection.scalar(Int64.self, "SELECT pg_backend_pid()")))
    }

    @Test func theKeywordFormReachesTheUnixSocket() throws {
        let server = try TestPostgres.server()
        let connection = try testConnection(
            "host=\(server.socketDirectory) port=\(server.port) dbname=\(server.database) user=\(server.user)")
        #expect(connection.description == "\(server.socketDirectory):\(server.port)/\(server.database) as \(server.user)")
        // No client address: the connection did not go over TCP.
        #expect(try connection.scalar(String?.self, "SELECT host(inet_client_addr())") == nil)
    }

    @Test func theServerIsNamedWithoutConnectingAsAConnectionWouldNameIt() throws {
        let server = try TestPostgres.server()
        for string in [server.uri, "host=\(server.socketDirectory) port=\(server.port) dbname=\(server.database) user=\(server.user)"] {
            #expect(PostgresConnection.describe(connectionString: string) == (try testConnection(string).description))
        }
        // What the string leaves out comes from libpq's defaults: the database is the user's.
        #expect(PostgresConnection.describe(connectionString: "postgresql://someone@db.invalid:6543") == "db.invalid:6543/someone as someone")
        #expect(PostgresConnection.describe(connectionString: "postgresql://[::1]:6543/d?user=u") == "[::1]:6543/d as u")
        #expect(PostgresConnection.describe(connectionString: "host='unterminated") == "PostgreSQL (a connection string libpq cannot read)")
    }

    @Test func thePostgresSchemeIsAcceptedToo() throws {
        let server = try TestPostgres.server()
        let uri = server.uri.replacingOccurrences(of: "postgresql://", with: "postgres://")
        #expect(try testConnection(uri).scalar(Int64.self, "SELECT 1") == 1)
    }

    @Test func theApplicationNameIsSetUnlessTheStringNamesOne() throws {
        let server = try TestPostgres.server()
        let named = try testConnection()
        #expect(try named.scalar(String.self, "SHOW application_name") == "progress-tracking-tests")
        let overridden = try testConnection(server.uri + "?application_name=importer-7")
        #expect(try overridden.scalar(String.self, "SHOW application_name") == "importer-7")
    }

    @Test func theClientEncodingIsAlwaysUTF8() throws {
        let server = try TestPostgres.server()
        let connection = try testConnection(server.uri + "?client_encoding=LATIN1")
        #expect(try connection.scalar(String.self, "SHOW client_encoding") == "UTF8")
        #expect(try connection.scalar(String.self, "SELECT $1::text", [.text("zählt 数える 🧮")]) == "zählt 数える 🧮")
    }

    @Test func theServerWatchesForADeadPeerWithTheSameBound() throws {
        let timeouts = PostgresTimeouts(connect: .seconds(5), deadPeer: .seconds(8), reply: .seconds(30))
        let connection = try testConnection(timeouts: timeouts)
        #expect(try connection.scalar(String.self, "SHOW tcp_user_timeout") == "8000")
        #expect(try connection.scalar(String.self, "SHOW tcp_keepalives_interval") == "2")
    }

    @Test func aPasswordFileIsHonoured() throws {
        let server = try TestPostgres.server()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let passfile = directory.appendingPathComponent("pgpass")
        // .pgpass escapes ":" and "\" with a backslash.
        let escaped = server.password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        try "*:*:*:\(server.passwordUser):\(escaped)\n".write(to: passfile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)
        // `passfile` is the keyword behind PGPASSFILE, set here rather than in the environment,
        // which every test in the process shares.
        let connection = try testConnection(
            "host=\(server.host) port=\(server.port) dbname=\(server.database) user=\(server.passwordUser) passfile=\(passfile.path)")
        #expect(try connection.scalar(String.self, "SELECT current_user") == server.passwordUser)
    }

    @Test func aRefusedConnectionIsATypedErrorNamingTheServer() throws {
        let server = try TestPostgres.server()
        let error = #expect(throws: PostgresError.self) {
            try testConnection("postgresql://\(server.user)@127.0.0.1:\(server.port)/no_such_database")
        }
        #expect(error?.kind == .connectionFailed)
        #expect(error?.connection == "127.0.0.1:\(server.port)/no_such_database as \(server.user)")
        #expect(error?.message.contains("database \"no_such_database\" does not exist") == true)
    }

    @Test func anUnparsableConnectionStringIsAConnectionFailure() {
        let error = #expect(throws: PostgresError.self) { try testConnection("host=localhost port") }
        #expect(error?.kind == .connectionFailed)
        #expect(error?.message.contains("missing \"=\" after \"port\"") == true)
    }

    @Test func closeAndReconnectOpenANewSession() throws {
        let connection = try testConnection()
        let first = connection.backendProcessID
        connection.close()
        #expect(!connection.isConnected)
        #expect(connection.transactionState == .unknown)
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        try connection.reconnect()
        #expect(connection.backendProcessID != first)
        #expect(try connection.scalar(Int64.self, "SELECT 1") == 1)
    }
}
