import ArgumentParser
import ProgressTracking

/// `SET TRACKER`, the two positional arguments of the commands that write to one tracker,
/// and the way each of those commands writes and reports.
struct TrackerArguments: ParsableArguments {
    @Argument(help: "The tracker set.")
    var set: String

    @Argument(help: "The tracker, by name.")
    var tracker: String

    /// Creates or opens the tracker with `make`, in its set (created if new), then prints it.
    func make(in storeFile: StoreFile, _ make: (ProgressTrackerSet, String) throws -> ProgressTracker) throws {
        let store = try storeFile.openForWriting(creatingFile: true)
        // One transaction: a tracker refused (bad total, already there) leaves no new empty set behind.
        let made = try store.transaction { try make(store.trackerSet(named: set), tracker) }
        print(StatusText.tracker(made, try made.status()))
    }

    /// Applies `change` to the tracker, which must exist, then prints where it stands
    /// followed by the note `change` returns.
    func change(in storeFile: StoreFile, _ change: (ProgressTracker) throws -> String) throws {
        let store = try storeFile.openForWriting()
        guard let changed = try storeFile.existingSet(set, in: store).getTracker(tracker) else {
            throw CommandError.unknownTracker(tracker, set: set)
        }
        let note = try change(changed)
        print(StatusText.tracker(changed, try changed.status()) + note)
    }
}
