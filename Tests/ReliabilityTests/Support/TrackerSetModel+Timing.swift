import ProgressTracking

/// The timing rule, as the library documents it (`HistoryPolicy`'s doc comment, and "The
/// timing rule" in the History and timing article), written again here in the model's own terms
/// so that `ModelTests` compares the store with an independent statement of it.
extension TrackerSetModel {
    /// Gives the tracker at `index` a new count and total, at `now`:
    /// - a change to the same values changes nothing, not even the tracker's update time;
    /// - the first change that raises the count starts the tracker (`started`);
    /// - a lowered count is recorded (`currentSet`), and so is a new total (`totalChanged`);
    /// - a tracker is complete while it has started and its count is at least its total; it
    ///   completes (`completed`, and its completion time) when it becomes complete, and loses
    ///   its completion time when it stops being complete;
    /// - any other raise of the count records a `progress` sample if one is due: when a
    ///   sample interval has passed since the last change that was recorded.
    /// Events carry the count and total just after the change.
    mutating func change(at index: Int, current: Int, total: Int, now: Double) {
        var tracker = trackers[index]
        guard (current, total) != (tracker.current, tracker.total) else { return }
        let raised = current > tracker.current
        let lowered = current < tracker.current
        let totalChanged = total != tracker.total
        let starts = tracker.startedAt == nil && raised
        tracker.current = current
        tracker.total = total
        tracker.updatedAt = now
        if starts { tracker.startedAt = now }
        let complete = tracker.startedAt != nil && current >= total

        var kinds: [HistoryEvent.Kind] = []
        if totalChanged { kinds.append(.totalChanged) }
        if lowered { kinds.append(.currentSet) }
        if starts { kinds.append(.started) }
        if complete, tracker.completedAt == nil { kinds.append(.completed) }
        if kinds.isEmpty, raised, now >= tracker.sampleDueAt ?? now { kinds.append(.progress) }

        if complete, tracker.completedAt == nil { tracker.completedAt = now }
        if !complete { tracker.completedAt = nil }
        if !kinds.isEmpty, tracker.startedAt != nil { tracker.sampleDueAt = now + sampleInterval }
        if kinds.isEmpty, raised { quietChanges += 1 }

        trackers[index] = tracker
        for kind in kinds { record(kind, of: tracker, at: now) }
    }

    /// `openTracker` of a tracker that this store did not create or open: a later run takes
    /// it up again. The time since the tracker's last change is its downtime, and, at the
    /// run's first resume in the set, the time since the set's last change is the set's:
    /// both left out of active time (while they are running: started and not complete). The
    /// tracker's update time moves to now, and `resumed` is recorded.
    mutating func resume(at index: Int, now: Double) {
        let set = setTiming
        if !resumedBySetThisStore, set.startedAt != nil, set.completedAt == nil, let changed = set.updatedAt {
            setPausedSeconds += max(0, now - changed)
        }
        resumedBySetThisStore = true
        var tracker = trackers[index]
        if tracker.startedAt != nil, tracker.completedAt == nil {
            tracker.pausedSeconds += max(0, now - tracker.updatedAt)
        }
        tracker.updatedAt = now
        trackers[index] = tracker
        record(.resumed, of: tracker, at: now)
        openedByThisStore.insert(tracker.identity)
    }

    // MARK: - Times as statuses report them

    /// A tracker's active seconds: from its start to its completion, or else to its last
    /// change, without downtime; 0 before the start.
    static func elapsed(from start: Double?, to end: Double?, paused: Double) -> Double {
        guard let start, let end else { return 0 }
        return max(0, end - start - paused)
    }

    /// The set's times: it started at its first tracker's start, changed at its trackers'
    /// last change, and completed once every tracker's count is at its total, at the last of
    /// their completions (a tracker with nothing to do that never counted completes at its
    /// last change).
    var setTiming: Timing.SetTimes {
        let startedAt = trackers.compactMap(\.startedAt).min()
        let updatedAt = trackers.map(\.updatedAt).max()
        let completedAt: Double? =
            trackers.allSatisfy { $0.current >= $0.total } ? trackers.map { $0.completedAt ?? $0.updatedAt }.max() : nil
        return Timing.SetTimes(
            startedAt: startedAt, updatedAt: updatedAt, completedAt: completedAt,
            elapsed: Self.elapsed(from: startedAt, to: completedAt ?? updatedAt, paused: setPausedSeconds)
        )
    }

    /// Every time the store must report: each tracker's, the set's in its status, and the
    /// set's summary, whose update time also counts changes to the set itself.
    var timing: Timing {
        var summary = setTiming
        summary.updatedAt = max(setTouchedAt, summary.updatedAt ?? setTouchedAt)
        return Timing(
            trackers: trackers.map {
                Timing.Tracker(
                    name: $0.name, startedAt: $0.startedAt, updatedAt: $0.updatedAt, completedAt: $0.completedAt,
                    elapsed: Self.elapsed(from: $0.startedAt, to: $0.completedAt ?? $0.updatedAt, paused: $0.pausedSeconds)
                )
            },
            set: setTiming,
            summary: summary
        )
    }
}
