import ProgressTracking
import ProgressTrackingPostgres
import ProgressTrackingTestSupport
import Testing

/// Stores on separate connections, as on separate hosts, opening one tracker name at once get
/// one tracker (the process-level test is `ReliabilityTests.PostgresProcessTests`).
@Suite(.requiresTestPostgres) struct OpenTrackerRaceTests {
    @Test func storesOpeningOneNameAtOnceGetOneTracker() async throws {
        let uri = try TestPostgres.server().uri
        let schema = TestSchemas.make()
        let stores = try (0..<6).map { _ in try ProgressStore(postgres: uri, schema: schema) }
        for round in 0..<5 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores {
                    group.addTask {
                        try store.trackerSet(named: "work").openTracker("shared-\(round)", total: 10).increment()
                    }
                }
                try await group.waitForAll()
            }
            let set = try stores[0].trackerSet(named: "work")
            #expect(try set.getAllTrackers().map(\.name) == (0...round).map { "shared-\($0)" })
            #expect(try set.getTracker("shared-\(round)")?.current == stores.count)
        }
    }
}
