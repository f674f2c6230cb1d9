import Foundation
import ProgressTracking
import Testing

/// The code of the documentation, run: the README, the articles of `ProgressTracking.docc`
/// and the doc comments quote each region between the markers verbatim (indentation aside),
/// and `DocumentationCodeTests` fails when a quote and its region differ.
@Suite struct DocumentationExampleTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// A record of the examples' imports.
    struct Record {
        let id: String
    }

    /// A record that could not be loaded; `isPermanent` when retrying cannot help.
    struct LoadError: Error {
        let reason: String
        var isPermanent = false
    }

    /// What a test does in place of a crash: it leaves the store as a killed process would.
    struct Crash: Error {}

    static let records = (1...1_000).map { Record(id: "record-\($0)") }

    // MARK: - README

    @Test func readmeImportCountsEachFileOnce() throws {
        let path = directory.path("nightly.sqlite")
        var imported: [String] = []
        func importFile(_ file: String) throws { imported.append(file) }

        // documentation example begins
        func importFiles(_ files: [String], storeAt path: String) throws -> Double {
            let store = try ProgressStore(path: path)
            let set = try store.trackerSet(named: "nightly")
            let tracker = try set.openTracker("files", total: files.count) // or resumes it
            for file in files where try !tracker.hasCounted(item: file) {
                try importFile(file)
                try tracker.increment(item: file) // once per file, across crashes and reruns
            }
            return try set.getOverallProgress()
        }
        // documentation example ends

        #expect(try importFiles(["a.csv", "b.csv"], storeAt: path) == 100)
        #expect(try importFiles(["a.csv", "b.csv"], storeAt: path) == 100)
        #expect(imported == ["a.csv", "b.csv"])
    }

    // MARK: - Getting started

    @Test func gettingStartedImportResumesAfterACrash() throws {
        let path = directory.path("import.sqlite")
        var crashAt: String? = "record-450"
        func load(_ record: Record) throws {
            if record.id == crashAt { throw Crash() }
            if record.id.hasSuffix("7") { throw LoadError(reason: "timeout") }
        }

        // documentation example begins
        /// Loads `records` in batches of 100; after a crash, run it again: it goes on after
        /// the last batch that committed, and counts no record twice.
        func importRecords(_ records: [Record], storeAt path: String) throws -> TrackerSetStatus {
            let store = try ProgressStore(path: path)
            let set = try store.trackerSet(named: "nightly-import")
            let rows = try set.openTracker("rows", total: records.count)

            // Where the last committed batch ended, kept with the counts.
            var next = Int(try rows.cursor ?? "0") ?? 0
            while next < records.count, try set.controlState == .running {
                let batch = records[next..<min(next + 100, records.count)]
                try store.transaction {
                    for record in batch {
                        do {
                            try load(record)
                            try rows.increment(item: record.id)
                        } catch let error as LoadError {
                            try rows.fail(item: record.id, reason: error.reason)
                        }
                    }
                    // Commits with the batch's counts, or is rolled back with them.
                    try rows.setCursor(String(batch.endIndex))
                }
                next = batch.endIndex
            }
            return try set.getStatus()
        }
        // documentation example ends

        #expect(throws: Crash.self) { try importRecords(Self.records, storeAt: path) }
        let interrupted = try #require(try ProgressStore(path: path).getTrackerSet(named: "nightly-import")).getStatus()
        // Four batches committed; the fifth, cut short by the crash, left nothing.
        #expect(interrupted.trackers["rows"]?.current == 360)
        #expect(interrupted.trackers["rows"]?.failed == 40)
        #expect(interrupted.trackers["rows"]?.cursor == "400")

        crashAt = nil
        let finished = try importRecords(Self.records, storeAt: path)
        #expect(finished.trackers["rows"]?.current == 900)
        #expect(finished.trackers["rows"]?.failed == 100)
        #expect(finished.trackers["rows"]?.cursor == "1000")
    }

    // MARK: - Semantics

    @Test func semanticsWeighsTrackersByTheirTotals() throws {
        // documentation example begins
        let set = try ProgressStore.inMemory().trackerSet(named: "pipeline")
        let download = try set.createTracker("download", total: 10) // weighs its total, 10
        let process = try set.createTracker("process", total: 1_000, weight: 30) // weighs 30
        try set.createTracker("verify", total: 50, weight: 0) // listed, but moves nothing
        try download.increment(by: 10)
        try process.increment(by: 500)
        // 100 · (10 · 1 + 30 · 0.5) / (10 + 30 + 0)
        #expect(try set.getOverallProgress() == 62.5)
        try process.increment(by: 500)
        #expect(try set.getOverallProgress() == 100) // exactly, though "verify" is at 0
        // documentation example ends
    }

    // MARK: - Failures, skips and cursors

    @Test func failuresAreRetriedCountedOrSkipped() throws {
        let set = try ProgressStore(path: directory.path()).trackerSet(named: "import")
        let rows = try set.openTracker("rows", total: 3)
        try rows.increment(item: "row-1")
        try rows.fail(item: "row-2", reason: "timeout")
        try rows.fail(item: "row-3", reason: "timeout")
        func record(_ key: String) -> Record { Record(id: key) }
        func load(_ record: Record) throws {
            if record.id == "row-3" { throw LoadError(reason: "malformed", isPermanent: true) }
        }

        // documentation example begins
        // A retry pass: one record per failed item, however often it failed.
        for failure in try rows.failures() {
            do {
                try load(record(failure.key))
                try rows.increment(item: failure.key) // counts it and resolves the failure
            } catch let error as LoadError where error.isPermanent {
                try rows.skip(item: failure.key, reason: error.reason) // counted, as skipped
            } catch let error as LoadError {
                try rows.fail(item: failure.key, reason: error.reason) // one more attempt
            }
        }
        // documentation example ends

        let status = try rows.status()
        #expect((status.current, status.failed, status.skipped) == (3, 0, 1))
        #expect(try rows.failures(.resolved).map(\.resolution) == [.counted, .skipped])
    }

    @Test func workersWaitWhilePausedAndStopWhenCancelled() async throws {
        let set = try ProgressStore(path: directory.path()).trackerSet(named: "import")

        // documentation example begins
        /// Waits while the set is paused; true when its workers may go on, false once it is
        /// cancelled. Call it between records or batches.
        func mayGoOn(_ set: ProgressTrackerSet) async throws -> Bool {
            while true {
                switch try set.controlState {
                case .running: return true
                case .cancelled: return false
                case .paused: try await Task.sleep(for: .milliseconds(200))
                }
            }
        }
        // documentation example ends

        #expect(try await mayGoOn(set))
        try set.pause()
        let waiting = Task { try await mayGoOn(set) }
        try set.resume()
        #expect(try await waiting.value)
        try set.cancel()
        #expect(try await !mayGoOn(set))
    }

    // MARK: - History and timing

    @Test func historyTellsWhatHappened() throws {
        let store = try ProgressStore(path: directory.path())
        let rows = try store.trackerSet(named: "import").createTracker("rows", total: 100)
        try rows.increment(by: 100)

        // documentation example begins
        let events = try store.history(set: "import", tracker: "rows")
        let lifecycle = events.filter { $0.kind != .progress } // samples are the rest
        #expect(lifecycle.map(\.kind) == [.created, .started, .completed])
        #expect(try rows.statusLine().hasPrefix("rows is done: 100 / 100 items in "))
        // documentation example ends
    }

    // MARK: - Concurrency and processes

    @Test func tasksShareOneStore() async throws {
        let store = try ProgressStore(path: directory.path())
        let rows = try store.trackerSet(named: "import").createTracker("rows", total: 8_000)
        let parts = (0..<8).map { part in (0..<1_000).map { "record-\(part)-\($0)" } }

        // documentation example begins
        try await withThrowingTaskGroup(of: Void.self) { group in
            for part in parts {
                group.addTask { // handles are Sendable: every task counts into one tracker
                    for key in part { try rows.increment(item: key) }
                }
            }
            try await group.waitForAll()
        }
        #expect(try rows.current == 8_000)
        // documentation example ends
    }

    @Test(.timeLimit(.minutes(5)))
    func updatesFollowASetToItsEnd() async throws {
        let store = try ProgressStore(path: directory.path())
        let set = try store.trackerSet(named: "import")
        let rows = try set.createTracker("rows", total: 3)
        let writing = Task.detached {
            for _ in 0..<3 { try rows.increment() }
        }
        var overalls: [Double] = []

        // documentation example begins
        for try await status in set.updates(every: .milliseconds(100)) {
            overalls.append(status.overall)
            if status.overall == 100 { break } // exactly 100 once every tracker is complete
        }
        // documentation example ends

        try await writing.value
        #expect(overalls.last == 100)
        #expect(overalls == overalls.sorted())
    }

    // MARK: - Errors

    @Test func errorsAreMatchedByCase() throws {
        let rows = try ProgressStore.inMemory().trackerSet(named: "import").createTracker("rows", total: 1)

        // documentation example begins
        func count(_ key: String, on tracker: ProgressTracker) -> String {
            do {
                return try tracker.increment(item: key) ? "counted" : "counted before"
            } catch .busy {
                return "another process holds the store; try again later"
            } catch {
                return "failed: \(error)" // names the problem and the value
            }
        }
        // documentation example ends

        #expect(count("a", on: rows) == "counted")
        #expect(count("a", on: rows) == "counted before")
        #expect(count("", on: rows) == "failed: item key must not be empty")
    }

    // MARK: - Doc comments

    @Test func storeOverview() throws {
        let path = directory.path()

        // documentation example begins
        let store = try ProgressStore(path: path) // creates the file, or opens it as it was left
        let rows = try store.trackerSet(named: "import").openTracker("rows", total: 20_000)
        if try rows.increment(item: "row-1") {
            // the first time "row-1" was counted, by any run
        }
        // documentation example ends

        #expect(try rows.current == 1)
    }
}
