/// A stretch of a set's run in which no work was done: between an interrupted run's last
/// change and the next run opening the trackers, or while the set was paused or cancelled.
/// The charts leave the long ones out and shade them (`ReportTimeScale`).
struct Downtime: Equatable {
    enum Cause: Equatable {
        /// A run stopped (a crash, a kill, an exit) and a later run resumed the trackers.
        case interrupted
        /// The set was paused, or cancelled, until it was resumed.
        case paused
        case cancelled
    }

    /// Unix seconds.
    var start: Double
    var end: Double
    var cause: Cause
    /// Whether `start` is the run's real last change, as the store's timing tells it; when
    /// false it is the last event the history has, and the run may have worked a little
    /// longer, unsampled.
    var isExact: Bool

    var duration: Double { end - start }

    /// `downtimes` sorted, with overlapping ones joined: an interruption inside a pause is
    /// one stretch, named by its interruption.
    static func merged(_ downtimes: [Downtime]) -> [Downtime] {
        var result: [Downtime] = []
        for downtime in downtimes.sorted(by: { $0.start < $1.start }) {
            guard var last = result.last, downtime.start <= last.end else {
                result.append(downtime)
                continue
            }
            last.end = max(last.end, downtime.end)
            if downtime.cause == .interrupted { last.cause = .interrupted }
            last.isExact = last.isExact && downtime.isExact
            result[result.count - 1] = last
        }
        return result
    }
}

/// A moment the charts mark with a vertical line.
struct RunMarker: Equatable {
    enum Kind: String {
        /// A run's last change before it stopped.
        case interrupted
        /// A later run opened the trackers, or the set was resumed after a pause or cancel.
        case resumed
        /// The set was paused, or cancelled (its own events).
        case paused
        case cancelled
    }

    /// Unix seconds.
    var time: Double
    var kind: Kind
    /// The trackers a later run opened, for a resume of a run; empty otherwise.
    var trackers: [String] = []
}
