internal import ArgumentParser
internal import Foundation
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a set's history: when each tracker was created, started, resumed, completed or removed, with progress samples between.",
            discussion: """
                Oldest first; a removed tracker's events stay until its set is removed. Times are \
                local in the table, ISO 8601 in UTC in --json and --csv.

                Examples:  progress-tracker history import
                           progress-tracker history import rows --since 2026-11-24 --csv
                """
        )

        /// How the events are printed.
        enum Format: String, EnumerableFlag {
            case table, json, csv

            static func help(for value: Format) -> ArgumentHelp? {
                switch value {
                case .table: "Print a table (the default)."
                case .json: "Print a JSON array of events: set, tracker, kind, at, current, total."
                case .csv: "Print CSV with a header: at,tracker,kind,current,total."
                }
            }
        }

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

        @Flag var format: Format = .table

        func run() throws {
            let access = StoreAccess(storeFile)
            let store = try access.openForReading()
            _ = try access.existingSet(set, in: store)
            let events = try store.history(set: set, tracker: tracker, since: since)
            switch format {
            case .table: HistoryTable.lines(events, width: TerminalCapabilities.standardOutput().columns).forEach { print($0) }
            case .json: print(try JSONText.of(events))
            case .csv: HistoryCSV.lines(events).forEach { print($0) }
            }
        }
    }
}
