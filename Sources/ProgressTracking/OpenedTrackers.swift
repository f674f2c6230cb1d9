internal import ProgressTrackingStorage
import Synchronization

/// The trackers a store created or opened, so that opening one of them again is not taken
/// for a later run resuming it; and the sets whose downtime it already took on resuming one
/// of their trackers, so that a run resuming many trackers does so once per set. What a
/// transaction adds is added when it commits (`StoreConnections.onCommit`), so that a
/// rolled-back open leaves the tracker to be resumed.
final class OpenedTrackers: Sendable {
    private let opened = Mutex<(trackers: Set<TrackerIdentity>, resumedSets: Set<SetIdentity>)>(([], []))

    func contains(_ tracker: TrackerIdentity) -> Bool {
        opened.withLock { $0.trackers.contains(tracker) }
    }

    func insert(_ tracker: TrackerIdentity) {
        _ = opened.withLock { $0.trackers.insert(tracker) }
    }

    /// Whether this store has resumed a tracker of `set` before.
    func hasResumed(_ set: SetIdentity) -> Bool {
        opened.withLock { $0.resumedSets.contains(set) }
    }

    func insertResumed(_ set: SetIdentity) {
        _ = opened.withLock { $0.resumedSets.insert(set) }
    }
}
