/// The timing marks the service sets on a tracker after a recorded change.
package struct TrackerMarks: Sendable, Equatable {
    /// What becomes of the completion time.
    package enum Completion: Sendable, Equatable {
        case unchanged
        /// The tracker became complete at this time.
        case completed(at: Double)
        /// The tracker is no longer complete (its total rose, or its count fell).
        case reopened
    }

    package var completion: Completion
    /// Until when the next counts need no history row; nil while the tracker has not started.
    package var quietUntil: Double?
    /// When counting (re)started, so that no rate spans downtime or a reset: the first count
    /// starts the tracker's timing, a lowered count restarts its rate, which is then measured
    /// from the count at this time. Nil leaves both as they are.
    package var rateRestart: Double?

    package init(completion: Completion, quietUntil: Double?, rateRestart: Double?) {
        self.completion = completion
        self.quietUntil = quietUntil
        self.rateRestart = rateRestart
    }
}
