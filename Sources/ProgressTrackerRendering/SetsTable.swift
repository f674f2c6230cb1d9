#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
package import ProgressTracking

/// The `sets` listing: a header, then one line per set with its run: how long it was active,
/// when it started and when it finished. When a set is paused or cancelled, a `STATE` column
/// after the overall progress says so for every set; while all run, it is left out.
///
/// Fitted to the width: the time columns are dropped first (finished, then started), then
/// names are cut, down to `minimumNameWidth`; below that each line is cut to the width.
package enum SetsTable {
    private static let gap = "  "
    private static let minimumNameWidth = 8
    private static let headers = (
        name: "SET", trackers: "TRACKERS", overall: "OVERALL", state: "STATE", duration: "DURATION", started: "STARTED",
        finished: "FINISHED"
    )

    /// The listing's lines for a terminal `width` columns wide.
    /// - Complexity: O(n) in the sets and the length of their names.
    package static func lines(_ summaries: [TrackerSetSummary], width: Int) -> [String] {
        let durations = summaries.map { $0.startedAt == nil ? Placeholder.none : DurationText.of($0.elapsed) }
        let trackersWidth = headers.trackers.count
        let overallWidth = headers.overall.count
        let durationWidth = durations.map(\.count).reduce(headers.duration.count, max)
        let showsState = summaries.contains { $0.state != .running }
        let stateWidth = showsState ? summaries.map(\.state.rawValue.count).reduce(headers.state.count, max) : 0
        let fixedWidth = trackersWidth + overallWidth + durationWidth + 3 * gap.count + (showsState ? stateWidth + gap.count : 0)
        let timeColumnWidth = gap.count + LocalTime.width
        let longestName = summaries.map { Cell.width(of: $0.name) }.reduce(headers.name.count, max)
        let timeColumns = (0...2).last { count in
            width - fixedWidth - count * timeColumnWidth >= min(longestName, minimumNameWidth) + gap.count
        } ?? 0
        let nameWidth = max(minimumNameWidth, min(longestName, width - fixedWidth - timeColumns * timeColumnWidth - gap.count))

        func line(
            _ name: String, _ trackers: String, _ overall: String, _ state: String, _ duration: String, _ started: String, _ finished: String
        ) -> String {
            let times = [started, finished].prefix(timeColumns).map { Cell.left($0, width: LocalTime.width) }
            let cells = [
                Cell.left(name, width: nameWidth), Cell.right(trackers, width: trackersWidth), Cell.right(overall, width: overallWidth),
            ] + (showsState ? [Cell.left(state, width: stateWidth)] : []) + [Cell.right(duration, width: durationWidth)]
            return Truncation.cut((cells + times).joined(separator: gap).trimmingTrailingSpaces(), toWidth: width)
        }
        func time(_ date: Date?) -> String {
            date.map(LocalTime.of) ?? Placeholder.none
        }
        return [line(headers.name, headers.trackers, headers.overall, headers.state, headers.duration, headers.started, headers.finished)]
            + zip(summaries, durations).map { summary, duration in
                line(
                    summary.name, "\(summary.trackerCount)", PercentText.of(summary.overall), summary.state.rawValue, duration,
                    time(summary.startedAt), time(summary.completedAt)
                )
            }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
