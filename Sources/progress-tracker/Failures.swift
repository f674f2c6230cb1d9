internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Failures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "failures",
            abstract: "List the items that failed in a set or one of its trackers, oldest first, with their last reason.",
            discussion: """
                One record per item however often it failed: its attempts, when it first and last \
                failed, the last reason. By default the items still failed; --resolved lists the \
                ones counted or skipped after failing ("what failed and was fixed by the rerun"), \
                --all both. The table shows local times; --json and --csv ISO 8601 times in UTC.
                --json fields: tracker, key, reason, attempts, firstFailedAt, lastFailedAt, and \
                resolution (counted or skipped) and resolvedAt once resolved.
                --csv header: \(FailuresCSV.header).

                Examples:
                  progress-tracker failures import
                  progress-tracker failures import rows --resolved --csv
                """
        )

        /// Which failures are listed.
        enum Selection: String, EnumerableFlag {
            case unresolved, resolved, all

            static func help(for value: Selection) -> ArgumentHelp? {
                switch value {
                case .unresolved: "Items still failed (the default)."
                case .resolved: "Items that failed and were counted or skipped later."
                case .all: "Both."
                }
            }

            var filter: FailureFilter {
                switch self {
                case .unresolved: .unresolved
                case .resolved: .resolved
                case .all: .all
                }
            }
        }

        static let limitRange = OptionRange(option: "--limit", atLeast: 1, unit: "failures")

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Argument(help: "Only this tracker's failures.")
        var tracker: String?

        // Optional, so that the help does not show a default for a flag.
        @Flag var selection: Selection?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("At most this many, the oldest: \(Self.limitRange) (default: all).", valueName: "n")
        )
        var limit: Int?

        @Flag var format: OutputFormat?

        func validate() throws {
            if let limit { try Self.limitRange.check(limit) }
        }

        func run() throws {
            let access = StoreAccess(storeFile)
            let trackerSet = try access.existingSet(set, in: try access.openForReading())
            let filter = (selection ?? .unresolved).filter
            let failures = if let tracker {
                try access.existingTracker(tracker, of: trackerSet).failures(filter, limit: limit)
            } else {
                try trackerSet.failures(filter, limit: limit)
            }
            switch format ?? .table {
            case .table:
                let width = TerminalCapabilities.standardOutput().columns
                FailuresTable.lines(failures, showsResolution: filter != .unresolved, width: width).forEach { print($0) }
            case .json: print(try JSONText.of(failures))
            case .csv: FailuresCSV.lines(failures).forEach { print($0) }
            }
        }
    }
}
