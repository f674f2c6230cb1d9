internal import ProgressTrackingStorage

/// What a change to a tracker's count or total means for its timing and history: the one
/// written rule that every path which changes a count or a total follows (`increment`,
/// `increment(item:)`, `setCurrent`, `setTotal`, and `openTracker` of an existing tracker).
///
/// - A tracker starts at its first count: the first change that raises its count.
///   `increment(by: 0)` and a change to the same value change nothing, and record nothing.
/// - It is complete while it has started and its count is at least its total. It completes
///   (recorded, `completedAt` set) when it becomes complete, and is reopened (`completedAt`
///   cleared) when its total rises above its count or its count falls below its total.
///   Counting past the total changes nothing of that.
/// - A lowered count is recorded (`currentSet`) and restarts the rate; a new total is
///   recorded (`totalChanged`).
/// - Any other change that raises the count records a progress sample if one is due: at most
///   one per sample interval.
/// - An item's first failure records a `failed` sample if one is due, by its own clock: at
///   most one per sample interval, however many items fail.
///
/// Every other change is quiet: it needs no history row, and the storage's hot path
/// (`TrackerStorage.applyQuietly`) applies it in one statement whose WHERE clause is this rule
/// in SQL: the tracker has started and no sample is due, the change raises the count, and it
/// does not complete the tracker. `ModelTests` proves the two agree: the history it predicts
/// by this rule is the history the store writes.
struct HistoryPolicy {
    let sampleInterval: Double

    /// What to write for a change.
    struct Outcome: Equatable {
        /// The history rows, in order.
        var events: [HistoryEvent.Kind]
        /// The marks to set on the tracker; nil when the change records nothing.
        var marks: TrackerMarks?
    }

    /// Whether a new failure, with the tracker's failures last sampled at `lastSample`, is
    /// to be sampled into the history at `now`.
    func samplesFailure(lastSample: Double?, at now: Double) -> Bool {
        guard let lastSample else { return true }
        return now >= lastSample + sampleInterval
    }

    /// The count and total after `change`; nil if the count would overflow.
    static func after(_ change: CountChange, from before: TrackerState) -> (current: Int, total: Int)? {
        switch change {
        case let .add(amount):
            let (sum, overflow) = before.current.addingReportingOverflow(amount)
            return overflow ? nil : (sum, before.total)
        case let .assign(current):
            return (current, before.total)
        case let .total(total):
            return (before.current, total)
        }
    }

    /// What a change from `before` to `after` at `now` writes to the history and the marks.
    func outcome(from before: TrackerState, to after: (current: Int, total: Int), at now: Double) -> Outcome {
        let starts = before.startedAt == nil && after.current > before.current
        let started = starts || before.startedAt != nil
        let complete = started && after.current >= after.total
        let wasComplete = before.completedAt != nil
        let lowered = after.current < before.current

        var events: [HistoryEvent.Kind] = []
        if after.total != before.total { events.append(.totalChanged) }
        if lowered { events.append(.currentSet) }
        if starts { events.append(.started) }
        if complete, !wasComplete { events.append(.completed) }
        if events.isEmpty, started, after.current > before.current, now >= before.quietUntil ?? now {
            events.append(.progress)
        }
        let completion: TrackerMarks.Completion =
            complete == wasComplete ? .unchanged : complete ? .completed(at: now) : .reopened
        guard !events.isEmpty || completion != .unchanged else { return Outcome(events: [], marks: nil) }
        let marks = TrackerMarks(
            completion: completion,
            quietUntil: started ? now + sampleInterval : nil,
            rateRestart: starts || lowered ? now : nil
        )
        return Outcome(events: events, marks: marks)
    }
}
