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

    /// Version 8 moves what counting does not touch out of the tracker's row: every tracker keeps
    /// its timing, rate base, failures, skips and cursor, and its key and failure rows stay.
    @Test func versionSevenTrackersKeepTheirTimingFailuresAndCursors() throws {
        let path = directory.path()
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            try Migrator.migrate(connection, upTo: 7)
            try connection.execute("""
                INSERT INTO tracker_set (name, token, created_at, updated_at) VALUES ('old', 1, 100, 100);
                INSERT INTO tracker (
                    set_id, name, token, total, current, created_at, updated_at, completed_at, quiet_until,
                    failed, skipped, failure_sampled_at, started_at, paused_seconds, rate_since, rate_base_at, rate_base_current
                ) VALUES
                    (1, 'half', 2, 10, 5, 90, 300, NULL, 301, 2, 1, 250, 150, 20, 150, 200, 2),
                    (1, 'done', 3, 4, 4, 95, 400, 400, 401, 0, 0, NULL, 110, 0, 110, 110, 0),
                    (1, 'idle', 4, 10, 0, 99, 99, NULL, NULL, 0, 0, NULL, NULL, 0, NULL, NULL, NULL);
                INSERT INTO tracker_cursor (tracker_id, value) VALUES (1, 'page 7');
                INSERT INTO tracker_item (tracker_id, key) VALUES (1, 'counted');
                INSERT INTO tracker_failure (tracker_id, key, reason, attempts, first_at, last_at)
                    VALUES (1, 'bad', 'timeout', 1, 240, 250), (1, 'worse', 'refused', 2, 245, 250);
                """)
        }
        let store = try ProgressStore(path: path, timekeeping: ManualClock(at: 500).timekeeping())
        let set = try #require(try store.getTrackerSet(named: "old"))
        let status = try set.getStatus()
        #expect(status.order == ["half", "done", "idle"])
        #expect(status.trackers["half"] == TrackerStatus(
            current: 5, total: 10, percent: 50, failed: 2, skipped: 1, cursor: "page 7",
            startedAt: Date(timeIntervalSince1970: 150), updatedAt: Date(timeIntervalSince1970: 300),
            elapsed: 130, rate: 0.03, eta: 5 / 0.03
        ))
        #expect(status.trackers["done"] == TrackerStatus(
            current: 4, total: 4, percent: 100,
            startedAt: Date(timeIntervalSince1970: 110), updatedAt: Date(timeIntervalSince1970: 400),
            completedAt: Date(timeIntervalSince1970: 400), elapsed: 290, rate: 4 / 290.0, eta: 0
        ))
        #expect(status.trackers["idle"] == TrackerStatus(current: 0, total: 10, percent: 0, updatedAt: Date(timeIntervalSince1970: 99)))

        let half = try #require(try set.getTracker("half"))
        #expect(try half.hasCounted(item: "counted"))
        #expect(try half.failures().map(\.key) == ["bad", "worse"])
        let details = try Connection(path: path, mode: .readOnly).prepare("""
            SELECT tracker_id, created_at, failure_sampled_at FROM tracker_detail ORDER BY tracker_id
            """).all { row in [row.double("tracker_id"), row.double("created_at"), row.optionalDouble("failure_sampled_at") ?? -1] }
        #expect(details == [[1, 90, 250], [2, 95, -1], [3, 99, -1]])

        // A tracker made from now on has its detail row too.
        let new = try set.createTracker("new", total: 2)
        try new.setCursor("start")
        try new.increment()
        #expect(try new.status().cursor == "start")
        #expect(try new.status().startedAt == Date(timeIntervalSince1970: 500))
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
