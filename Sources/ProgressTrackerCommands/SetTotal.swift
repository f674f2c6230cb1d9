internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct SetTotal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "total",
            abstract: "Replace the number of items a tracker expects.",
            discussion: "Example:  progress-tracker total import rows 25000"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Argument(help: "The new total: 0 or more.")
        var total: Int

        func run() throws {
            try StoreAccess(storeFile).changeTracker(target) { tracker in
                try tracker.setTotal(total)
                return ""
            }
        }
    }
}
