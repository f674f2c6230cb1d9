internal import ProgressTrackingStorage

/// The arithmetic of active time, rate and ETA, on stored times (Unix seconds).
enum Pace {
    /// Seconds from `start` to `end` without `paused`; 0 before the start.
    static func activeSeconds(from start: Double?, to end: Double?, paused: Double) -> Double {
        guard let start, let end else { return 0 }
        return max(0, end - start - paused)
    }

    /// Items per second from `base` to `current` at `time`; nil when no time passed between them.
    static func rate(from base: RateSample?, to current: Int, at time: Double) -> Double? {
        guard let base, time > base.at else { return nil }
        return max(0, Double(current - base.current) / (time - base.at))
    }

    /// How fast a set's overall progress grows, in percentage points per second: each
    /// unfinished tracker's rate as a share of its total, weighted by the weight the overall
    /// progress gives it (the storage's `effectiveWeight`). Summed tracker by tracker, so that
    /// a status adds each one as it reads it.
    struct OverallRate {
        private var totalWeight = 0.0
        private var weightedGrowth = 0.0
        private var someRate = false

        /// Adds a tracker whose own rate is `rate`.
        mutating func add(_ rate: Double?, of row: TrackerStatusRow) {
            totalWeight += row.effectiveWeight
            guard let rate else { return }
            someRate = true
            if row.current < row.total { weightedGrowth += row.effectiveWeight * rate / Double(row.total) }
        }

        /// Nil when no tracker has a rate.
        var value: Double? {
            guard someRate, totalWeight > 0 else { return nil }
            return 100 * weightedGrowth / totalWeight
        }
    }

    /// Seconds until `remaining` is done at `rate`: 0 when nothing remains, nil without a
    /// positive rate.
    static func eta(remaining: Double, rate: Double?) -> Double? {
        if remaining <= 0 { return 0 }
        guard let rate, rate > 0 else { return nil }
        return remaining / rate
    }
}
