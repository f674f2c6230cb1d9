/// A set's stored status, read in one snapshot: the overall progress as SQL computes it, the
/// set's timing, and every tracker's row in creation order.
package struct SetStatusRow: Sendable, Equatable {
    package var overall: Double
    package var timing: SetTimingRow
    /// `running`, `paused` or `cancelled`.
    package var state: String
    package var trackers: [TrackerStatusRow]

    package init(overall: Double, timing: SetTimingRow, state: String, trackers: [TrackerStatusRow]) {
        self.overall = overall
        self.timing = timing
        self.state = state
        self.trackers = trackers
    }
}
