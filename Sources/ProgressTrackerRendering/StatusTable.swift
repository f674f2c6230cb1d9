package import ProgressTracking

/// The `status` table: one row per tracker in creation order (name, bar, current/total,
/// percent, and its failed and skipped items when it has any: `CountNotes`), then the overall row.
///
/// Fitted to the width: names are cut before the bar shrinks below `preferredBarWidth` (or a
/// third of the room on a narrow terminal), and never below `minimumNameWidth`. A terminal too
/// narrow for that and a bar of `minimumBarWidth` gets no bars, so that the counts and
/// percentages still show; and if even they do not fit, each line is cut to the width
/// (`Truncation`): no line is ever wider.
package enum StatusTable {
    static let overallLabel = "overall"
    private static let gap = "  "
    private static let preferredBarWidth = 20
    private static let minimumNameWidth = 8
    private static let minimumBarWidth = 5
    private static let maximumBarWidth = 40

    /// The table's lines for a terminal `width` columns wide.
    /// - Complexity: O(n) in the set's trackers and the length of their names.
    package static func lines(_ status: TrackerSetStatus, width: Int) -> [String] {
        let trackers = status.order.compactMap { name in status.trackers[name].map { (name: name, status: $0) } }
        let counts = trackers.map { "\($0.status.current)/\($0.status.total)" }
        let countsWidth = counts.map(\.count).max() ?? 0
        let notes = trackers.map { CountNotes.of($0.status) } + [CountNotes.of(status)]
        // A column after the percentages, only when a row has something to say in it.
        let notesWidth = notes.compactMap { $0.map { gap.count + $0.count } }.max() ?? 0
        // The name and the bar share what the counts, percentages and notes leave.
        let room = width - countsWidth - PercentText.width - 2 * gap.count - notesWidth
        let longestName = trackers.map { Cell.width(of: $0.name) }.reduce(overallLabel.count, max)
        let barRoom = room - gap.count
        let showsBars = barRoom - minimumBarWidth >= minimumNameWidth
        let barFloor = min(preferredBarWidth, max(minimumBarWidth, barRoom / 3))
        let nameWidth = showsBars ? max(minimumNameWidth, min(longestName, barRoom - barFloor)) : max(1, min(longestName, room))
        let barWidth = showsBars ? min(max(barRoom - nameWidth, minimumBarWidth), maximumBarWidth) : 0

        func row(_ name: String, _ count: String, _ percent: Double, _ note: String?) -> String {
            let bar = showsBars ? [ProgressBar.of(percent: percent, width: barWidth)] : []
            let cells = [Cell.left(name, width: nameWidth)] + bar + [
                Cell.right(count, width: countsWidth),
                Cell.right(PercentText.of(percent), width: PercentText.width),
            ] + [note].compactMap { $0 }
            return Truncation.cut(cells.joined(separator: gap), toWidth: width)
        }
        return zip(trackers, counts).map { tracker, count in row(tracker.name, count, tracker.status.percent, CountNotes.of(tracker.status)) }
            + [row(overallLabel, "", status.overall, CountNotes.of(status))]
    }
}
