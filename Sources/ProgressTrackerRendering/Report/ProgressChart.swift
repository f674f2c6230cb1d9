internal import ProgressTracking

/// The progress chart: each tracker's percent over time and the set's overall, on the
/// report's time scale, with downtime left out or shaded and the runs' interruptions and
/// resumes marked. A line is drawn from its thinned points (`SeriesThinning`); where it
/// crosses downtime without a known state on both sides, it is dashed: the count changed in
/// there at a moment the history does not tell.
///
/// Stable class names for readers and tests: one `series series-tracker` path per tracker,
/// one `series series-overall`, `series-uncertain` for the dashed parts, `point-resumed` for
/// each tracker's resumes, and the markers of `ChartFrame`.
struct ProgressChart {
    static let height = 380.0
    private static let top = 34.0
    private static let bottom = 334.0

    let chronology: RunChronology
    let scale: ReportTimeScale
    let weights: [String: Double]
    /// How many columns a line is thinned to.
    let columns: Int

    func svg() -> String {
        let frame = ChartFrame(chronology: chronology, scale: scale, top: Self.top, bottom: Self.bottom)
        var svg = ChartFrame.open("progress", height: Self.height, label: "Progress over time")
        svg += frame.downtimes(labelled: true)
        svg += ChartFrame.valueGrid(stride(from: 0.0, through: 100, by: 25).map { (y($0), "\(Int($0))%") })
        svg += frame.timeGrid(labelY: Self.bottom + 18)
        svg += runLabels()
        svg += frame.markers()
        svg += "<g class=\"lines\">"
        for track in chronology.tracks {
            svg += line(ProgressSeries.of(track), kind: "series-tracker", colour: ReportPalette.colour(of: track.index), extends: track.removedAt == nil)
        }
        svg += line(ProgressSeries.overall(chronology, weights: weights), kind: "series-overall", colour: ReportPalette.overall, extends: true)
        svg += "</g>" + resumePoints()
        return svg + "</svg>"
    }

    private func y(_ percent: Double) -> Double {
        Self.bottom - (Self.bottom - Self.top) * min(max(percent, 0), 100) / 100
    }

    /// "run 1", "run 2", … at the top left of each run, when the set had more than one.
    private func runLabels() -> String {
        guard chronology.runs.count > 1 else { return "" }
        var svg = "<g class=\"run-labels\">"
        for (number, run) in zip(1..., chronology.runs) {
            svg += "<text x=\"\(SVGNumber.text(scale.x(run.start) + 5))\" y=\"\(SVGNumber.text(Self.top + 14))\">run \(number)</text>"
        }
        return svg + "</g>"
    }

    /// One line: a solid path through the thinned points, and a dashed one for each step
    /// across downtime whose two ends differ. A line that `extends` goes on at its last value
    /// to the end of the chart: nothing changed after its last state.
    private func line(_ points: [SeriesPoint], kind: String, colour: String, extends: Bool) -> String {
        let points = SeriesThinning.keepingEdges(of: chronology.downtimes, in: points)
        let kept = SeriesThinning.kept(points, columns: columns) { Int((scale.x($0) - ReportGeometry.plotLeft) / ReportGeometry.plotWidth * Double(columns)) }
        var solid = SVGPath()
        var uncertain = SVGPath()
        var previous: SeriesPoint?
        var downtime = 0
        for index in kept {
            let point = points[index]
            let (x, y) = (scale.x(point.time), y(point.value))
            guard let before = previous else {
                solid.move(to: x, y)
                previous = point
                continue
            }
            while downtime < chronology.downtimes.count, chronology.downtimes[downtime].end <= before.time { downtime += 1 }
            let crossesDowntime = downtime < chronology.downtimes.count
                && chronology.downtimes[downtime].start >= before.time && chronology.downtimes[downtime].end <= point.time
            // Values computed two ways (a sum updated along the way) differ in their last bits.
            if crossesDowntime, abs(before.value - point.value) > 1e-9 {
                uncertain.move(to: scale.x(before.time), self.y(before.value))
                uncertain.line(to: x, y)
                solid.move(to: x, y)
            } else {
                solid.line(to: x, y)
            }
            previous = point
        }
        if extends, let last = previous {
            // A line of one point still shows, as a stub.
            solid.horizontal(to: max(scale.x(scale.end), scale.x(last.time) + 2))
        }
        var svg = "<path class=\"series \(kind)\" stroke=\"\(colour)\" d=\"\(solid.data)\"/>"
        if !uncertain.isEmpty {
            svg += "<path class=\"series-uncertain\" stroke=\"\(colour)\" d=\"\(uncertain.data)\"/>"
        }
        return svg
    }

    /// A ring on each tracker's line where a later run resumed it.
    private func resumePoints() -> String {
        var svg = "<g class=\"points\">"
        for track in chronology.tracks {
            for point in track.points where point.kind == .event(.resumed) {
                svg += "<circle class=\"point point-resumed\" stroke=\"\(ReportPalette.colour(of: track.index))\""
                    + " cx=\"\(SVGNumber.text(scale.x(point.time)))\" cy=\"\(SVGNumber.text(y(point.percent)))\" r=\"3.5\">"
                    + "<title>\(HTMLText.value(track.name, width: ReportGeometry.labelColumns)) resumed at \(ChartFrame.time(point.time))</title></circle>"
            }
        }
        return svg + "</g>"
    }
}
