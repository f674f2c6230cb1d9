package import ProgressTracking

/// A status on one line, for logs and for the commands that write: names are quoted values
/// (`MessageText`), escaped and cut, and the line is not fitted to a width.
package enum StatusLine {
    /// The whole set: `overall 62.5% | extract 200/200 100.0% | transform 50/200 25.0%`.
    package static func of(_ status: TrackerSetStatus) -> String {
        let trackers = status.order.compactMap { name in
            status.trackers[name].map { "\(MessageText.value(name)) \(counts(of: $0))" }
        }
        return (["\(StatusTable.overallLabel) \(PercentText.of(status.overall))"] + trackers).joined(separator: " | ")
    }

    /// One tracker after a write: `import/rows 51/100 51.0%`.
    package static func tracker(set: String, tracker: String, _ status: TrackerStatus) -> String {
        "\(MessageText.value(set))/\(MessageText.value(tracker)) \(counts(of: status))"
    }

    /// `51/100 51.0%`, and `, 2 failed, 1 skipped` when there are any (`CountNotes`).
    private static func counts(of status: TrackerStatus) -> String {
        "\(status.current)/\(status.total) \(PercentText.of(status.percent))" + CountNotes.following(failed: status.failed, skipped: status.skipped)
    }
}
