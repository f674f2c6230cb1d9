package import ProgressTracking

/// The `failures` table: a header, then one line per failed item, oldest first: its tracker,
/// its key, how many times it failed, when it last failed (local time), how it was resolved
/// (only when resolved items are listed) and the last reason.
///
/// Tracker names, keys and reasons are other people's text: escaped and cut like every cell
/// (`Cell`). They share what the fixed columns leave by `ColumnShare`, so a long reason cuts
/// only itself; each line is cut to the width when even that does not fit.
package enum FailuresTable {
    private static let gap = "  "
    private static let minimumTextWidth = 8
    private static let headers = (
        tracker: "TRACKER", item: "ITEM", attempts: "ATTEMPTS", lastFailed: "LAST FAILED", resolved: "RESOLVED", reason: "REASON"
    )

    /// The table's lines for a terminal `width` columns wide; with `showsResolution`, a
    /// `RESOLVED` column says `counted`, `skipped` or `-` (still failed).
    /// - Complexity: O(n) in the failures and the length of their texts.
    package static func lines(_ failures: [ItemFailure], showsResolution: Bool, width: Int) -> [String] {
        let attemptsWidth = failures.map { "\($0.attempts)".count }.reduce(headers.attempts.count, max)
        let resolvedWidth = headers.resolved.count  // as wide as "counted" and "skipped"
        let fixedColumns = [attemptsWidth, LocalTime.width] + (showsResolution ? [resolvedWidth] : [])
        let gaps = (fixedColumns.count + 2) * gap.count
        let needed = [
            failures.map { Cell.width(of: $0.tracker) }.reduce(headers.tracker.count, max),
            failures.map { Cell.width(of: $0.key) }.reduce(headers.item.count, max),
            failures.map { Cell.width(of: $0.reason) }.reduce(headers.reason.count, max),
        ]
        let shared = ColumnShare.widths(needed: needed, room: width - fixedColumns.reduce(gaps, +), minimum: minimumTextWidth)

        func line(_ tracker: String, _ item: String, _ attempts: String, _ lastFailed: String, _ resolved: String, _ reason: String) -> String {
            let cells = [
                Cell.left(tracker, width: shared[0]), Cell.left(item, width: shared[1]),
                Cell.right(attempts, width: attemptsWidth), Cell.left(lastFailed, width: LocalTime.width),
            ]
                + (showsResolution ? [Cell.left(resolved, width: resolvedWidth)] : [])
                // The last column is not padded: a line ends with its text.
                + [Truncation.cut(TerminalEscape.escaped(reason), toWidth: shared[2])]
            return Truncation.cut(cells.joined(separator: gap), toWidth: width)
        }
        return [line(headers.tracker, headers.item, headers.attempts, headers.lastFailed, headers.resolved, headers.reason)]
            + failures.map { failure in
                line(
                    failure.tracker, failure.key, "\(failure.attempts)", LocalTime.of(failure.lastFailedAt),
                    failure.resolution?.rawValue ?? Placeholder.none, failure.reason
                )
            }
    }
}
