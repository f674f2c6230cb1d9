/// A set's stored timing, from its trackers: the first start, the last change, the last
/// completion once all are complete, and the downtime between runs.
package struct SetTimingRow: Sendable, Equatable {
    package var startedAt: Double?
    package var changedAt: Double?
    package var completedAt: Double?
    package var pausedSeconds: Double

    package init(startedAt: Double?, changedAt: Double?, completedAt: Double?, pausedSeconds: Double) {
        self.startedAt = startedAt
        self.changedAt = changedAt
        self.completedAt = completedAt
        self.pausedSeconds = pausedSeconds
    }
}
