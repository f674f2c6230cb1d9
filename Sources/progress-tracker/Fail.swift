internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Fail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fail",
            abstract: "Record that an item failed, with a reason: it is not counted, and `failures` lists it.",
            discussion: """
                Failing a key again keeps one record, with its number of attempts and the last \
                reason. A later `increment --item` or `skip` of the key counts it and resolves \
                the failure, which `failures --resolved` then lists. An item already counted \
                cannot fail: that is refused, and nothing changes.

                Example:
                  progress-tracker fail import rows --item row-1234 --reason "timed out"
                """
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments
        @OptionGroup var settled: ItemArguments

        func run() throws {
            try StoreAccess(storeFile).changeTracker(target) { tracker in
                let attempts = try tracker.fail(item: settled.item, reason: settled.reason)
                return " (item \(MessageText.quoted(settled.item)) failed, attempt \(attempts))"
            }
        }
    }
}
