internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a tracker, or a whole set with its trackers.",
            discussion: """
                Examples:
                  progress-tracker remove import rows
                  progress-tracker remove import
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Argument(help: "The tracker to remove; without it, the whole set is removed.")
        var tracker: String?

        func run() throws {
            let access = StoreAccess(storeFile)
            let line = try access.writing { store in
                if let tracker {
                    guard try access.existingSet(set, in: store).removeTracker(tracker) else {
                        throw CommandError.unknownTracker(tracker, set: set)
                    }
                    return "removed tracker \(MessageText.quoted(tracker)) from set \(MessageText.quoted(set))"
                }
                guard try store.removeTrackerSet(named: set) else {
                    throw CommandError.unknownSet(set, path: access.path)
                }
                return "removed tracker set \(MessageText.quoted(set))"
            }
            print(line)
        }
    }
}
