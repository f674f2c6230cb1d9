import ProgressTrackingLibPQ
import ProgressTrackingTestSupport
import Testing

/// The password role's password, in each spelling a connection string can hold it, must
/// appear in no description and no error, whichever way the connection fails.
@Suite(.requiresTestPostgres)
struct PasswordSecrecyTests {
    let server: TestPostgres
    /// The password as the URI spells it, percent-encoded.
    let encodedPassword: String

    init() throws {
        server = try TestPostgres.server()
        let userInfo = server.passwordURI.split(separator: "@")[0]
        encodedPassword = String(userInfo.split(separator: ":", maxSplits: 2)[2])
    }

    private func expectNoPassword(in text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(server.password), "\(what) shows the password", sourceLocation: sourceLocation)
        #expect(!text.contains(encodedPassword), "\(what) shows the encoded password", sourceLocation: sourceLocation)
    }

    private func expectFailure(connecting connectionString: String, sourceLocation: SourceLocation = #_sourceLocation) -> PostgresError? {
        let error = #expect(throws: PostgresError.self, sourceLocation: sourceLocation) { try testConnection(connectionString) }
        if let error {
            expectNoPassword(in: String(describing: error), "the error", sourceLocation: sourceLocation)
            expectNoPassword(in: error.connection ?? "", "the error's connection", sourceLocation: sourceLocation)
        }
        return error
    }

    @Test func aWorkingConnectionDescribesItselfWithoutThePassword() throws {
        let connection = try testConnection(server.passwordURI)
        #expect(connection.description == "127.0.0.1:\(server.port)/\(server.database) as \(server.passwordUser)")
        expectNoPassword(in: connection.description, "the description")
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT $1::text::int8", [.text("x")]) }
        expectNoPassword(in: String(describing: error), "a statement error")
    }

    @Test func theServerIsNamedWithoutThePasswordBeforeConnecting() {
        let description = PostgresConnection.describe(connectionString: server.passwordURI)
        #expect(description == "127.0.0.1:\(server.port)/\(server.database) as \(server.passwordUser)")
        expectNoPassword(in: description, "the description")
        expectNoPassword(in: PostgresConnection.describe(connectionString: "password=\(server.password) host=x"), "the description")
    }

    @Test func aLostConnectionSaysSoWithoutThePassword() throws {
        let connection = try testConnection(server.passwordURI)
        // A role may end its own sessions.
        let killer = try testConnection(server.passwordURI)
        #expect(try killer.scalar(Bool.self, "SELECT pg_terminate_backend($1::int, 10000)", [.int64(Int64(connection.backendProcessID))]))
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        expectNoPassword(in: String(describing: error), "the connection-lost error")
    }

    @Test func refusedConnectionsDoNotRepeatThePassword() {
        let base = "postgresql://\(server.passwordUser):\(encodedPassword)@127.0.0.1"
        _ = expectFailure(connecting: "\(base):\(server.port)/no_such_database")
        _ = expectFailure(connecting: "\(base):1/\(server.database)")
        let wrong = expectFailure(connecting: "postgresql://\(server.passwordUser):wrong\(encodedPassword)@127.0.0.1:\(server.port)/\(server.database)")
        #expect(wrong?.message.contains("password authentication failed") == true)
        _ = expectFailure(
            connecting: "host=127.0.0.1 port=1 dbname=\(server.database) user=\(server.passwordUser) password='\(server.password)'")
        _ = expectFailure(connecting: "\(base):\(server.port)/\(server.database)?password=\(encodedPassword)&sslmode=bogus")
    }

    @Test func malformedStringsThatLibpqEchoesAreRedacted() {
        // libpq quotes the whole URI when its IPv6 bracket is unterminated, and the token when
        // a percent-encoding is invalid: both would carry the password.
        let unterminated = expectFailure(connecting: "postgresql://\(server.passwordUser):\(encodedPassword)@[::1")
        #expect(unterminated?.message.contains("IPv6 host address") == true)
        #expect(unterminated?.message.contains("********") == true)
        let badEncoding = expectFailure(connecting: "postgresql://\(server.passwordUser):\(encodedPassword)%zz@127.0.0.1/db")
        #expect(badEncoding?.message.contains("percent-encoded") == true)
        #expect(badEncoding?.message.contains("********") == true)
    }
}
