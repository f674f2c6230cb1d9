internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Create a tracker, or resume the existing one with its count kept and its total updated.",
            discussion: "Example:  progress-tracker open import rows --total 20000 --weight 2"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Option(parsing: .unconditional, help: ArgumentHelp("How many items the tracker expects: 0 or more.", valueName: "n"))
        var total: Int

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(TrackerArguments.weightHelp + " An existing tracker keeps its weight unless one is given.", valueName: "w")
        )
        var weight: Double?

        func run() throws {
            try StoreAccess(storeFile).makeTracker(target) { try $0.openTracker($1, total: total, weight: weight) }
        }
    }
}
