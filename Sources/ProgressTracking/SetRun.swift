internal import ProgressTrackingStorage

/// A set's run, from its trackers' rows: the one definition of when a set started, last
/// changed and completed, and of its active time, for its status and its summary.
struct SetRun {
    /// Its first tracker's start; nil before any started.
    var startedAt: Double?
    /// Its trackers' last change; nil when it has none.
    var changedAt: Double?
    /// Once every tracker is complete, the last completion; nil before.
    var completedAt: Double?
    /// Active seconds from the start to the completion, or else to the last change, without
    /// the set's downtime.
    var elapsed: Double
    /// Items counted by all its trackers, saturated at `Int.max`.
    var items: Int

    init(_ trackers: [TrackerStatusRow], pausedSeconds: Double) {
        var allComplete = !trackers.isEmpty
        var lastCompletion: Double?
        items = 0
        for tracker in trackers {
            if let started = tracker.startedAt { startedAt = min(startedAt ?? started, started) }
            changedAt = max(changedAt ?? tracker.updatedAt, tracker.updatedAt)
            allComplete = allComplete && tracker.current >= tracker.total
            lastCompletion = max(lastCompletion ?? -.infinity, tracker.completedAt ?? tracker.updatedAt)
            let (sum, overflow) = items.addingReportingOverflow(tracker.current)
            items = overflow ? .max : sum
        }
        completedAt = allComplete ? lastCompletion : nil
        elapsed = Pace.activeSeconds(from: startedAt, to: completedAt ?? changedAt, paused: pausedSeconds)
    }
}
