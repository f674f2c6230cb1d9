@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage
import Testing

extension ProcessTests {
    /// Processes sharing one file, released at the same moment on a file none has created yet,
    /// lose no count and double none.
    @Suite struct CrossProcessTests {
        @Test func fourProcessesIncrementingOneTrackerEndExact() throws {
            let directory = try TestDirectory()
            let workers = try Worker.startTogether(
                (0..<4).map { _ in ["increment", directory.storePath, "rows", "20000", "5000"] }
            )
            for worker in workers { try worker.finish() }

            let status = try ProgressStore(path: directory.storePath).trackerSet(named: "work").getStatus()
            #expect(status.trackers["rows"]?.current == 20_000)
            #expect(status.overall == 100)
        }

        @Test func fourProcessesCountingOverlappingItemsCountEachKeyOnce() throws {
            let directory = try TestDirectory()
            // Worker w counts keys 250w ..< 250w + 600 (mod 1,000): most keys by two or three workers.
            let workers = try Worker.startTogether(
                (0..<4).map { ["items", directory.storePath, "items", "1000", "\($0 * 250)", "600"] }
            )
            let newKeys = try workers.map { try Self.newKeys(reportedBy: $0) }.reduce(0, +)

            let tracker = try #require(try ProgressStore(path: directory.storePath).trackerSet(named: "work").getTracker("items"))
            #expect(newKeys == 1_000)
            #expect(try tracker.current == 1_000)
            #expect(try DatabaseFile(path: directory.storePath).itemKeyCount(set: "work", tracker: "items") == 1_000)
        }

        /// Four processes fail, count and skip the same few hundred keys in different orders,
        /// as competing workers retrying each other's failures would: each key is counted
        /// once, keeps one failure record whose attempts add up to the failures the store
        /// accepted, and ends resolved.
        @Test func processesFailingAndRetryingOverlappingKeysKeepOneRecordPerKey() throws {
            let directory = try TestDirectory()
            let keys = 300
            let workers = try Worker.startTogether((1...4).map { ["fail-or-count", directory.storePath, "\(keys)", "\($0)"] })
            let reports = try workers.map { try Self.numbers(in: try $0.finish()) }

            let tracker = try #require(try ProgressStore(path: directory.storePath).trackerSet(named: "work").getTracker("contested"))
            #expect(reports.map { $0["counted"]! }.reduce(0, +) == keys)
            #expect(try tracker.current == keys)
            #expect(try tracker.failures().isEmpty)
            let failures = try tracker.failures(.all)
            #expect(Set(failures.map(\.key)).count == failures.count)
            #expect(failures.map(\.attempts).reduce(0, +) == reports.map { $0["failed"]! }.reduce(0, +))
            #expect(failures.allSatisfy { $0.resolvedAt != nil })
            #expect(try tracker.status().failed == 0)
        }

        /// Each round creates the file, its schema, the set and the tracker in six processes at once.
        @Test func processesOpeningOneTrackerOnANewFileGetOneTrackerAndNoError() throws {
            for _ in 0..<12 {
                let directory = try TestDirectory()
                let workers = try Worker.startTogether((0..<6).map { _ in ["open", directory.storePath, "shared"] })
                for worker in workers { try worker.finish() }

                let set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
                #expect(try set.getAllTrackers().map(\.name) == ["shared"])
                #expect(try set.getTracker("shared")?.current == 6)
            }
        }

        /// Each round, six processes find a file at schema version 1 and upgrade it at once.
        @Test func processesUpgradingAnOlderFileAtOnceUpgradeItOnce() throws {
            for _ in 0..<6 {
                let directory = try TestDirectory()
                let file = DatabaseFile(path: directory.storePath)
                try file.create(atSchemaVersion: 1)
                let workers = try Worker.startTogether((0..<6).map { _ in ["open", directory.storePath, "shared"] })
                for worker in workers { try worker.finish() }

                #expect(try file.schemaVersion() == Migration.latestVersion)
                let set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
                #expect(try set.getTracker("shared")?.current == 6)
            }
        }

        @Test func readersDuringWritesNeverSeeACountGoBackNorALockedFile() throws {
            let directory = try TestDirectory()
            let set = try ProgressStore(path: directory.storePath).trackerSet(named: "work")
            for name in ["a", "b"] { try set.createTracker(name, total: 5_000) }

            let workers = try Worker.startTogether([
                ["increment", directory.storePath, "a", "5000", "5000"],
                ["increment", directory.storePath, "b", "5000", "5000"],
                ["watch", directory.storePath, "read-only", "10000"],
                ["watch", directory.storePath, "read-write", "10000"],
            ])
            // Writers first: if one fails, the test ends here, and the watchers waiting for its
            // counts are killed with their `Worker`s.
            for writer in workers[..<2] { try writer.finish() }
            // A watcher fails (and `finish` throws) if a count went down or a read failed.
            for watcher in workers[2...] {
                #expect(try watcher.finish().hasPrefix("reads="))
            }
            #expect(try set.getOverallProgress() == 100)
        }

        static func newKeys(reportedBy worker: Worker) throws -> Int {
            let report = try worker.finish()
            return try #require(Int(report.dropFirst("new=".count)), "\(report)")
        }

        /// The numbers of a "name=N name=N" report.
        static func numbers(in report: String) throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: report.split(separator: " ").map { pair in
                let parts = pair.split(separator: "=")
                return (String(parts[0]), try #require(Int(parts[1]), "\(report)"))
            })
        }
    }
}
