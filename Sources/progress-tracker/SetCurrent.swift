import ArgumentParser

extension ProgressTrackerCommand {
    struct SetCurrent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Replace a tracker's count, as a download reporting bytes received does.",
            discussion: "Example:  progress-tracker set download bytes 52428800"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Argument(help: "The new count.")
        var current: Int

        func run() throws {
            let changed = try target.existingTracker(in: storeFile)
            try changed.setCurrent(current)
            print(StatusText.tracker(changed, try changed.status()))
        }
    }
}
