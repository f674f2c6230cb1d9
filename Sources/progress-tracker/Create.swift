internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a tracker, and its set if new. Fails if the set already has the tracker.",
            discussion: "Example:  progress-tracker create import rows --total 20000 --weight 2"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Option(parsing: .unconditional, help: ArgumentHelp("How many items the tracker expects: 0 or more.", valueName: "n"))
        var total: Int

        @Option(parsing: .unconditional, help: ArgumentHelp(TrackerArguments.weightHelp, valueName: "w"))
        var weight: Double?

        func run() throws {
            try StoreAccess(storeFile).makeTracker(target) { try $0.createTracker($1, total: total, weight: weight) }
        }
    }
}
