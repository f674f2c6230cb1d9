import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage
import ProgressTrackingTestSupport
import Testing

/// The schema ships as `Migrations/`, is applied in order, and a newer file is left alone.
@Suite struct MigrationTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func embeddedMigrationsEqualTheMigrationsFolder() throws {
        let fromFiles = try MigrationFiles.read("SQLite").map { Migration(version: $0.version, name: $0.name, sql: $0.sql) }
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

    @Test func namesThatBecomeOneKeepEveryTrackerAndSet() throws {
        let path = directory.path()
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            try Migrator.migrate(connection, upTo: 4)
            // Two sets and, in one of them, three trackers whose names Swift calls equal, as
            // version 4 stored them byte for byte; and two keys that become one.
            try connection.execute("""
                INSERT INTO tracker_set (id, name, token, created_at, updated_at) VALUES
                    (1, 'caf\u{E9}', 1, 0, 0), (2, 'cafe\u{301}', 2, 0, 0);
                INSERT INTO tracker (id, set_id, name, token, total, current, created_at, updated_at) VALUES
                    (1, 1, 'n\u{E9}', 1, 10, 1, 0, 0), (2, 1, 'ne\u{301}', 2, 10, 2, 0, 0),
                    (3, 1, 'n\u{E9} (2)', 3, 10, 3, 0, 0), (4, 1, 'ne\u{301} (2)', 4, 10, 4, 0, 0);
                INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total) VALUES
                    (1, 2, 'ne\u{301}', 'created', 0, 0, 10), (1, 9, 'gone\u{301}', 'removed', 0, 0, 1);
                INSERT INTO tracker_item (tracker_id, key) VALUES (1, 'k\u{E9}y'), (1, 'ke\u{301}y'), (1, 'other');
                """)
        }
        let store = try ProgressStore(path: path)
        #expect(try store.allTrackerSets().map(\.name) == ["caf\u{E9}", "caf\u{E9} (2)"])
        let set = try #require(try store.getTrackerSet(named: "cafe\u{301}"))
        let trackers = try set.getAllTrackers()
        #expect(trackers.map(\.name) == ["n\u{E9}", "n\u{E9} (3)", "n\u{E9} (2)", "n\u{E9} (2) (2)"])
        #expect(try trackers.map { try $0.current } == [1, 2, 3, 4])
        #expect(try store.history(set: "caf\u{E9}").map(\.tracker) == ["n\u{E9} (3)", "gon\u{E9}"])
        let first = trackers[0]
        #expect(try first.hasCounted(item: "ke\u{301}y"))
        #expect(try !first.increment(item: "k\u{E9}y"))
        let keys = try Connection(path: path, mode: .readOnly).prepare("SELECT count(*) AS keys FROM tracker_item").first { $0.int("keys") }
        #expect(keys == 2)
    }

    @Test func emptyFileBecomesANewStore() throws {
        let path = directory.path()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ProgressStore(path: path)
        #expect(try store.allTrackerSets().isEmpty)
    }
}

/// Files that claim to be stores but are not, and paths that are not files: refused with a
/// typed error before SQLite sees them, and left as they were.
@Suite struct StorePathTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func anEmptyPathIsRefusedAndNoTemporaryDatabaseIsOpened() {
        for readOnly in [false, true] {
            #expect(throws: ProgressTrackingError.cannotOpen(path: "", reason: "the path is empty")) {
                try ProgressStore(path: "", readOnly: readOnly)
            }
        }
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func aDeviceIsRefusedAndNoJournalIsLeftBesideIt(path: String) {
        for readOnly in [false, true] {
            #expect(throws: ProgressTrackingError.cannotOpen(path: path, reason: "it is not a regular file")) {
                try ProgressStore(path: path, readOnly: readOnly)
            }
        }
        for suffix in ["-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: path + suffix))
        }
    }

    @Test func aPipeIsRefused() throws {
        let path = directory.path("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: ProgressTrackingError.cannotOpen(path: path, reason: "it is not a regular file")) {
            try ProgressStore(path: path)
        }
    }

    /// An SQLite file whose header claims a schema version but whose tables are not a store's.
    @Test(arguments: [3, 5, -1, Int(Int32.min)])
    func aVersionWithoutTheTablesIsNotAProgressStore(version: Int) throws {
        let path = directory.path("claims-\(version).sqlite")
        let connection = try Connection(path: path, mode: .readWrite)
        try connection.execute("CREATE TABLE notes (text TEXT); PRAGMA user_version = \(version)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for readOnly in [false, true] {
            #expect(throws: ProgressTrackingError.notAProgressStore(path: path)) {
                try ProgressStore(path: path, readOnly: readOnly)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aVersionOnAnEmptySchemaIsNotAProgressStore() throws {
        let path = directory.path("empty-with-version.sqlite")
        try Connection(path: path, mode: .readWrite).execute("PRAGMA user_version = 3")
        #expect(throws: ProgressTrackingError.notAProgressStore(path: path)) { try ProgressStore(path: path) }
    }

    @Test func aMigrationThatFailsOnAForeignSchemaSaysSoInOneLine() throws {
        // Version 2's tables are there, but tracker_item is another program's: migration 3 fails.
        let path = directory.path("odd.sqlite")
        let connection = try Connection(path: path, mode: .readWrite)
        try Migrator.migrate(connection, upTo: 1)
        try connection.execute("CREATE TABLE tracker_item (other TEXT); PRAGMA user_version = 2")
        let error = try #require(throws: ProgressTrackingError.self) { try ProgressStore(path: path) }
        #expect(error == .notAProgressStore(path: path))
        #expect(!error.description.contains("\n"))
    }
}

/// Every earlier schema version upgrades in place to the latest, counts intact.
@Suite struct UpgradeTests {
    @Test(arguments: 1..<Migration.latestVersion)
    func aFileFromAnEarlierVersionUpgradesWithItsCountsIntact(version: Int) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path()
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            try Migrator.migrate(connection, upTo: version)
            // Columns every version has; later ones take their defaults. From version 2 on, the
            // key of one of the counted items (version 2's trigger counts it as it is stored).
            try connection.execute("""
                INSERT INTO tracker_set (name, created_at, updated_at) VALUES ('old', 0, 0);
                INSERT INTO tracker (set_id, name, total, current, created_at, updated_at)
                    VALUES (1, 'rows', 10, \(version == 2 ? 3 : 4), 0, 0);
                """)
            if version >= 2 { try connection.execute("INSERT INTO tracker_item (tracker_id, key) VALUES (1, 'counted')") }
        }
        let set = try #require(try ProgressStore(path: path).getTrackerSet(named: "old"))
        let rows = try #require(try set.getTracker("rows"))
        #expect(try rows.current == 4)
        #expect(try rows.total == 10)
        #expect(try rows.hasCounted(item: "counted") == (version >= 2))
        #expect(try rows.increment(item: "new"))
        try rows.fail(item: "bad", reason: "x")
        try rows.setCursor("c")
        try set.pause()
        #expect(try rows.status().current == 5)
        #expect(try set.getStatus().failed == 1)
        #expect(try Migrator.schemaVersion(of: Connection(path: path, mode: .readOnly)) == Migration.latestVersion)
    }
}
