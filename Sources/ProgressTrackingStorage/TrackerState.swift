/// What the service reads of a tracker before it changes it outside the hot path, to decide
/// what the change means for its timing and history. Times are Unix seconds.
package struct TrackerState: Sendable, Equatable {
    package var set: SetIdentity
    package var current: Int
    package var total: Int
    /// The first count; nil before.
    package var startedAt: Double?
    /// When the tracker last became complete; nil while it is not.
    package var completedAt: Double?
    /// Until when a count needs no history row; nil before the start.
    package var quietUntil: Double?
    /// The last change of the count or the total.
    package var updatedAt: Double

    package init(
        set: SetIdentity, current: Int, total: Int,
        startedAt: Double?, completedAt: Double?, quietUntil: Double?, updatedAt: Double
    ) {
        self.set = set
        self.current = current
        self.total = total
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.quietUntil = quietUntil
        self.updatedAt = updatedAt
    }
}
