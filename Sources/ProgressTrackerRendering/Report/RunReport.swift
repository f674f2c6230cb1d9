#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import ProgressTracking

/// `progress-tracker report`: one set's run as a single self-contained HTML page. It has no
/// script and fetches nothing (its content security policy forbids every fetch): the charts
/// are inline SVG, the style an inline stylesheet.
///
/// The page, top to bottom: the set's name and its facts (overall, trackers, items, active
/// time, mean rate, runs, downtime, failures); the progress over time (`ProgressChart`); the
/// timeline (`TimelineChart`); the rate over time (`RateChart`); the final table
/// (`ReportTable`); the failures and skips when there are any (`FailureList`).
package enum RunReport {
    /// The line that marks a page as a report: `progress-tracker report` overwrites a file
    /// only if its head has it.
    package static let generatorMark = #"<meta name="generator" content="progress-tracker report">"#

    /// The page.
    /// - Complexity: O(n + t·c) in the history's events, the trackers and the columns each
    ///   line is thinned to: a history of any length draws at most a few hundred points per line.
    package static func html(_ input: RunReportInput) -> String {
        let chronology = RunChronology(history: input.history, status: input.status)
        let name = HTMLText.value(input.setName, width: 80)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            \(generatorMark)
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(name) · progress report</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            \(patterns)
            <main>

            """
        html += header(input, chronology: chronology, name: name) + "\n"
        if chronology.isEmpty {
            let why = input.status.order.isEmpty ? "the set has no trackers." : "the set's history has no events."
            html += "<section class=\"no-history\"><h2>Progress over time</h2><p class=\"empty\">Nothing to draw yet: \(why)</p></section>\n"
        } else {
            html += charts(input, chronology: chronology)
        }
        let removed = chronology.tracks.filter { $0.status == nil }.map(\.name)
        html += "<section class=\"table\"><h2>Final state</h2>"
            + ReportTable(status: input.status, summary: input.summary, removed: removed).html() + "</section>\n"
        let failures = FailureList(setName: input.setName, status: input.status, failures: input.failures)
        if !failures.isEmpty {
            html += "<section class=\"failures\"><h2>Failures and skips</h2>" + failures.html() + "</section>\n"
        }
        html += "<footer>Made by <code>progress-tracker report</code> at \(LocalTime.of(input.generatedAt)) from "
            + "\(HTMLText.value(input.storePath, width: 200)). Times are local (\(HTMLText.value(LocalTime.zoneName, width: 40))). "
            + "The charts draw at most a few hundred points per line, keeping every lifecycle event and each column's extremes; "
            + "the table is exact.</footer>\n"
        return html + "</main>\n</body>\n</html>\n"
    }

    /// How many columns each line is thinned to: fewer when there are many lines, so that
    /// the page stays small.
    static func columns(forTrackers count: Int) -> Int {
        min(max(6_000 / max(count, 1), 30), 200)
    }

    // MARK: - Parts

    private static let patterns = """
        <svg class="patterns" width="0" height="0" style="position:absolute" aria-hidden="true"><defs>\
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#f6f8fa"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c4cdd5" stroke-width="2"/>\
        </pattern></defs></svg>
        """

    private static func header(_ input: RunReportInput, chronology: RunChronology, name: String) -> String {
        let summary = input.summary
        let interruptions = chronology.interruptions.count
        let downtime = chronology.downtimes.reduce(0) { $0 + $1.duration }
        let removed = chronology.tracks.count(where: { $0.status == nil })
        var facts = [
            fact("Overall", PercentText.of(input.status.overall)),
            fact("Trackers", "\(summary.trackerCount)" + (removed > 0 ? " <small>+\(removed) removed</small>" : "")),
            fact("Items counted", "\(summary.items)"),
            fact("Active time", summary.startedAt == nil ? Placeholder.none : DurationText.of(summary.elapsed)),
            fact("Mean rate", summary.meanRate.map(TrackerStatus.rateText) ?? Placeholder.none),
            fact("Runs", "\(chronology.runs.count)" + (interruptions > 0 ? " <small>interrupted \(times(interruptions))</small>" : "")),
            fact("Downtime", chronology.downtimes.isEmpty ? "none" : DurationText.of(downtime)),
        ]
        if input.status.failed > 0 { facts.append(fact("Failed", "\(input.status.failed)")) }
        if input.status.skipped > 0 { facts.append(fact("Skipped", "\(input.status.skipped)")) }
        var moments = ["created \(LocalTime.of(summary.createdAt))"]
        if let started = summary.startedAt { moments.append("started \(LocalTime.of(started))") }
        if let completed = summary.completedAt { moments.append("completed \(LocalTime.of(completed))") }
        return "<header><h1><span class=\"kind\">Progress report:</span> \(name) \(stateBadge(input))</h1>"
            + "<p class=\"subtitle\">Set \(name): " + moments.joined(separator: " · ") + ".</p>"
            + "<dl class=\"facts\">" + facts.joined() + "</dl></header>"
    }

    private static func fact(_ term: String, _ value: String) -> String {
        "<div class=\"fact\"><dt>\(term)</dt><dd>\(value)</dd></div>"
    }

    private static func times(_ count: Int) -> String {
        switch count {
        case 1: "once"
        case 2: "twice"
        default: "\(count) times"
        }
    }

    /// The set's state: complete, paused or cancelled, not started, or in progress.
    private static func stateBadge(_ input: RunReportInput) -> String {
        let (kind, text) = if input.summary.completedAt != nil {
            ("complete", "complete")
        } else if input.summary.state != .running {
            (input.summary.state.rawValue, input.summary.state.rawValue)
        } else if input.summary.startedAt == nil {
            ("idle", "not started")
        } else {
            ("running", "in progress")
        }
        return "<span class=\"state state-\(kind)\">\(text)</span>"
    }

    private static func charts(_ input: RunReportInput, chronology: RunChronology) -> String {
        let scale = ReportTimeScale(chronology, left: ReportGeometry.plotLeft, width: ReportGeometry.plotWidth)
        let columns = columns(forTrackers: chronology.tracks.count)
        var html = "<section class=\"progress\"><h2>Progress over time</h2>"
            + legend(chronology, withOverall: true) + markerLegend(chronology, scale: scale)
            + ProgressChart(chronology: chronology, scale: scale, weights: input.weights, columns: columns).svg()
            + "<p class=\"caption\">Each tracker's share done, and the overall as the set weighs it (a tracker's own weight, "
            + "else its total). The time axis counts active time from the first event; long downtime is left out as a hatched "
            + "band labelled with its length, short downtime is shaded in place.</p></section>\n"
        let timeline = TimelineChart(chronology: chronology, scale: scale)
        html += "<section class=\"timeline\"><h2>Timeline</h2>" + timeline.svg()
            + "<p class=\"caption\">Thin bar: created, not started. Coloured bar: from the first item counted to completion "
            + "(◆), removal (✕) or the last change; ▼ a later run resumed it. After each bar, the tracker's active time.</p></section>\n"
        let rate = RateChart(chronology: chronology, scale: scale, columns: columns)
        html += "<section class=\"rate\"><h2>Rate over time</h2>"
        if rate.isEmpty {
            html += "<p class=\"empty\">No rate yet: no tracker has counted over a measurable stretch of time.</p>"
        } else {
            html += legend(chronology, withOverall: false) + rate.svg()
                + "<p class=\"caption\">Items per second between consecutive states in the history (merged over at least "
                + "a 300th of the axis), as steps; a line breaks at downtime, a resume or a lowered count.</p>"
        }
        return html + "</section>\n"
    }

    private static func legend(_ chronology: RunChronology, withOverall: Bool) -> String {
        var html = "<ul class=\"legend\">"
        for track in chronology.tracks {
            html += "<li><span class=\"line\" style=\"background:\(ReportPalette.colour(of: track.index))\"></span>"
                + HTMLText.value(track.name, width: 40) + (track.status == nil ? " <small>(removed)</small>" : "") + "</li>"
        }
        if withOverall {
            html += "<li><span class=\"line overall\" style=\"background:\(ReportPalette.overall)\"></span><strong>overall</strong></li>"
        }
        return html + "</ul>"
    }

    /// The keys of the markers and the downtime that the chart shows.
    private static func markerLegend(_ chronology: RunChronology, scale: ReportTimeScale) -> String {
        let kinds = Set(chronology.markers.map(\.kind))
        var items: [String] = []
        if kinds.contains(.interrupted) {
            items.append(#"<svg viewBox="0 0 18 14"><line class="marker marker-interrupted" x1="9" x2="9" y1="0" y2="14"/></svg>interrupted"#)
        }
        if kinds.contains(.resumed) {
            items.append(#"<svg viewBox="0 0 18 14"><line class="marker marker-resumed" x1="9" x2="9" y1="4" y2="14"/><path class="marker-head" d="M9 5l-4 -5h8z"/></svg>resumed"#)
        }
        if kinds.contains(.paused) || kinds.contains(.cancelled) {
            items.append(#"<svg viewBox="0 0 18 14"><line class="marker marker-paused" x1="9" x2="9" y1="0" y2="14"/></svg>paused or cancelled"#)
        }
        if !scale.bands.isEmpty {
            items.append(#"<svg viewBox="0 0 18 14"><rect class="downtime-omitted" x="3" y="0" width="12" height="14"/></svg>downtime, left out"#)
        }
        if chronology.downtimes.count > scale.bands.count {
            items.append(#"<svg viewBox="0 0 18 14"><rect class="downtime-kept" x="3" y="0" width="12" height="14"/></svg>downtime, shaded"#)
        }
        guard !items.isEmpty else { return "" }
        return "<ul class=\"legend legend-markers\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
    }
}
