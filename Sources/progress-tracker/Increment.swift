internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Increment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "increment",
            abstract: "Count work done: add to a tracker, or count an item once by its key.",
            discussion: """
                With --item, a key already counted is not counted again, so a script that is \
                re-run after a failure never counts an item twice.

                Examples:
                  progress-tracker increment import rows --by 100
                  for f in *.csv; do progress-tracker increment import files --item "$f"; done
                """
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("How much to add: 0 or more, as long as the count stays within \(Int.max) (default: 1).", valueName: "n")
        )
        var by: Int?

        @Option(help: ArgumentHelp("Count the item with this key, once ever.", valueName: "key"))
        var item: String?

        func validate() throws {
            if by != nil, item != nil {
                throw ValidationError("--by and --item cannot be used together: an item counts 1")
            }
        }

        func run() throws {
            try StoreAccess(storeFile).changeTracker(target) { tracker in
                guard let item else {
                    try tracker.increment(by: by ?? 1)
                    return ""
                }
                return try tracker.increment(item: item) ? "" : " (item \(MessageText.quoted(item)) was already counted)"
            }
        }
    }
}
