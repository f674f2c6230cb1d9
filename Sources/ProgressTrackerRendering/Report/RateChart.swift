internal import ProgressTracking

/// The rate chart: each tracker's items per second over time (`RateSeries`), as steps, on
/// the report's time scale. A rate is an average over the stretch between two states, so a
/// step, not a slope, is what it honestly is. Lines break at downtime and resets.
///
/// Stable class names: one `rate rate-tracker` path per tracker with a rate.
struct RateChart {
    static let height = 260.0
    private static let top = 16.0
    private static let bottom = 212.0

    let chronology: RunChronology
    let scale: ReportTimeScale
    /// How many columns a line is thinned to.
    let columns: Int
    /// Each tracker's steps.
    private let steps: [(track: TrackerTrack, steps: [RateStep])]

    init(chronology: RunChronology, scale: ReportTimeScale, columns: Int) {
        self.chronology = chronology
        self.scale = scale
        self.columns = columns
        // Stretches of at least a 300th of the axis, about three pixels: finer, the counts of
        // a bursty worker sampled every second draw a band of noise rather than a rate.
        let minimumSpan = max(scale.axisLength / 300, 0.001)
        steps = chronology.tracks.map { ($0, RateSeries.steps(of: $0, downtimes: chronology.downtimes, minimumSpan: minimumSpan)) }
    }

    /// Whether any tracker has a rate to draw.
    var isEmpty: Bool { steps.allSatisfy(\.steps.isEmpty) }

    func svg() -> String {
        let lines = steps.map { track, steps -> (track: TrackerTrack, steps: [RateStep], kept: [Int]) in
            let kept = SeriesThinning.kept(RateSeries.points(of: steps), columns: columns) {
                Int((scale.x($0) - ReportGeometry.plotLeft) / ReportGeometry.plotWidth * Double(columns))
            }
            return (track, steps, kept)
        }
        let highest = lines.flatMap { line in line.kept.map { line.steps[$0].rate } }.max() ?? 0
        let (maximum, step) = Self.axis(upTo: highest)
        let frame = ChartFrame(chronology: chronology, scale: scale, top: Self.top, bottom: Self.bottom)
        var svg = ChartFrame.open("rate", height: Self.height, label: "Rate over time")
        svg += frame.downtimes(labelled: false)
        svg += ChartFrame.valueGrid(stride(from: 0.0, through: maximum * (1 + 1e-9), by: step).map { value in
            (y(value, maximum: maximum), value == 0 ? "0" : TrackerStatus.rateText(value))
        })
        svg += frame.timeGrid(labelY: Self.bottom + 18)
        svg += frame.markers()
        svg += "<g class=\"lines\">"
        for line in lines where !line.steps.isEmpty {
            svg += path(line.steps, kept: line.kept, maximum: maximum, colour: ReportPalette.colour(of: line.track.index))
        }
        return svg + "</g></svg>"
    }

    private func y(_ rate: Double, maximum: Double) -> Double {
        Self.bottom - (Self.bottom - Self.top) * min(max(rate / maximum, 0), 1)
    }

    /// The axis's top and step: a round step (1, 2 or 5 times a power of ten) that gives
    /// at most five intervals up to `highest`.
    static func axis(upTo highest: Double) -> (maximum: Double, step: Double) {
        guard highest > 0, highest.isFinite else { return (1, 0.25) }
        var unit = 1.0
        while unit * 10 <= highest / 5 { unit *= 10 }
        while unit > highest / 5 { unit /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * unit }.first { $0 * 5 >= highest }!
        return ((highest / step).rounded(.up) * step, step)
    }

    /// The kept steps as one path of horizontal runs: a kept step stands for the steps left
    /// out before it, so it reaches back to the previous kept step's end, unless a line
    /// starts anew in between.
    private func path(_ steps: [RateStep], kept: [Int], maximum: Double, colour: String) -> String {
        var path = SVGPath()
        var previous: Int?
        for index in kept {
            let step = steps[index]
            let y = y(step.rate, maximum: maximum)
            let continues = previous.map { previous in !steps[(previous + 1)...index].contains(where: \.startsAnew) } ?? false
            if continues {
                path.vertical(to: y)
            } else {
                path.move(to: scale.x(step.start), y)
            }
            path.horizontal(to: scale.x(step.end))
            previous = index
        }
        return "<path class=\"rate rate-tracker\" stroke=\"\(colour)\" d=\"\(path.data)\"/>"
    }
}
