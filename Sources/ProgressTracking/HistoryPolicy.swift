internal import ProgressTrackingStorage

/// What a change to a tracker's count or total means for its timing and history: the one
/// definition of which changes are recorded, and how.
///
/// A change is recorded when it starts the tracker (its first count), completes it, lowers
/// its count (a restart), changes its total, or when a progress sample is due (at most one
/// per sample interval). Every other change is quiet: it needs no history row, and the
/// storage's hot path (`TrackerStorage.applyQuietly`) applies it in one statement whose
/// WHERE clause is this rule in SQL: the tracker has started and no sample is due, the change
/// does not complete it, and it does not lower its count. `ModelTests` proves the two agree:
/// the history it predicts by this rule is the history the store writes.
struct HistoryPolicy {
    let sampleInterval: Double

    /// What to write for a recorded change.
    struct Outcome: Equatable {
        /// The history rows, in order.
        var events: [HistoryEvent.Kind]
        /// The marks to set on the tracker; nil when nothing is recorded.
        var marks: TrackerMarks?
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

    /// What `change` from `before` to `after` at `now` writes to the history and the marks.
    func outcome(of change: CountChange, from before: TrackerState, to after: (current: Int, total: Int), at now: Double) -> Outcome {
        let countChanged = if case .total = change { false } else { true }
        let starts = countChanged && before.startedAt == nil
        let completes = before.completedAt == nil && (before.startedAt != nil || starts) && after.current >= after.total
        let lowered = after.current < before.current

        var events: [HistoryEvent.Kind] = []
        if !countChanged { events.append(.totalChanged) }
        if lowered { events.append(.currentSet) }
        if starts { events.append(.started) }
        if completes { events.append(.completed) }
        if events.isEmpty, now >= before.quietUntil ?? now { events.append(.progress) }
        guard !events.isEmpty else { return Outcome(events: [], marks: nil) }

        let started = starts || before.startedAt != nil
        let marks = TrackerMarks(
            completion: completes ? .completed(at: now) : .unchanged,
            quietUntil: started ? now + sampleInterval : nil,
            rateRestart: starts || lowered ? now : nil
        )
        return Outcome(events: events, marks: marks)
    }
}
