import ProgressTracking

/// How a set's status reads: a table for people, one line for logs.
enum StatusText {
    private static let overallLabel = "overall"
    private static let gap = "  "
    /// Names are cut before the bar shrinks below this (or a third of the room on a narrow
    /// terminal), and never below `minimumNameWidth`.
    private static let preferredBarWidth = 20
    private static let minimumNameWidth = 8
    private static let minimumBarWidth = 5
    private static let maximumBarWidth = 40

    /// One row per tracker in creation order (name, bar, current/total, percent), then the
    /// overall row, fitted to `width` columns as far as a 5-character bar allows.
    static func table(_ status: TrackerSetStatus, width: Int) -> [String] {
        let trackers = status.order.compactMap { name in status.trackers[name].map { (name: name, status: $0) } }
        let counts = trackers.map { "\($0.status.current)/\($0.status.total)" }
        let countsWidth = counts.map(\.count).max() ?? 0
        let room = width - countsWidth - Cell.percentWidth - 3 * gap.count
        let longestName = trackers.map(\.name.count).reduce(overallLabel.count, max)
        let barFloor = min(preferredBarWidth, max(minimumBarWidth, room / 3))
        let nameWidth = max(minimumNameWidth, min(longestName, room - barFloor))
        let barWidth = min(max(room - nameWidth, minimumBarWidth), maximumBarWidth)

        func row(_ name: String, _ count: String, _ percent: Double) -> String {
            [
                Cell.left(name, width: nameWidth),
                Cell.bar(percent: percent, width: barWidth),
                Cell.right(count, width: countsWidth),
                Cell.right(Cell.percent(percent), width: Cell.percentWidth),
            ].joined(separator: gap)
        }
        return zip(trackers, counts).map { tracker, count in row(tracker.name, count, tracker.status.percent) }
            + [row(overallLabel, "", status.overall)]
    }

    /// The whole status on one line, for a log: `overall 62.5% | extract 200/200 100.0% | …`.
    static func line(_ status: TrackerSetStatus) -> String {
        let trackers = status.order.compactMap { name in
            status.trackers[name].map { "\(name) \($0.current)/\($0.total) \(Cell.percent($0.percent))" }
        }
        return (["\(overallLabel) \(Cell.percent(status.overall))"] + trackers).joined(separator: " | ")
    }

    /// How fast the set goes, while it is not done and its rate is known:
    /// `rate 0.52%/s, eta 1m 20s` (the estimate counts from the last change).
    static func pace(_ status: TrackerSetStatus) -> String? {
        guard status.overall < 100, let rate = status.rate, let eta = status.eta else { return nil }
        return "rate \(String(format: "%.2f", rate))%/s, eta \(TrackerStatus.durationText(eta))"
    }

    /// One tracker after a write: `import/rows 51/100 51.0%`.
    static func tracker(_ tracker: ProgressTracker, _ status: TrackerStatus) -> String {
        "\(tracker.trackerSet.name)/\(tracker.name) \(status.current)/\(status.total) \(Cell.percent(status.percent))"
    }
}
