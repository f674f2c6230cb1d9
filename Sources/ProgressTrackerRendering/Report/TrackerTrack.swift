internal import ProgressTracking

/// One known state of a tracker: its count and total just after a history event, or at the
/// end of an earlier run (`Kind.runEnd`, see `RunChronology`).
struct TrackPoint: Equatable {
    enum Kind: Equatable {
        case event(HistoryEvent.Kind)
        /// The tracker's last change before a later run resumed it, which the history does
        /// not record but the store's timing tells (see `RunChronology`).
        case runEnd
        /// The tracker's state now, at its last change (its status), when it differs from its
        /// last event: counts made since the last sample.
        case latest
    }

    /// Unix seconds.
    var time: Double
    var current: Int
    var total: Int
    var kind: Kind

    /// Whether the point marks something that happened, rather than a sample of a count on
    /// its way: every event but progress and failure samples, and the end of a run. Drawing
    /// keeps all of them, however many samples it leaves out.
    var isLifecycle: Bool {
        switch kind {
        case .event(.progress), .event(.failed): false
        default: true
        }
    }

    /// Whether the change it records happened at its moment rather than gradually since the
    /// state before: a start (the first count, from nothing), a lowered count, a new total.
    /// A line steps there; between other states it runs straight, as counting does.
    var isInstant: Bool {
        switch kind {
        case .event(.started), .event(.currentSet), .event(.totalChanged): true
        default: false
        }
    }

    /// The share done in percent, as the library defines it: min(current, total) / total,
    /// and 100 when the count has reached the total (a total of 0 included).
    var percent: Double {
        current >= total ? 100 : min(100 * Double(current) / Double(total), 100)
    }

    /// Whether the tracker was complete just after the point, as the set's overall counts it.
    var isComplete: Bool { current >= total }
}

/// One tracker's history as the report draws it: its states over time and its lifecycle.
struct TrackerTrack {
    /// The tracker's name, as the store keeps it (shown escaped).
    let name: String
    /// Its place in the set's creation order, which picks its colour.
    let index: Int
    /// Its states, in time order.
    var points: [TrackPoint] = []
    /// Its status now; nil for a tracker that was removed.
    var status: TrackerStatus?
    /// When it was created, first started, first completed, and removed (Unix seconds).
    var createdAt: Double?
    var startedAt: Double?
    var completedAt: Double?
    var removedAt: Double?
    /// When a later run opened it again.
    var resumedAt: [Double] = []

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    /// Adds the state just after `event`, and notes its lifecycle.
    mutating func append(_ event: HistoryEvent, at time: Double) {
        points.append(TrackPoint(time: time, current: event.current, total: event.total, kind: .event(event.kind)))
        switch event.kind {
        case .created:
            if createdAt == nil { createdAt = time }
            removedAt = nil  // created again under the same name after a removal
        case .started where startedAt == nil: startedAt = time
        case .completed where completedAt == nil: completedAt = time
        case .removed: removedAt = time
        case .resumed: resumedAt.append(time)
        default: break
        }
    }
}
