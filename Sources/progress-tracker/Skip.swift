internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Skip: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "skip",
            abstract: "Skip an item on purpose, with a reason: it counts once, as done without being processed.",
            discussion: """
                Like `increment --item`, a key is counted once ever; a skipped key that had \
                failed is resolved. A key already counted is not counted again, nor recorded as \
                skipped.

                Example:
                  progress-tracker skip import rows --item row-77 --reason "duplicate of row-76"
                """
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments
        @OptionGroup var settled: ItemArguments

        func run() throws {
            try StoreAccess(storeFile).changeTracker(target) { tracker in
                try tracker.skip(item: settled.item, reason: settled.reason)
                    ? "" : " (item \(MessageText.quoted(settled.item)) was already counted, so it was not skipped)"
            }
        }
    }
}
