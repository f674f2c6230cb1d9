#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import ProgressTracking

/// The report's final table: one row per current tracker in creation order (counted, total,
/// done with a bar, failed and skipped when the set has any, started, completed, active time,
/// mean rate over the active time), and the set's row at the foot. Removed trackers, which
/// have no status, are named under it.
///
/// Stable class names: `table.final`, `tr.tracker` per tracker, `tr.overall`.
struct ReportTable {
    let status: TrackerSetStatus
    let summary: TrackerSetSummary
    /// Trackers of the history that the set no longer has.
    let removed: [String]

    /// Failed and skipped columns appear once the set has either.
    private var showsFailures: Bool { status.failed > 0 || status.skipped > 0 }

    func html() -> String {
        var html = "<table class=\"final\"><thead><tr><th>Tracker</th><th>Counted</th><th>Total</th><th>Done</th>"
        if showsFailures { html += "<th>Failed</th><th>Skipped</th>" }
        html += "<th>Started</th><th>Completed</th><th>Active</th><th>Mean rate</th></tr></thead><tbody>"
        for (index, name) in status.order.enumerated() {
            guard let tracker = status.trackers[name] else { continue }
            html += "<tr class=\"tracker\"><td class=\"name\"><span class=\"swatch\" style=\"background:\(ReportPalette.colour(of: index))\"></span>"
                + HTMLText.value(name, width: 60) + "</td>"
                + cells(current: "\(tracker.current)", total: "\(tracker.total)", percent: tracker.percent,
                        failed: tracker.failed, skipped: tracker.skipped, started: tracker.startedAt, completed: tracker.completedAt,
                        elapsed: tracker.elapsed, meanRate: tracker.elapsed > 0 ? Double(tracker.current) / tracker.elapsed : nil)
                + "</tr>"
        }
        html += "</tbody><tfoot><tr class=\"overall\"><td class=\"name\">overall</td>"
            + cells(current: "\(summary.items)", total: "\(totalOfTotals)", percent: status.overall,
                    failed: status.failed, skipped: status.skipped, started: summary.startedAt, completed: summary.completedAt,
                    elapsed: summary.elapsed, meanRate: summary.meanRate)
            + "</tr></tfoot></table>"
        if !removed.isEmpty {
            html += "<p class=\"note\">Removed, shown in the charts only: "
                + removed.map { HTMLText.value($0, width: 60) }.joined(separator: ", ") + ".</p>"
        }
        return html
    }

    /// The sum of the totals, saturated as the set's own sums are.
    private var totalOfTotals: Int {
        status.trackers.values.reduce(0) { sum, tracker in
            let (result, overflow) = sum.addingReportingOverflow(tracker.total)
            return overflow ? .max : result
        }
    }

    private func cells(
        current: String, total: String, percent: Double, failed: Int, skipped: Int,
        started: Date?, completed: Date?, elapsed: Double, meanRate: Double?
    ) -> String {
        // The meter's width is a share in percent, which PercentText's digits give exactly.
        let shown = PercentText.of(percent)
        var html = "<td>\(current)</td><td>\(total)</td>"
            + "<td class=\"done\"><span class=\"meter\"><span style=\"width:\(shown)\"></span></span>\(shown)</td>"
        if showsFailures { html += "<td>\(failed)</td><td>\(skipped)</td>" }
        html += "<td>\(started.map(LocalTime.of) ?? Placeholder.none)</td><td>\(completed.map(LocalTime.of) ?? Placeholder.none)</td>"
        html += "<td>\(started == nil ? Placeholder.none : DurationText.of(elapsed))</td>"
        html += "<td>\(meanRate.map(TrackerStatus.rateText) ?? Placeholder.none)</td>"
        return html
    }
}
