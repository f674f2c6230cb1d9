import ArgumentParser
import ProgressTracking

/// `SET TRACKER`, the two positional arguments of the commands that work on one tracker.
struct TrackerArguments: ParsableArguments {
    @Argument(help: "The tracker set.")
    var set: String

    @Argument(help: "The tracker, by name.")
    var tracker: String

    /// The tracker, which must exist, from the store opened for writing.
    func existingTracker(in storeFile: StoreFile) throws -> ProgressTracker {
        let store = try storeFile.openForWriting()
        guard let tracker = try storeFile.existingSet(set, in: store).getTracker(tracker) else {
            throw CommandError.unknownTracker(tracker, set: set)
        }
        return tracker
    }
}
