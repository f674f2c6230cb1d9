import Foundation
import ProgressTracking
import ProgressTrackingLibPQ
import ProgressTrackingPostgres
@testable import ProgressTrackingPostgresStorage
import ProgressTrackingTestSupport
import Testing

/// The schema ships as `Migrations/PostgreSQL/`, is applied in order, and a newer schema, or
/// another program's, is left alone.
@Suite(.requiresTestPostgres) struct MigrationTests {
    @Test func embeddedMigrationsEqualTheMigrationsFolder() throws {
        let fromFiles = try MigrationFiles.read("PostgreSQL").map { Migration(version: $0.version, name: $0.name, sql: $0.sql) }
        #expect(!fromFiles.isEmpty)
        #expect(Migration.all == fromFiles, "run Scripts/embed-migrations after changing Migrations/")
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    }

    @Test func aNewSchemaIsCreatedAtTheLatestVersion() throws {
        let schema = try StoreSchema(TestSchemas.make())
        _ = try ProgressStore(postgres: TestPostgres.server().uri, schema: schema.name)
        #expect(try schema.version() == Migration.latestVersion)
        // Opening it again changes nothing.
        let before = try schema.snapshot()
        _ = try ProgressStore(postgres: TestPostgres.server().uri, schema: schema.name)
        #expect(try schema.snapshot() == before)
    }

    @Test func aNewerSchemaIsRefusedAndLeftUntouched() throws {
        let uri = try TestPostgres.server().uri
        let schema = try StoreSchema(TestSchemas.make())
        let store = try ProgressStore(postgres: uri, schema: schema.name)
        try store.trackerSet(named: "s").createTracker("t", total: 1).increment()
        try schema.setVersion(99)
        let before = try schema.snapshot()

        let newer = ProgressTrackingError.newerSchema(path: store.path, version: 99, supported: Migration.latestVersion)
        #expect(throws: newer) { try ProgressStore(postgres: uri, schema: schema.name) }
        #expect(throws: newer) { try ProgressStore(postgres: uri, schema: schema.name, readOnly: true) }
        #expect(newer.description.contains("schema version 99, newer than"))
        #expect(try schema.snapshot() == before)
    }

    @Test func anotherProgramsSchemaIsNotTakenOver() throws {
        let uri = try TestPostgres.server().uri
        let schema = try StoreSchema(TestSchemas.make())
        try schema.connect().execute(script: "CREATE SCHEMA \(schema.quoted); CREATE TABLE \(schema.quoted).contacts (name text)")
        let before = try schema.snapshot()
        #expect {
            try ProgressStore(postgres: uri, schema: schema.name)
        } throws: { error in
            guard case ProgressTrackingError.notAProgressStore = error else { return false }
            return true
        }
        #expect(try schema.snapshot() == before)
    }

    @Test func anEmptySchemaBecomesAStore() throws {
        let schema = try StoreSchema(TestSchemas.make())
        try schema.create()
        let store = try ProgressStore(postgres: TestPostgres.server().uri, schema: schema.name)
        #expect(try store.allTrackerSets().isEmpty)
        #expect(try schema.version() == Migration.latestVersion)
    }

    @Test func aReadOnlyStoreNeedsAStoreToRead() throws {
        let uri = try TestPostgres.server().uri
        let schema = try StoreSchema(TestSchemas.make())
        for setUp in ["", "CREATE SCHEMA \(schema.quoted)"] {
            if !setUp.isEmpty { try schema.connect().execute(script: setUp) }
            #expect {
                try ProgressStore(postgres: uri, schema: schema.name, readOnly: true)
            } throws: { error in
                guard case ProgressTrackingError.cannotOpen(_, let reason) = error else { return false }
                return reason.contains(schema.name)
            }
        }
        #expect(try schema.connect().query("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1", [.text(schema.name)]).rowCount == 0)
    }
}
