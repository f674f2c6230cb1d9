package import ProgressTracking

/// The `history` table: one line per event, oldest first: local time, tracker (`*` for the
/// set's own events), event, count (with the failed and skipped items when there are any:
/// `CountNotes`).
///
/// Fitted to the width as `status` and `sets` are: the tracker column is as wide as the
/// longest name, cut down to what the width leaves (never below `minimumTrackerWidth`), and
/// each line is cut to the width when even that does not fit.
package enum HistoryTable {
    private static let gap = "  "
    private static let minimumTrackerWidth = 8
    private static let headers = (time: "TIME", tracker: "TRACKER", kind: "EVENT", count: "COUNT")
    private static let kindWidth = HistoryEvent.Kind.allCases.map(\.rawValue.count).reduce(headers.kind.count, max)

    /// The table's lines for a terminal `width` columns wide.
    /// - Complexity: O(n) in the events and the length of their tracker names.
    package static func lines(_ events: [HistoryEvent], width: Int) -> [String] {
        let counts = events.map { "\($0.current)/\($0.total)" + CountNotes.following(failed: $0.failed, skipped: $0.skipped) }
        let countWidth = counts.map(\.count).reduce(headers.count.count, max)
        let room = width - LocalTime.width - kindWidth - countWidth - 3 * gap.count
        let longestTracker = events.map { Cell.width(of: $0.tracker ?? Placeholder.wholeSet) }.reduce(headers.tracker.count, max)
        let trackerWidth = max(min(minimumTrackerWidth, longestTracker), min(longestTracker, room))

        func line(_ time: String, _ tracker: String, _ kind: String, _ count: String) -> String {
            let cells = [
                Cell.left(time, width: LocalTime.width), Cell.left(tracker, width: trackerWidth),
                Cell.left(kind, width: kindWidth), count,
            ]
            return Truncation.cut(cells.joined(separator: gap), toWidth: width)
        }
        return [line(headers.time, headers.tracker, headers.kind, headers.count)]
            + zip(events, counts).map { event, count in line(LocalTime.of(event.at), event.tracker ?? Placeholder.wholeSet, event.kind.rawValue, count) }
    }
}
