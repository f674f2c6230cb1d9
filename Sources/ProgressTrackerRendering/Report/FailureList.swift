internal import ProgressTracking

/// The report's failures: how many items failed and were skipped, and the failed items
/// themselves, oldest first, at most `RunReportInput.listedFailures` of them, with a note
/// when there are more.
///
/// Stable class names: `table.failures`, `tr.failure` per item.
struct FailureList {
    let setName: String
    let status: TrackerSetStatus
    /// Oldest first; one more than are listed says that there are more.
    let failures: [ItemFailure]

    /// Whether there is anything to show: no failure and no skip, no section.
    var isEmpty: Bool { status.failed == 0 && status.skipped == 0 && failures.isEmpty }

    func html() -> String {
        let resolved = failures.prefix(RunReportInput.listedFailures).filter { $0.resolution != nil }.count
        var counts = ["\(status.failed) \(status.failed == 1 ? "item" : "items") failed and not resolved",
                      "\(status.skipped) skipped"]
        if resolved > 0 { counts.append("\(resolved) listed below failed first and were counted or skipped later") }
        var html = "<p class=\"counts\">" + counts.joined(separator: " · ") + ".</p>"
        guard !failures.isEmpty else { return html }
        html += "<table class=\"failures\"><thead><tr><th>Tracker</th><th class=\"text\">Item</th><th class=\"text\">Reason</th><th>Attempts</th>"
            + "<th>First failed</th><th>Last failed</th><th class=\"text\">Now</th></tr></thead><tbody>"
        for failure in failures.prefix(RunReportInput.listedFailures) {
            let now = switch failure.resolution {
            case nil: "failed"
            case .counted: "counted later"
            case .skipped: "skipped later"
            }
            html += "<tr class=\"failure\"><td>\(HTMLText.value(failure.tracker, width: 40))</td>"
                + "<td class=\"text key\">\(HTMLText.value(failure.key, width: 60))</td>"
                + "<td class=\"text reason\">\(HTMLText.value(failure.reason, width: 120))</td>"
                + "<td>\(failure.attempts)</td><td>\(LocalTime.of(failure.firstFailedAt))</td><td>\(LocalTime.of(failure.lastFailedAt))</td>"
                + "<td class=\"text\">\(now)</td></tr>"
        }
        html += "</tbody></table>"
        if failures.count > RunReportInput.listedFailures {
            html += "<p class=\"note\">Only the first \(RunReportInput.listedFailures) failed items are listed, oldest first. "
                + "<code>progress-tracker failures \(HTMLText.value(setName, width: 60))</code> lists them all.</p>"
        }
        return html
    }
}
