import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Synchronization
import Testing

/// A store file of a test's own, with a clock the test moves by hand, so that a run's times
/// are exact and nothing sleeps. Each `run()` opens a new store object on the file, as a later
/// process would: opening existing trackers through it resumes them.
final class RunFixture: Sendable {
    let path: String
    private let directory: URL
    private let seconds: Mutex<Double>
    private let sampleInterval: Double
    /// When the fixture's clock started, Unix seconds.
    let start: Double

    init(sampleInterval: Double = 1, start: Double = 1_800_000_000) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "progress-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appending(path: "store.sqlite").path
        seconds = Mutex(start)
        self.start = start
        self.sampleInterval = sampleInterval
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var now: Double { seconds.withLock { $0 } }

    func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }

    /// A new store on the file, reading this clock: a new run.
    func run() throws -> ProgressStore {
        try ProgressStore(path: path, timekeeping: Timekeeping(now: { self.now }, sampleInterval: sampleInterval))
    }

    /// What the report shows of `set`, read from a read-only store as the command reads it.
    func input(set: String) throws -> RunReportInput {
        let store = try ProgressStore(path: path, readOnly: true)
        let trackerSet = try #require(try store.getTrackerSet(named: set))
        return try RunReportInput.read(trackerSet, at: Date(timeIntervalSince1970: now))
    }
}

extension RunFixture {
    /// Two trackers counted by a run that stops unsampled 2.5 s in, and finished by a
    /// later run 100 s after.
    static func interruptedRun() throws -> RunFixture {
        let fixture = try RunFixture()
        do {
            let set = try fixture.run().trackerSet(named: "import")
            let rows = try set.openTracker("rows", total: 100)
            let pages = try set.openTracker("pages", total: 10)
            fixture.advance(by: 1)
            try rows.increment(by: 10)  // started, at +1
            try pages.increment()  // started, at +1: the last change of pages in this run
            fixture.advance(by: 1)
            try rows.increment(by: 20)  // a progress sample, at +2
            fixture.advance(by: 0.5)
            try rows.increment(by: 5)  // not sampled: the run's last change, at +2.5, count 35
        }
        fixture.advance(by: 100)
        do {
            let set = try fixture.run().trackerSet(named: "import")
            let rows = try set.openTracker("rows", total: 100)  // resumed, at +102.5
            let pages = try set.openTracker("pages", total: 10)
            fixture.advance(by: 1)
            try rows.increment(by: 65)
            try pages.increment(by: 9)
        }
        return fixture
    }
}

extension String {
    /// How many times `needle` occurs, without overlaps.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
