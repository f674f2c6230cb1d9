import Foundation
import ProgressTrackingLibPQ
import Synchronization

/// Schemas of the test server that tests' stores live in: each a fresh name of its own, so
/// that tests running at once never meet, and all dropped, with everything in them, when
/// the test process exits (a store's connections are open until its test ends, and a test
/// can hand its store to code that outlives its scope, so no earlier moment is safe).
package enum TestSchemas {
    private static let created = Mutex<[String]>([])

    /// A new schema name, registered to be dropped at exit. The store that opens it creates it;
    /// a store that connects as another role than the server's test role must find it created
    /// (by `StoreSchema.create()`), or the test role could not drop it.
    package static func make(_ purpose: String = "test") -> String {
        let name = "\(purpose)_\(UUID().uuidString.prefix(8).lowercased())"
        created.withLock { names in
            if names.isEmpty { atexit { TestSchemas.dropAll() } }
            names.append(name)
        }
        return name
    }

    private static func dropAll() {
        let names = created.withLock { $0 }
        guard let server = TestPostgres.configured, !names.isEmpty,
            let connection = try? PostgresConnection(server.uri, applicationName: "progress-tracking-tests")
        else { return }
        // One at a time, so that one the test role may not drop keeps no other.
        for name in names {
            _ = try? connection.execute(script: "DROP SCHEMA IF EXISTS \"\(name.replacing("\"", with: "\"\""))\" CASCADE")
        }
    }
}
