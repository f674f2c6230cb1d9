internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Sets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sets",
            abstract: """
                List the tracker sets: trackers, overall progress, whether paused or cancelled, and how long each ran, \
                from its start to its finish.
                """,
            discussion: "Example:  progress-tracker sets --db import.sqlite"
        )

        @OptionGroup var storeFile: StoreFile

        func run() throws {
            let store = try StoreAccess(storeFile).openForReading()
            let summaries = try store.allTrackerSets().compactMap { set -> TrackerSetSummary? in
                do {
                    return try set.summary()
                } catch ProgressTrackingError.trackerSetRemoved {
                    return nil  // removed by another process since the listing: no longer a set
                }
            }
            SetsTable.lines(summaries, width: TerminalCapabilities.standardOutput().columns).forEach { print($0) }
        }
    }
}
