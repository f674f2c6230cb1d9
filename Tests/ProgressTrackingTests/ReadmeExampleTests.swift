import ProgressTracking
import Testing

/// The README's usage example, verbatim between the markers, so that it stays true.
@Suite struct ReadmeExampleTests {
    @Test func resumableImport() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("import.sqlite")
        let records = (1...1_000).map { "record-\($0)" }
        func importRecord(_ record: String) {}

        // README example begins
        func runImport(crashAfter limit: Int? = nil) throws -> TrackerSetStatus {
            let store = try ProgressStore(path: path)
            let set = try store.trackerSet(named: "nightly-import")
            let download = try set.openTracker("download", total: records.count)
            let load = try set.openTracker("load", total: records.count, weight: 3)

            for (index, record) in records.enumerated() {
                if index == limit { return try set.getStatus() } // a crash, as far as the file knows
                importRecord(record)
                try store.transaction {
                    // Both counts commit together, each record at most once per tracker.
                    try download.increment(item: record)
                    try load.increment(item: record)
                }
            }
            return try set.getStatus()
        }

        let interrupted = try runImport(crashAfter: 400)
        #expect(interrupted.overall == 40)

        let finished = try runImport() // the same loop, run again: resumes where it stopped
        #expect(finished.trackers["load"]?.current == 1_000)
        #expect(finished.overall == 100)
        // README example ends
    }
}
