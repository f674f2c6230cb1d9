internal import ProgressTrackingStorage
import Synchronization

/// The trackers a store created or opened, so that opening one of them again is not taken
/// for a later run resuming it.
final class OpenedTrackers: Sendable {
    private let trackers = Mutex<Set<TrackerIdentity>>([])

    func contains(_ tracker: TrackerIdentity) -> Bool {
        trackers.withLock { $0.contains(tracker) }
    }

    func insert(_ tracker: TrackerIdentity) {
        _ = trackers.withLock { $0.insert(tracker) }
    }
}
