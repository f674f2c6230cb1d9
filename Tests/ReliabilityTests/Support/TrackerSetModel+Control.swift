import ProgressTracking

/// The set's control state, as `ProgressTrackerSet.pause()`, `resume()`, `cancel()` and
/// `ControlState` document it, written again here:
/// - pausing changes a running set only (a cancelled set stays cancelled), cancelling any set
///   that is not cancelled, resuming any set that is not running; each change is recorded as
///   the set's own event (no tracker), with its trackers' counts added up;
/// - the state refuses nothing: counting goes on in every state;
/// - the time from when the set stopped running until it resumes is downtime of the set and
///   of its started, unfinished trackers, whose last change the resume becomes; for one that
///   changed since (a batch finished, a start, a later run's resume), the time since then.
extension TrackerSetModel {
    /// Returns whether the state changed.
    mutating func changeControl(to target: ControlState, at now: Double) -> Bool {
        let changes = switch target {
        case .running: state != .running
        case .paused: state == .running
        case .cancelled: state != .cancelled
        }
        guard changes else { return false }
        if target == .running, let haltedAt { takeDowntime(since: haltedAt, at: now) }
        // Stopped since the first of a pause and a cancel that follows it.
        haltedAt = target == .running ? nil : haltedAt ?? now
        state = target
        let event: HistoryEvent.Kind = switch target {
        case .running: .resumed
        case .paused: .paused
        case .cancelled: .cancelled
        }
        recordSetEvent(event, at: now)
        return true
    }

    private mutating func takeDowntime(since haltedAt: Double, at now: Double) {
        let set = setTiming
        if set.startedAt != nil, set.completedAt == nil, let changed = set.updatedAt {
            setPausedSeconds += max(0, now - max(haltedAt, changed))
        }
        for index in trackers.indices where trackers[index].startedAt != nil && trackers[index].completedAt == nil {
            trackers[index].pausedSeconds += max(0, now - max(haltedAt, trackers[index].updatedAt))
            trackers[index].updatedAt = now
        }
    }
}
