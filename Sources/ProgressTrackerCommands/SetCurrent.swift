internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct SetCurrent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Replace a tracker's count, as a download reporting bytes received does.",
            discussion: "Example:  progress-tracker set download bytes 52428800"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Argument(help: "The new count: 0 or more.")
        var current: Int

        func run() throws {
            try StoreAccess(storeFile).changeTracker(target) { tracker in
                try tracker.setCurrent(current)
                return ""
            }
        }
    }
}
