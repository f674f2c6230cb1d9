import Foundation
import ProgressTracking
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

/// A password in the connection string appears in no message and no description, whichever
/// way a call fails.
@Suite(.requiresTestPostgres) struct SecrecyTests {
    let server: TestPostgres
    /// The password as the URI spells it, percent-encoded.
    let encodedPassword: String

    init() throws {
        server = try TestPostgres.server()
        encodedPassword = String(server.passwordURI.split(separator: "@")[0].split(separator: ":", maxSplits: 2)[2])
    }

    private func expectNoPassword(in text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(server.password), "\(what) shows the password", sourceLocation: sourceLocation)
        #expect(!text.contains(encodedPassword), "\(what) shows the encoded password", sourceLocation: sourceLocation)
    }

    /// Runs `body`, which must fail, and checks its error's every spelling.
    private func expectFailureWithoutPassword(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let error = #expect(throws: ProgressTrackingError.self, sourceLocation: sourceLocation, performing: body)
        if let error {
            expectNoPassword(in: String(describing: error), what, sourceLocation: sourceLocation)
            expectNoPassword(in: String(reflecting: error), what, sourceLocation: sourceLocation)
        }
    }

    @Test func aStoreNamesItsServerWithoutThePassword() throws {
        let keywordForm = "host=\(server.host) port=\(server.port) dbname=\(server.database) user=\(server.passwordUser) password='\(server.password)'"
        for connectionString in [server.passwordURI, keywordForm] {
            let schema = try StoreSchema(TestSchemas.make())
            try schema.create()
            let store = try ProgressStore(postgres: connectionString, schema: schema.name)
            #expect(store.path.hasPrefix("\(server.host):\(server.port)/\(server.database) as \(server.passwordUser), schema "))
            expectNoPassword(in: store.path, "the store's path")
            try store.trackerSet(named: "s").createTracker("t", total: 1).increment()
        }
    }

    @Test func failuresToOpenDoNotRepeatThePassword() throws {
        let wrongDatabase = server.passwordURI.replacingOccurrences(of: "/\(server.database)", with: "/no_such_database")
        let wrongPort = server.passwordURI.replacingOccurrences(of: ":\(server.port)/", with: ":1/")
        let malformed = server.passwordURI + "?no_such_parameter=1"
        for connectionString in [wrongDatabase, wrongPort, malformed] {
            expectFailureWithoutPassword("opening \(connectionString.count)") {
                _ = try ProgressStore(postgres: connectionString, schema: TestSchemas.make())
            }
        }
    }

    @Test func failuresOfCallsDoNotRepeatThePassword() throws {
        let schema = TestSchemas.make()
        try StoreSchema(schema).create()
        let application = "secrecy-\(UUID().uuidString.prefix(8))"
        let store = try ProgressStore(postgres: server.passwordURI + "?application_name=\(application)", schema: schema)
        let tracker = try store.trackerSet(named: "s").createTracker("t", total: 10)
        try tracker.increment()

        let reader = try ProgressStore(postgres: server.passwordURI, schema: schema, readOnly: true)
        expectFailureWithoutPassword("a write to a read-only store") {
            try reader.getTrackerSet(named: "s")?.getTracker("t")?.increment()
        }
        let stored = try StoreSchema(schema, through: server.passwordURI)
        for session in try stored.sessions(named: application) { try stored.terminate(session) }
        expectFailureWithoutPassword("a lost connection") { try tracker.increment() }
        try stored.setVersion(99)
        expectFailureWithoutPassword("a newer schema") { _ = try ProgressStore(postgres: server.passwordURI, schema: schema) }
    }
}
