import ProgressTracking

/// The counting part of a `TrackerSetStatus`: names in order, counts, totals, percentages,
/// failed and skipped items, cursors, the overall and the set's state. Tests compare this
/// rather than whole statuses, whose timing fields move.
struct Progress: Equatable, CustomStringConvertible {
    struct Tracker: Equatable {
        let name: String
        let current: Int
        let total: Int
        let percent: Double
        let failed: Int
        let skipped: Int
        let cursor: String?
    }

    let trackers: [Tracker]
    let overall: Double
    let state: ControlState
    /// The set's failed and skipped items, as its status adds them up.
    let failed: Int
    let skipped: Int

    init(trackers: [Tracker], overall: Double, state: ControlState) {
        self.trackers = trackers
        self.overall = overall
        self.state = state
        failed = trackers.map(\.failed).reduce(0, +)
        skipped = trackers.map(\.skipped).reduce(0, +)
    }

    init(_ status: TrackerSetStatus) {
        trackers = status.order.map { name in
            guard let tracker = status.trackers[name] else {
                return Tracker(name: name, current: -1, total: -1, percent: -1, failed: -1, skipped: -1, cursor: nil)
            }
            return Tracker(
                name: name, current: tracker.current, total: tracker.total, percent: tracker.percent,
                failed: tracker.failed, skipped: tracker.skipped, cursor: tracker.cursor
            )
        }
        overall = status.overall
        state = status.state
        failed = status.failed
        skipped = status.skipped
    }

    /// Equal counts, and percentages equal up to the rounding of different summation orders.
    func matches(_ other: Progress) -> Bool {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a)) }
        return trackers.count == other.trackers.count
            && zip(trackers, other.trackers).allSatisfy {
                $0.name == $1.name && $0.current == $1.current && $0.total == $1.total && close($0.percent, $1.percent)
                    && $0.failed == $1.failed && $0.skipped == $1.skipped && $0.cursor == $1.cursor
            }
            && close(overall, other.overall) && (state, failed, skipped) == (other.state, other.failed, other.skipped)
    }

    var description: String {
        let trackerTexts = trackers.map { tracker in
            "\(tracker.name) \(tracker.current)/\(tracker.total) \(tracker.percent)%"
                + (tracker.failed == 0 ? "" : " \(tracker.failed) failed") + (tracker.skipped == 0 ? "" : " \(tracker.skipped) skipped")
                + (tracker.cursor.map { " at \(String(reflecting: $0.prefix(40)))" } ?? "")
        }
        return trackerTexts.joined(separator: ", ") + "; overall \(overall)%, \(state)"
    }
}

extension ProgressTrackerSet {
    /// The counting part of `getStatus()`.
    func progress() throws -> Progress {
        Progress(try getStatus())
    }
}
