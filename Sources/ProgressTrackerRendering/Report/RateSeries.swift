internal import ProgressTracking

/// A tracker's rate over one stretch of time: items counted per second between two of its
/// states.
struct RateStep: Equatable {
    /// Unix seconds.
    var start: Double
    var end: Double
    /// Items per second.
    var rate: Double
    /// Whether it does not continue the step before it (the first of a run, after a reset).
    var startsAnew: Bool
}

/// The rate chart's lines: each tracker's rate over time, from its consecutive states.
enum RateSeries {
    /// The tracker's rate between consecutive states at least `minimumSpan` seconds apart
    /// (closer states are merged, so that two events a millisecond apart do not make a
    /// spike). A rate is never measured before the start, across downtime, or across a
    /// resume, a lowered count or a removal: the step after them starts anew.
    /// - Complexity: O(n + d) in the tracker's states and the downtimes.
    static func steps(of track: TrackerTrack, downtimes: [Downtime], minimumSpan: Double) -> [RateStep] {
        var steps: [RateStep] = []
        var anchor: TrackPoint?
        var startsAnew = true
        var downtime = 0  // the first downtime that ends after the anchor
        for point in track.points {
            switch point.kind {
            case .event(.created), .event(.removed):
                anchor = nil
                startsAnew = true
                continue
            case .event(.started), .event(.resumed), .event(.currentSet):
                anchor = point
                startsAnew = true
                continue
            default:
                break
            }
            guard let from = anchor else {
                // A history that begins after the tracker started: measure from here on.
                if let startedAt = track.startedAt, startedAt <= point.time { anchor = point }
                continue
            }
            guard point.time - from.time >= minimumSpan else { continue }
            while downtime < downtimes.count, downtimes[downtime].end <= from.time { downtime += 1 }
            if downtime < downtimes.count, downtimes[downtime].start < point.time {
                anchor = point  // across downtime: no rate
                startsAnew = true
                continue
            }
            let rate = max(0, Double(point.current - from.current) / (point.time - from.time))
            steps.append(RateStep(start: from.time, end: point.time, rate: rate, startsAnew: startsAnew))
            startsAnew = false
            anchor = point
        }
        return steps
    }

    /// The steps as points for `SeriesThinning`: at each step's end, its rate, kept when a
    /// line starts or ends there.
    static func points(of steps: [RateStep]) -> [SeriesPoint] {
        steps.indices.map { index in
            let endsLine = index + 1 == steps.count || steps[index + 1].startsAnew
            return SeriesPoint(time: steps[index].end, value: steps[index].rate, keep: steps[index].startsAnew || endsLine)
        }
    }
}
