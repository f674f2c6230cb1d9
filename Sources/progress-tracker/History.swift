internal import ArgumentParser
#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: """
                Show a set's history: when each tracker was created, started, resumed, completed or removed, \
                and when the set was paused, resumed or cancelled, with progress and failure samples between.
                """,
            discussion: """
                Oldest first; a removed tracker's events stay until its set is removed. The set's \
                own events show the tracker `*` in the table, and have no tracker in --json and an \
                empty one in --csv. Times are local in the table, ISO 8601 in UTC in --json and --csv.
                --json fields: set, tracker, kind, at, current, total, failed, skipped.
                --csv header: at,tracker,kind,current,total,failed,skipped.

                Examples:  progress-tracker history import
                           progress-tracker history import rows --since 2026-11-24 --csv
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Argument(help: "Only this tracker's events (it may have been removed).")
        var tracker: String?

        @Option(
            help: ArgumentHelp(
                "Only events from this time on: a local date (2026-11-24) or an ISO 8601 time (2026-11-24T22:00:00Z).",
                valueName: "date"
            ),
            transform: HistoryDate.parse
        )
        var since: Date?

        @Option(
            help: ArgumentHelp("Only events before this time, given as for --since.", valueName: "date"),
            transform: HistoryDate.parse
        )
        var until: Date?

        // Optional, so that the help does not show a default for a flag.
        @Flag var format: OutputFormat?

        func validate() throws {
            if let since, let until, until <= since {
                throw ValidationError("--until must be later than --since: \(until.formatted(.iso8601)) is not after \(since.formatted(.iso8601))")
            }
        }

        func run() throws {
            let access = StoreAccess(storeFile)
            let store = try access.openForReading()
            let trackerSet = try access.existingSet(set, in: store)
            let events = try store.history(set: set, tracker: tracker, since: since, until: until)
            if let tracker, events.isEmpty, try !hasEverExisted(tracker, in: trackerSet) {
                throw CommandError.unknownTracker(tracker, set: set)
            }
            switch format ?? .table {
            case .table: HistoryTable.lines(events, width: TerminalCapabilities.standardOutput().columns).forEach { print($0) }
            case .json: print(try JSONText.of(events))
            case .csv: HistoryCSV.lines(events).forEach { print($0) }
            }
        }

        /// Whether the set has the tracker now, or had it: a removed tracker keeps its events.
        private func hasEverExisted(_ tracker: String, in trackerSet: ProgressTrackerSet) throws -> Bool {
            try trackerSet.getTracker(tracker) != nil || !trackerSet.store.history(set: set, tracker: tracker).isEmpty
        }
    }
}
