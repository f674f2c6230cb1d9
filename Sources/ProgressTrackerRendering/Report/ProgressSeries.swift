internal import ProgressTracking

/// A point of a chart's line: a value at a time, and whether drawing must keep it.
struct SeriesPoint: Equatable {
    /// Unix seconds.
    var time: Double
    var value: Double
    /// Kept however the line is thinned: a lifecycle event, the end of a run, a break.
    var keep: Bool
}

/// The progress chart's lines: each tracker's percent over time, and the set's overall.
enum ProgressSeries {
    /// The tracker's percent after each of its states, held level up to a state that
    /// changed it at once (`TrackPoint.isInstant`), which the line then steps to.
    static func of(_ track: TrackerTrack) -> [SeriesPoint] {
        var points: [SeriesPoint] = []
        points.reserveCapacity(track.points.count)
        for point in track.points {
            if point.isInstant, let before = points.last, before.time < point.time {
                points.append(SeriesPoint(time: point.time, value: before.value, keep: true))
            }
            points.append(SeriesPoint(time: point.time, value: point.percent, keep: point.isLifecycle))
        }
        return points
    }

    /// The set's overall percent at each state of any tracker, as the set computes it:
    /// 100 · Σ weight·fraction / Σ weight over the trackers that exist at that time
    /// (fraction = min(current, total) / total, 1 once complete); exactly 100 when every
    /// tracker that carries weight is complete and below 100 before; an empty set at 0, and a
    /// set whose weights add up to 0 at 100 once every tracker is complete and at 0 before.
    ///
    /// Each tracker's fraction at a time is read off its line as the chart draws it: straight
    /// between its known states, level before a state that changed it at once and after its
    /// last. A tracker's latest known state alone
    /// would hold it at its last sample until the next, and put the overall below every
    /// tracker's line between sparse samples.
    ///
    /// A tracker's weight is its own weight when it has one, else its total at that time.
    /// Its own weight is the one it has now (`weights`): the history does not record weight
    /// changes (`openTracker(weight:)`), so the past is drawn with today's weights, and a
    /// removed tracker, whose weight is gone, weighs by its total.
    /// - Complexity: O(n) in the states, plus O(t) in the trackers every `resumLength` states:
    ///   the sums are updated per state, and recomputed now and then so that rounding does
    ///   not build up.
    static func overall(_ chronology: RunChronology, weights: [String: Double]) -> [SeriesPoint] {
        let tracks = chronology.tracks
        var segments = [Segment?](repeating: nil, count: tracks.count)
        var position = [Int](repeating: -1, count: tracks.count)
        var sums = Sums()
        var points: [SeriesPoint] = []
        points.reserveCapacity(chronology.sequence.count)
        for (step, (track, point)) in chronology.sequence.enumerated() {
            position[track] += 1
            let time = point.time - chronology.start
            let before = sums.overall(at: time)
            if let old = segments[track] { sums.remove(old) }
            let next = tracks[track].points.dropFirst(position[track] + 1).first
            segments[track] = point.kind == .event(.removed)
                ? nil : Segment(point, next: next, weight: weights[tracks[track].name], origin: chronology.start)
            if let new = segments[track] { sums.add(new) }
            if step % resumLength == resumLength - 1 { sums = Sums(segments.compactMap { $0 }) }
            let value = sums.overall(at: time)
            // A state that changed a tracker at once (a start, a new total, a tracker created or
            // removed) steps the overall: the line holds its value up to it.
            if abs(value - before) > 1e-9, let last = points.last, last.time < point.time {
                points.append(SeriesPoint(time: point.time, value: before, keep: true))
                points.append(SeriesPoint(time: point.time, value: value, keep: true))
            } else if let last = points.last, last.time == point.time {
                points[points.count - 1].value = value
                points[points.count - 1].keep = last.keep || point.isLifecycle
            } else {
                points.append(SeriesPoint(time: point.time, value: value, keep: point.isLifecycle))
            }
        }
        return points
    }

    /// How many states the running sums go before they are recomputed.
    private static let resumLength = 4_096

    /// A tracker's fraction from one of its states to the next, as a line: `fraction` at
    /// `time` (seconds from the run's start, so that the sums stay small), changing by `slope`
    /// per second; level after its last state.
    private struct Segment {
        var weight: Double
        var fraction: Double
        var time: Double
        var slope: Double
        var isComplete: Bool

        init(_ point: TrackPoint, next: TrackPoint?, weight own: Double?, origin: Double) {
            weight = own ?? Double(point.total)
            fraction = point.percent / 100
            time = point.time - origin
            isComplete = point.isComplete
            if let next, next.time > point.time, !next.isInstant {
                slope = (next.percent / 100 - fraction) / (next.time - point.time)
            } else {
                slope = 0
            }
        }
    }

    /// The running sums behind the overall percent: Σ weight·fraction(t) = constant + rate·t.
    private struct Sums {
        var trackers = 0
        var weight = 0.0
        var constant = 0.0
        var rate = 0.0
        var incomplete = 0
        var incompleteWithWeight = 0

        init() {}

        init(_ segments: [Segment]) {
            for segment in segments { add(segment) }
        }

        func overall(at time: Double) -> Double {
            guard trackers > 0 else { return 0 }
            guard weight > 0 else { return incomplete == 0 ? 100 : 0 }
            if incompleteWithWeight == 0 { return 100 }
            // The largest double below 100: never claim completion early, as the set does not.
            return min(max(100 * (constant + rate * time) / weight, 0), 99.99999999999999)
        }

        mutating func add(_ segment: Segment) {
            update(segment, sign: 1)
        }

        mutating func remove(_ segment: Segment) {
            update(segment, sign: -1)
        }

        private mutating func update(_ segment: Segment, sign: Double) {
            trackers += Int(sign)
            weight += sign * segment.weight
            constant += sign * segment.weight * (segment.fraction - segment.slope * segment.time)
            rate += sign * segment.weight * segment.slope
            if !segment.isComplete {
                incomplete += Int(sign)
                if segment.weight > 0 { incompleteWithWeight += Int(sign) }
            }
        }
    }
}
