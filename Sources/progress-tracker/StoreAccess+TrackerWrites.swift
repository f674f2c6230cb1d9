internal import ProgressTracking
internal import ProgressTrackerRendering

/// The commands that write to one tracker: how they find or make it, and what they print.
extension StoreAccess {
    /// Creates or opens the tracker with `make`, in its set (created if new), then prints it.
    func makeTracker(_ target: TrackerArguments, _ make: (ProgressTrackerSet, String) throws -> ProgressTracker) throws {
        // One transaction: a tracker refused (bad total, already there) leaves no new empty set behind.
        let line = try writing(creatingFile: true) { store in
            let made = try make(store.trackerSet(named: target.set), target.tracker)
            return StatusLine.tracker(set: target.set, tracker: target.tracker, try made.status())
        }
        print(line)
    }

    /// Applies `change` to the tracker, which must exist, then prints where it stands
    /// followed by the note `change` returns.
    func changeTracker(_ target: TrackerArguments, _ change: (ProgressTracker) throws -> String) throws {
        let line = try writing { store in
            let changed = try existingTracker(target, in: store)
            let note = try change(changed)
            return StatusLine.tracker(set: target.set, tracker: target.tracker, try changed.status()) + note
        }
        print(line)
    }
}
