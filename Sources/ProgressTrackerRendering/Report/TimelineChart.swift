internal import ProgressTracking

/// The timeline: a Gantt-like row per tracker on the report's time scale, under a row of
/// the set's runs. A tracker's row has a thin bar from its creation to its start (waiting),
/// a bar in its colour from its start to its completion (or its removal, or the end),
/// a triangle where a later run resumed it, a diamond where it completed, a cross where it
/// was removed, and its active time after the bar. Downtime and the set's markers run
/// across all rows.
///
/// Stable class names: `bar bar-run` per run, `bar bar-waiting` and `bar bar-active` per
/// tracker that waited or started, `mark mark-resumed`, `mark mark-completed`, `mark mark-removed`.
struct TimelineChart {
    private static let top = 34.0
    private static let rowHeight = 26.0
    private static let barHeight = 14.0

    let chronology: RunChronology
    let scale: ReportTimeScale

    var height: Double { Self.top + Double(chronology.tracks.count + 1) * Self.rowHeight + 8 }

    func svg() -> String {
        let bottom = Self.top + Double(chronology.tracks.count + 1) * Self.rowHeight
        let frame = ChartFrame(chronology: chronology, scale: scale, top: Self.top, bottom: bottom)
        var svg = ChartFrame.open("timeline", height: height, label: "Timeline of the trackers")
        svg += frame.downtimes(labelled: false)
        svg += frame.timeGrid(labelY: Self.top - 10)
        svg += runRow()
        for (row, track) in zip(1..., chronology.tracks) {
            svg += trackerRow(track, row: row)
        }
        svg += frame.markers()
        return svg + "</svg>"
    }

    private func middle(ofRow row: Int) -> Double {
        Self.top + (Double(row) + 0.5) * Self.rowHeight
    }

    private func label(_ text: String, row: Int) -> String {
        "<text class=\"row-label\" x=\"\(SVGNumber.text(ReportGeometry.plotLeft - 10))\" y=\"\(SVGNumber.text(middle(ofRow: row)))\" dy=\"4\" text-anchor=\"end\">\(text)</text>"
    }

    private func bar(_ kind: String, from start: Double, to end: Double, row: Int, height: Double, colour: String? = nil, title: String) -> String {
        let x = scale.x(start)
        let fill = colour.map { " fill=\"\($0)\"" } ?? ""
        return "<rect class=\"bar bar-\(kind)\"\(fill) x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(middle(ofRow: row) - height / 2))\""
            + " width=\"\(SVGNumber.text(max(scale.x(end) - x, 2)))\" height=\"\(SVGNumber.text(height))\"><title>\(title)</title></rect>"
    }

    /// The set's runs: one grey bar each, named when there is room.
    private func runRow() -> String {
        var svg = "<g class=\"row row-runs\">" + label("runs", row: 0)
        for (number, run) in zip(1..., chronology.runs) {
            svg += bar("run", from: run.start, to: run.end, row: 0, height: Self.barHeight,
                       title: "Run \(number): \(ChartFrame.time(run.start)) to \(ChartFrame.time(run.end))")
            let width = scale.x(run.end) - scale.x(run.start)
            if width >= 44 {
                svg += "<text class=\"bar-text\" x=\"\(SVGNumber.text(scale.x(run.start) + 6))\" y=\"\(SVGNumber.text(middle(ofRow: 0)))\" dy=\"4\">run \(number)</text>"
            }
        }
        return svg + "</g>"
    }

    private func trackerRow(_ track: TrackerTrack, row: Int) -> String {
        let name = HTMLText.value(track.name, width: ReportGeometry.labelColumns)
        let colour = ReportPalette.colour(of: track.index)
        let created = track.createdAt ?? track.points.first?.time ?? chronology.start
        let last = track.removedAt ?? chronology.end
        var svg = "<g class=\"row row-tracker\">" + label(name, row: row)
        let waitEnd = track.startedAt ?? last
        if waitEnd > created || track.startedAt == nil {
            svg += bar("waiting", from: created, to: waitEnd, row: row, height: 4, title: "\(name): created at \(ChartFrame.time(created)), waiting")
        }
        var barEnd = waitEnd
        if let started = track.startedAt {
            let finished = finishedAt(track)
            barEnd = finished ?? last
            let state = finished.map { "completed at \(ChartFrame.time($0))" } ?? (track.removedAt != nil ? "removed" : "not complete")
            svg += bar("active", from: started, to: barEnd, row: row, height: Self.barHeight, colour: colour,
                       title: "\(name): started at \(ChartFrame.time(started)), \(state)")
            if let finished {
                svg += mark("completed", "M0 -6l6 6l-6 6l-6 -6z", at: finished, row: row, title: "\(name) completed at \(ChartFrame.time(finished))")
            }
        }
        for resumed in track.resumedAt {
            svg += mark("resumed", "M-5 -8h10l-5 7z", at: resumed, row: row, title: "\(name) resumed by a later run at \(ChartFrame.time(resumed))")
        }
        if let removed = track.removedAt {
            svg += mark("removed", "M-4 -4l8 8m0 -8l-8 8", at: removed, row: row, title: "\(name) removed at \(ChartFrame.time(removed))")
        }
        if let status = track.status, status.startedAt != nil {
            let x = scale.x(barEnd) + 10
            if x < ReportGeometry.width - 48 {
                svg += "<text class=\"bar-note\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(middle(ofRow: row)))\" dy=\"4\">\(DurationText.of(status.elapsed))</text>"
            }
        }
        return svg + "</g>"
    }

    private func mark(_ kind: String, _ shape: String, at time: Double, row: Int, title: String) -> String {
        "<path class=\"mark mark-\(kind)\" transform=\"translate(\(SVGNumber.text(scale.x(time))) \(SVGNumber.text(middle(ofRow: row))))\" d=\"\(shape)\"><title>\(title)</title></path>"
    }

    /// When the tracker last completed, if it is complete at its last state.
    private func finishedAt(_ track: TrackerTrack) -> Double? {
        guard let last = track.points.last, last.isComplete else { return nil }
        return track.points.last { $0.kind == .event(.completed) }?.time ?? track.completedAt
    }
}
