import Foundation
@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage
import Testing

/// The schema ships as `Migrations/`, is applied in order, and a newer file is left alone.
@Suite struct MigrationTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func embeddedMigrationsEqualTheMigrationsFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Migrations").appendingPathComponent("SQLite")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let fromFiles = try files.map { file in
            let stem = file.dropLast(".sql".count)
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return Migration(
                version: try #require(Int(stem.prefix(while: \.isNumber))),
                name: String(stem.drop(while: { $0 != "_" }).dropFirst()),
                sql: text.hasSuffix("\n") ? String(text.dropLast()) : text
            )
        }
        #expect(!fromFiles.isEmpty)
        #expect(Migration.all == fromFiles, "run Scripts/embed-migrations after changing Migrations/")
        #expect(Migration.all.map(\.version) == Array(1...Migration.all.count))
    }

    @Test func newFileIsAtTheLatestVersion() throws {
        let path = directory.path()
        _ = try ProgressStore(path: path)
        let connection = try Connection(path: path, mode: .readOnly)
        #expect(try Migrator.schemaVersion(of: connection) == Migration.latestVersion)
    }

    @Test func versionOneFileUpgradesWithCountsIntact() throws {
        let path = directory.path()
        try makeVersionOneFile(at: path, rows: """
            INSERT INTO tracker_set (name, created_at, updated_at) VALUES ('old', 0, 0);
            INSERT INTO tracker (set_id, name, total, current, created_at, updated_at) VALUES (1, 'rows', 10, 4, 0, 0);
            """)
        #expect(try Migrator.schemaVersion(of: Connection(path: path, mode: .readOnly)) == 1)

        let set = try #require(try ProgressStore(path: path).getTrackerSet(named: "old"))
        let rows = try #require(try set.getTracker("rows"))
        #expect(try rows.status().withoutTiming == TrackerStatus(current: 4, total: 10, percent: 40))
        #expect(try rows.increment(item: "new"))
        #expect(try rows.current == 5)
        let connection = try Connection(path: path, mode: .readOnly)
        #expect(try Migrator.schemaVersion(of: connection) == Migration.latestVersion)
    }

    @Test func newerFileIsRefusedAndLeftByteForByteUntouched() throws {
        let path = directory.path()
        try ProgressStore(path: path).trackerSet(named: "s").createTracker("t", total: 1).increment()
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            // Back to a rollback journal, so that the whole file is the main file.
            try connection.execute("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let newer = ProgressTrackingError.newerSchema(path: path, version: 99, supported: Migration.latestVersion)
        #expect(throws: newer) { try ProgressStore(path: path) }
        #expect(throws: newer) { try ProgressStore(path: path, readOnly: true) }
        #expect(newer.description.contains("schema version 99, newer than"))

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func otherProgramsDatabasesAreNotTakenOver() throws {
        let path = directory.path()
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            try connection.execute("CREATE TABLE contacts (name TEXT)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ProgressTrackingError.notAProgressStore(path: path)) { try ProgressStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func textFileIsNotADatabaseAndIsLeftUntouched() throws {
        let path = directory.path("notes.txt")
        let text = Data("these are my notes, not a database\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: ProgressTrackingError.notADatabase(path: path)) { try ProgressStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func emptyFileBecomesANewStore() throws {
        let path = directory.path()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ProgressStore(path: path)
        #expect(try store.allTrackerSets().isEmpty)
    }
}
