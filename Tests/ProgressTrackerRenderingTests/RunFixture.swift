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

extension String {
    /// How many times `needle` occurs, without overlaps.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
