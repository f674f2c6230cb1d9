/// One tracker's stored status, from which the service builds a `TrackerStatus`: the counts,
/// the percentage and weight as SQL computes them, and the raw timing.
package struct TrackerStatusRow: Sendable, Equatable {
    package var name: String
    package var current: Int
    package var total: Int
    package var percent: Double
    /// The weight the overall progress gives the tracker: its own, or else its total.
    package var effectiveWeight: Double
    package var startedAt: Double?
    package var updatedAt: Double
    package var completedAt: Double?
    /// Downtime between runs, left out of the active time.
    package var pausedSeconds: Double
    /// Where the rate is measured from (see `TrackerStorage.advanceRateBase`); nil before
    /// the start.
    package var rateBase: RateSample?
    /// Items whose failure is unresolved.
    package var failed: Int
    /// Items skipped (and counted).
    package var skipped: Int
    package var cursor: String?

    package init(
        name: String, current: Int, total: Int, percent: Double, effectiveWeight: Double,
        startedAt: Double?, updatedAt: Double, completedAt: Double?, pausedSeconds: Double, rateBase: RateSample?,
        failed: Int, skipped: Int, cursor: String?
    ) {
        self.name = name
        self.current = current
        self.total = total
        self.percent = percent
        self.effectiveWeight = effectiveWeight
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.pausedSeconds = pausedSeconds
        self.rateBase = rateBase
        self.failed = failed
        self.skipped = skipped
        self.cursor = cursor
    }
}
