import ProgressTracking

/// The counting part of a `TrackerSetStatus`: names in order, counts, totals, percentages and
/// the overall. Tests compare this rather than whole statuses, whose timing fields move.
struct Progress: Equatable, CustomStringConvertible {
    struct Tracker: Equatable {
        let name: String
        let current: Int
        let total: Int
        let percent: Double
    }

    let trackers: [Tracker]
    let overall: Double

    init(trackers: [Tracker], overall: Double) {
        self.trackers = trackers
        self.overall = overall
    }

    init(_ status: TrackerSetStatus) {
        trackers = status.order.map { name in
            let tracker = status.trackers[name]
            return Tracker(name: name, current: tracker?.current ?? -1, total: tracker?.total ?? -1, percent: tracker?.percent ?? -1)
        }
        overall = status.overall
    }

    /// Equal counts, and percentages equal up to the rounding of different summation orders.
    func matches(_ other: Progress) -> Bool {
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a)) }
        return trackers.count == other.trackers.count
            && zip(trackers, other.trackers).allSatisfy {
                $0.name == $1.name && $0.current == $1.current && $0.total == $1.total && close($0.percent, $1.percent)
            }
            && close(overall, other.overall)
    }

    var description: String {
        trackers.map { "\($0.name) \($0.current)/\($0.total) \($0.percent)%" }.joined(separator: ", ") + "; overall \(overall)%"
    }
}

extension ProgressTrackerSet {
    /// The counting part of `getStatus()`.
    func progress() throws -> Progress {
        Progress(try getStatus())
    }
}
