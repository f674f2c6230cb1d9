internal import ProgressTrackingStorage
import Synchronization

/// The trackers a store created or opened, so that opening one of them again is not taken
/// for a later run resuming it; and the sets whose downtime it already took on resuming one
/// of their trackers, so that a run resuming many trackers does so once per set.
///
/// Both are remembered as the write is made, so that later calls in the same transaction
/// see them, and forgotten if that write rolls back (`StoreConnections.onRollback`), so that
/// a rolled-back open leaves the tracker to be resumed.
final class OpenedTrackers: Sendable {
    private let opened = Mutex<(trackers: Set<TrackerIdentity>, resumedSets: Set<SetIdentity>)>(([], []))
    private let connections: StoreConnections

    init(connections: StoreConnections) {
        self.connections = connections
    }

    func contains(_ tracker: TrackerIdentity) -> Bool {
        opened.withLock { $0.trackers.contains(tracker) }
    }

    /// Remembers `tracker` as opened by this store, until the write that opened it rolls back.
    func insert(_ tracker: TrackerIdentity) {
        guard opened.withLock({ $0.trackers.insert(tracker).inserted }) else { return }
        connections.onRollback { _ = self.opened.withLock { $0.trackers.remove(tracker) } }
    }

    /// Whether this store has resumed a tracker of `set` before.
    func hasResumed(_ set: SetIdentity) -> Bool {
        opened.withLock { $0.resumedSets.contains(set) }
    }

    /// Remembers that this store took `set`'s downtime, until the write that took it rolls back.
    func insertResumed(_ set: SetIdentity) {
        guard opened.withLock({ $0.resumedSets.insert(set).inserted }) else { return }
        connections.onRollback { _ = self.opened.withLock { $0.resumedSets.remove(set) } }
    }
}
