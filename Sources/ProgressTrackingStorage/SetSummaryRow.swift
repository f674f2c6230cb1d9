/// A set at a glance, read in one snapshot.
package struct SetSummaryRow: Sendable, Equatable {
    package var createdAt: Double
    /// The last change to the set or one of its trackers.
    package var updatedAt: Double
    package var trackerCount: Int
    package var overall: Double
    package var timing: SetTimingRow
    /// Items counted by all its trackers, saturated at `Int.max`.
    package var items: Int
    /// `running`, `paused` or `cancelled`.
    package var state: String

    package init(
        createdAt: Double, updatedAt: Double, trackerCount: Int, overall: Double, timing: SetTimingRow, items: Int, state: String
    ) {
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.trackerCount = trackerCount
        self.overall = overall
        self.timing = timing
        self.items = items
        self.state = state
    }
}
