/// A set's stored status, read in one snapshot: the overall progress as SQL computes it, the
/// set's own row, and every tracker's row in creation order.
package struct SetStatusRow: Sendable, Equatable {
    package var overall: Double
    /// `running`, `paused` or `cancelled`.
    package var state: String
    package var createdAt: Double
    /// The last change to the set itself (a tracker removed); its trackers' changes are theirs.
    package var updatedAt: Double
    /// Downtime between runs and while not running, left out of the set's active time.
    package var pausedSeconds: Double
    package var trackers: [TrackerStatusRow]

    package init(
        overall: Double, state: String, createdAt: Double, updatedAt: Double, pausedSeconds: Double, trackers: [TrackerStatusRow]
    ) {
        self.overall = overall
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.pausedSeconds = pausedSeconds
        self.trackers = trackers
    }
}
